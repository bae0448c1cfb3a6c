import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@tthc/testing';
import { CommandIdReused } from '../domain/errors';
import type { RecordedEvent } from '../domain/event';
import { CommandExecutor, type CommandSpec } from './command-executor';
import { PostgresEventStore } from './postgres-event-store';

describe('CommandExecutor (idempotent commands)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let executor: CommandExecutor;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    executor = new CommandExecutor(store);
  });
  afterAll(() => db.drop());

  const submit = (
    commandId: string,
    streamId: string,
    applicant: string,
  ): CommandSpec<{ dossierId: string }> => ({
    commandId,
    commandType: 'SubmitDossier',
    request: { procedureCode: '1.004873', applicant: { name: applicant } },
    streamId,
    streamType: 'dossier',
    decide: (history: readonly RecordedEvent[]) => {
      if (history.length > 0) throw new Error('already submitted');
      return {
        events: [
          {
            type: 'DossierSubmitted',
            data: { applicant },
            metadata: { correlationId: 'c' },
            occurredAt: new Date('2026-03-02T02:00:00Z'),
          },
        ],
        result: { dossierId: streamId },
      };
    },
  });

  it('answers a retry with the stored answer and appends nothing', async () => {
    const key = randomUUID();
    const first = await executor.execute(submit(key, `dossier-${randomUUID()}`, 'Nguyễn Văn A'));
    // A retry arrives with the same key and body; the handler would pick a fresh stream id.
    const retry = await executor.execute(submit(key, `dossier-${randomUUID()}`, 'Nguyễn Văn A'));
    expect(retry).toMatchObject({ replayed: true, result: first.result, events: [] });
    expect(first.replayed).toBe(false);
    expect(first.events[0].metadata.commandId).toBe(key);
    const [{ n }] = (await db.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE metadata->>'commandId' = $1`,
      [key],
    )) as { n: number }[];
    expect(n).toBe(1);
  });

  it('refuses the same key with a different request', async () => {
    const key = randomUUID();
    await executor.execute(submit(key, `dossier-${randomUUID()}`, 'Nguyễn Văn A'));
    await expect(
      executor.execute(submit(key, `dossier-${randomUUID()}`, 'Trần Thị B')),
    ).rejects.toBeInstanceOf(CommandIdReused);
  });

  it('turns concurrent duplicates into one dossier', async () => {
    const key = randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => executor.execute(submit(key, `dossier-${randomUUID()}`, 'Lê Văn C'))),
    );
    expect(new Set(outcomes.map((o) => o.result.dossierId)).size).toBe(1);
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
  });
});
