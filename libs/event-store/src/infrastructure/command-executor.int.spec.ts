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

  /** A command that appends one event noting the version it decided on, and counts its attempts. */
  const note = (
    streamId: string,
    attempts: { n: number },
    during?: () => Promise<void>,
  ): CommandSpec<number> => ({
    commandType: 'Note',
    request: {},
    streamId,
    streamType: 'dossier',
    decide: async (history) => {
      attempts.n++;
      if (during) await during();
      return {
        events: [{ type: 'Noted', data: { after: history.length }, metadata: {}, occurredAt: new Date() }],
        result: history.length + 1,
      };
    },
  });

  it('runs concurrent commands on one stream one after the other, each deciding on the latest state', async () => {
    const streamId = `dossier-${randomUUID()}`;
    const attempts = { n: 0 };
    const versions = await Promise.all(
      Array.from({ length: 8 }, () => executor.execute(note(streamId, attempts))),
    );
    // The stream is locked from before it is read, so no command decides on a stale version and none retries.
    expect(attempts.n).toBe(8);
    expect(versions.map((v) => v.result).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await store.readStream(streamId)).map((e) => e.data)).toEqual(
      Array.from({ length: 8 }, (_, i) => ({ after: i })),
    );
  });

  it('keeps nothing of a decision that fails, including what it wrote through the transaction', async () => {
    const streamId = `dossier-${randomUUID()}`;
    const key = randomUUID();
    await expect(
      executor.execute({
        commandId: key,
        commandType: 'Note',
        request: {},
        streamId,
        streamType: 'dossier',
        decide: async (_history, transaction) => {
          await transaction.query(
            `INSERT INTO command_results (command_id, command_type, request_hash, stream_id, result)
             VALUES ($1, 'Probe', 'x', $2, 'null')`,
            [`probe-${key}`, streamId],
          );
          throw new Error('refused');
        },
      }),
    ).rejects.toThrow('refused');
    const [{ n }] = (await db.dataSource.query(
      'SELECT count(*)::int AS n FROM command_results WHERE command_id = ANY($1::text[])',
      [[key, `probe-${key}`]],
    )) as { n: number }[];
    expect(n).toBe(0);
    expect(await store.readStream(streamId)).toEqual([]);
  });

  it('retries on fresh state when an event got into the stream past its lock', async () => {
    const streamId = `dossier-${randomUUID()}`;
    const attempts = { n: 0 };
    let intruded = false;
    // Every append takes the stream's lock; this one does not, so the command's insert meets the
    // (stream, version) unique constraint, the backstop, rolls back and decides again.
    const intrude = async () => {
      if (intruded) return;
      intruded = true;
      await db.dataSource.query(
        `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, data, metadata, occurred_at)
         VALUES ($1, 'dossier', 1, $2, 'Intruded', '{}', '{}', now())`,
        [streamId, randomUUID()],
      );
    };
    const outcome = await executor.execute(note(streamId, attempts, intrude));
    expect(attempts.n).toBe(2);
    expect(outcome.result).toBe(2);
    expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['Intruded', 'Noted']);
  });
});
