// Runs a built app (`npm run build` first; `npm test` does it) as a real child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@tthc/platform';

const repoRoot = resolve(__dirname, '../../..');

export interface EngineProcess {
  readonly baseUrl: string;
  readonly port: number;
  output(): string;
  /** SIGTERM and wait for a clean exit; returns the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
}

/** Starts a built app and waits until it is ready; a port it chose and lost to another process is chosen again. */
export async function startEngine(
  env: Record<string, string | undefined>,
  app: 'engine' | 'api' | 'projector' = 'engine',
): Promise<EngineProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env, app);
    } catch (error) {
      const lostPort = env.PORT === undefined && /EADDRINUSE/.test((error as Error).message);
      if (!lostPort || attempt >= 3) throw error;
    }
  }
}

async function startOnce(
  env: Record<string, string | undefined>,
  app: 'engine' | 'api' | 'projector',
): Promise<EngineProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_BROKERS: undefined,
    DATABASE_URL: undefined,
    ...env,
  };
  childEnv.PORT = String(port);
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const child: ChildProcess = spawn(process.execPath, [resolve(repoRoot, `dist/apps/${app}/src/main.js`)], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${baseUrl}/health/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${app} did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    port,
    output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs an app to completion (for start-up failures); returns its exit code and output. */
export function runToExit(
  env: Record<string, string>,
  app = 'engine',
): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(repoRoot, `dist/apps/${app}/src/main.js`)], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => done({ code, output }));
  });
}

/**
 * Runs a built script (a CLI under dist/) to its exit with the test process's environment plus `env`, less
 * DATABASE_URL and KAFKA_BROKERS (the script then uses the engine's embedded database in its DATA_DIR).
 */
export function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv.DATABASE_URL;
    delete childEnv.KAFKA_BROKERS;
    const child = spawn(process.execPath, [resolve(repoRoot, script), ...args], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * Waits until the sample catalogue reached the read models (published at start-up, projected a
 * moment later, longer in Kafka mode): every given path answers 200.
 */
export async function waitForSamples(
  baseUrl: string,
  paths = ['/v1/procedures/1.004873', '/v1/agencies/000.31.18.H56'],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answers = await Promise.all(paths.map((p) => fetch(`${baseUrl}${p}`)));
    if (answers.every((a) => a.ok)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the sample catalogue never reached the read models (${paths.join(', ')})`);
}
