import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresEventStore } from '@tthc/event-store';
import { actorHeaders, runToExit, startEngine, scratchDirectory } from '@tthc/testing';
import { DataSource } from 'typeorm';

const AUDITOR = actorHeaders({ id: 'admin-audit', role: 'system-admin' });

describe('engine start-up', () => {
  it.each([
    ['PORT', 'not-a-port', /PORT must .*integer/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be a postgres/],
    ['KAFKA_BROKERS', 'localhost', /KAFKA_BROKERS must be a comma-separated list of host:port/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
  ])('stops with one clear line naming %s when it is wrong', async (key, value, message) => {
    const { code, output } = await runToExit({ [key]: value });
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^engine: Invalid configuration: /);
    expect(lines[0]).toContain(key);
    expect(lines[0]).toMatch(message);
  });

  it('keeps its data across a restart of the embedded default', async () => {
    const dataDir = scratchDirectory('tthc-e2e-data-');
    chmodSync(dataDir, 0o755);
    const env = { DATA_DIR: dataDir, LOAD_SAMPLES: 'false', LOG_LEVEL: 'warn' };
    const first = await startEngine(env);
    const port = /embedded PostgreSQL ready on 127\.0\.0\.1:(\d+)/.exec(first.output())?.[1];
    expect(port).toBeDefined();
    // The superuser password is generated with the data directory and kept beside it (mode 0600).
    const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
    const db = new DataSource({
      type: 'postgres',
      url: `postgresql://postgres:${password}@127.0.0.1:${port}/tthc`,
    });
    await db.initialize();
    const appended = await new PostgresEventStore(db).append('dossier-restart', 'dossier', 0, [
      {
        type: 'DossierSubmitted',
        data: { note: 'written before the restart' },
        metadata: { actor: { id: 'portal-1', role: 'integration' }, correlationId: 'restart-test' },
        occurredAt: new Date('2026-03-02T02:00:00Z'),
      },
    ]);
    await db.destroy();
    const waitForAudit = async (baseUrl: string) => {
      for (let i = 0; i < 100; i++) {
        const page = (await (
          await fetch(`${baseUrl}/v1/audit?streamId=dossier-restart`, { headers: AUDITOR })
        ).json()) as {
          items: { eventId: string; actorId: string }[];
        };
        if (page.items.length > 0) return page.items;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('audit trail never showed the event');
    };
    try {
      expect(await waitForAudit(first.baseUrl)).toEqual([
        expect.objectContaining({ eventId: appended.events[0].eventId, actorId: 'portal-1' }),
      ]);
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startEngine(env);
    try {
      expect(await waitForAudit(second.baseUrl)).toEqual([
        expect.objectContaining({ eventId: appended.events[0].eventId, actorId: 'portal-1' }),
      ]);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('serves the OpenAPI document and answers health and metrics', async () => {
    const dataDir = scratchDirectory('tthc-e2e-data-');
    chmodSync(dataDir, 0o755);
    const engine = await startEngine({ DATA_DIR: dataDir, LOAD_SAMPLES: 'false', LOG_LEVEL: 'warn' });
    try {
      const openApi = (await (await fetch(`${engine.baseUrl}/docs/openapi.json`)).json()) as {
        paths: object;
      };
      expect(Object.keys(openApi.paths)).toEqual(
        expect.arrayContaining(['/health/live', '/health/ready', '/v1/audit']),
      );
      expect((await fetch(`${engine.baseUrl}/health/live`)).status).toBe(200);
      const asyncApi = (await (await fetch(`${engine.baseUrl}/docs/asyncapi.json`)).json()) as {
        asyncapi: string;
        channels: object;
      };
      expect(asyncApi.asyncapi).toBe('3.0.0');
      expect(Object.keys(asyncApi.channels).length).toBeGreaterThanOrEqual(5);
      expect(await (await fetch(`${engine.baseUrl}/metrics`)).text()).toContain(
        'tthc_process_cpu_user_seconds_total',
      );
      const bad = await fetch(`${engine.baseUrl}/v1/audit?limit=5000&unknown=1`, { headers: AUDITOR });
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await bad.json()) as { errors: { path: string }[] };
      expect(problem.errors.map((e) => e.path).sort()).toEqual(['/limit', '/unknown']);
    } finally {
      await engine.stop();
    }
  });
});
