import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@tthc/event-store';
import { createTestDatabase, type TestDatabase } from '@tthc/testing';
import { ALL_MIGRATIONS, ALL_PROJECTIONS } from '../../apps/engine/src/composition';

const cli = resolve(__dirname, '../../dist/apps/engine/src/cli/rebuild-projections.js');

function run(args: string[], env: Record<string, string>) {
  const { PATH } = process.env;
  const result = spawnSync(process.execPath, [cli, ...args], {
    env: { PATH: PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run projections:rebuild', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
    const store = new PostgresEventStore(db.dataSource);
    for (let i = 0; i < 120; i++) {
      await store.append(
        `dossier-${randomUUID()}`,
        'dossier',
        0,
        Array.from({ length: 10 }, (_, n) => ({
          type: n === 0 ? 'DossierSubmitted' : 'DossierHandedOver',
          data: { n },
          metadata: { actor: { id: `officer-${i % 7}`, role: 'specialist' } },
          occurredAt: new Date(Date.UTC(2026, 2, 2, 2, n)),
        })),
      );
    }
    // The rebuild replays what is readable: not held back by a parallel suite's transaction on the server.
    await store.waitUntilReadable();
  });
  afterAll(() => db.drop());

  it('explains itself and refuses an unknown projection', () => {
    expect(run(['--help'], {}).stdout).toContain('Usage: npm run projections:rebuild');
    const unknown = run(['no-such-projection'], { DATABASE_URL: db.url });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown projection(s): no-such-projection (see --list)');
    expect(run(['--list'], { DATABASE_URL: db.url }).stdout).toContain('audit-trail');
  });

  it('rebuilds a projection from the whole log, with identical rows each time', async () => {
    const snapshot = () =>
      db.dataSource.query(
        'SELECT event_id, stream_id, stream_version, actor_id FROM audit_trail ORDER BY event_id',
      );
    const first = run(['audit-trail', '--batch', '100'], { DATABASE_URL: db.url });
    expect(first.stdout).toContain('audit-trail: rebuilt from 1,200 events');
    expect(first.code).toBe(0);
    const rows = await snapshot();
    expect(rows).toHaveLength(1200);
    // Every projection, three at a time (the default --parallel), each reported once.
    const second = run(['--all'], { DATABASE_URL: db.url });
    expect(second.code).toBe(0);
    expect(second.stdout.match(/: rebuilt from /g)).toHaveLength(ALL_PROJECTIONS.length);
    expect(await snapshot()).toEqual(rows);
    expect(run(['--all', '--parallel', '0'], { DATABASE_URL: db.url }).stderr).toContain(
      '--parallel needs a whole number from 1 to 16',
    );
  });
});
