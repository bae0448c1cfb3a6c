// `npm run simulate` against the built engine (npm run build first): a small simulated 2019 of Khánh Vĩnh
// district imported into the running engine's database, the same seed a second time importing nothing new,
// and a simulated dossier read back through the API.
import { spawn } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  actorHeaders,
  startEngine,
  waitForSamples,
  type EngineProcess,
  scratchDirectory,
} from '@tthc/testing';
import { importedDossierId } from '../../libs/dossiers/src/application/import-dossiers/dossier-importer';

const CLI = resolve(__dirname, '../../dist/apps/engine/src/cli/simulate.js');

function simulate(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((done) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv.DATABASE_URL;
    const child = spawn(process.execPath, [CLI, ...args], {
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.resume();
    child.once('exit', (code) => done({ code, stdout }));
  });
}

describe('npm run simulate (built engine, samples loaded)', () => {
  let engine: EngineProcess;
  let dataDir: string;
  const args = ['--agency', '000.00.18.H56', '--dossiers', '400', '--year', '2019', '--seed', '42'];

  beforeAll(async () => {
    dataDir = scratchDirectory('tthc-e2e-simulate-');
    chmodSync(dataDir, 0o755);
    engine = await startEngine({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    await waitForSamples(engine.baseUrl);
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('imports a deterministic year once, and nothing the second time', async () => {
    const first = await simulate(args, { DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('simulated 400 dossiers');
    expect(first.stdout).toContain('400 imported, 0 already imported, 0 failed');

    const again = await simulate(args, { DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 imported, 400 already imported, 0 failed');
    // The same seed describes the same year.
    const summary = (out: string) => out.split('\n').filter((line) => line.startsWith('  by '));
    expect(summary(again.stdout)).toEqual(summary(first.stdout));
  });

  it('writes the same year as NDJSON with --out, and a simulated dossier reads back with its timeline', async () => {
    const file = join(dataDir, 'year.ndjson');
    const written = await simulate([...args, '--out', file], { DATA_DIR: dataDir });
    expect(written.code).toBe(0);
    const records = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(records).toHaveLength(400);
    const returned = records.find(
      (r) => r.procedureCode === '1.004873' && r.steps.at(-1).action === 'return-result',
    );
    expect(returned).toBeDefined();

    const id = importedDossierId(returned!.externalId as string);
    const headers = actorHeaders({ id: 'officer-hoa', role: 'receiving-officer', agency: '000.31.18.H56' });
    let dossier: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
    for (let i = 0; i < 100 && dossier.status !== 'closed'; i++) {
      const res = await fetch(`${engine.baseUrl}/v1/dossiers/${id}`, { headers });
      if (res.status === 200)
        dossier = (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(dossier).toMatchObject({
      procedureCode: '1.004873',
      agencyCode: '000.31.18.H56',
      status: 'closed',
      outcome: 'returned',
      code: expect.stringMatching(/^000\.31\.18\.H56-1[89]\d{4}-\d{4}$/),
    });
    expect(dossier.timeline).toHaveLength(returned!.steps.length + 1);
  });
});
