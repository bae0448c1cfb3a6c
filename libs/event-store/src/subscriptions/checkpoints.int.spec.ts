import { createTestDatabase, type TestDatabase } from '@tthc/testing';
import { LOG_START } from '../domain/event';
import { PostgresEventStore } from '../infrastructure/postgres-event-store';
import { applyCheckpointed, applyFromLog, readCheckpoint, LOG_SOURCE } from './checkpoints';
import { catchUpProjections } from './log-catch-up';
import { appendEvents, Recording, SEEN_TABLE, seenBy } from './testing/recording-projection';

const KAFKA = 'kafka:tthc.alpha:0';

describe('exactly once from the log and from Kafka', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const streamVersions = async (projection: string) =>
    (
      (await db.dataSource.query(
        'SELECT stream_id, version FROM projection_stream_versions WHERE projection = $1 ORDER BY stream_id',
        [projection],
      )) as { stream_id: string; version: number }[]
    ).map((r) => `${r.stream_id}@${r.version}`);

  beforeEach(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(SEEN_TABLE);
    store = new PostgresEventStore(db.dataSource);
  });
  afterEach(() => db.drop());

  it('guards the log by its checkpoint alone: no stream versions, and a batch read again applies nothing', async () => {
    const events = await appendEvents(store, 'alpha', 4);
    await store.waitUntilReadable();
    const projection = new Recording('p', ['alpha']);

    expect(await applyFromLog(db.dataSource, projection, events.slice(0, 3), LOG_START)).toEqual({
      applied: 3,
      movedBack: false,
    });
    // Another reader that started from the same place: the checkpoint moved ahead of it, so only the
    // event after the checkpoint is new.
    expect(await applyFromLog(db.dataSource, projection, events, LOG_START)).toEqual({
      applied: 1,
      movedBack: false,
    });
    expect(await seenBy(db.dataSource, 'p')).toEqual(['alpha:4/4']);
    expect(await readCheckpoint(db.dataSource, 'p', LOG_SOURCE)).toEqual(events[3].logPosition);
    expect(await streamVersions('p')).toEqual([]);
  });

  it('applies nothing when the checkpoint went back behind where the reader started (a rebuild elsewhere)', async () => {
    const events = await appendEvents(store, 'alpha', 3);
    await store.waitUntilReadable();
    const projection = new Recording('p', ['alpha']);
    await applyFromLog(db.dataSource, projection, events.slice(0, 2), LOG_START);
    await db.dataSource.query(`DELETE FROM subscription_checkpoints WHERE subscription = 'p'`);

    expect(await applyFromLog(db.dataSource, projection, events.slice(2), events[1].logPosition)).toEqual({
      applied: 0,
      movedBack: true,
    });
    expect(await seenBy(db.dataSource, 'p')).toEqual(['alpha:2/2']);
  });

  it('derives the stream versions from the log before Kafka applies: what the log applied is a duplicate', async () => {
    const first = await appendEvents(store, 'alpha', 3);
    const streamId = first[0].streamId;
    await store.waitUntilReadable();
    const projection = new Recording('p', ['alpha']);
    await catchUpProjections(db.dataSource, store, [projection], { batchSize: 2 });
    const later = await appendEvents(store, 'alpha', 2, { id: streamId, after: 3 });

    const outcome = await applyCheckpointed(
      db.dataSource,
      projection,
      KAFKA,
      [...first, ...later].map((event, n) => ({ event, kafkaOffset: String(n) })),
    );
    expect(outcome).toEqual({ applied: 2, duplicates: 3, early: 0 });
    expect(await seenBy(db.dataSource, 'p')).toEqual(['alpha:5/5']);
    expect(await streamVersions('p')).toEqual([`${streamId}@5`]);
  });

  it('keeps checking stream versions from the log once Kafka has applied too: neither applies what the other did', async () => {
    const first = await appendEvents(store, 'alpha', 3);
    const streamId = first[0].streamId;
    await store.waitUntilReadable();
    const projection = new Recording('p', ['alpha']);
    await applyCheckpointed(
      db.dataSource,
      projection,
      KAFKA,
      first.slice(0, 2).map((event, n) => ({ event, kafkaOffset: String(n) })),
    );
    await appendEvents(store, 'alpha', 1, { id: streamId, after: 3 });
    await store.waitUntilReadable();

    const fromLog = await catchUpProjections(db.dataSource, store, [projection], { batchSize: 3 });
    expect(fromLog.get('p')).toBe(2);
    expect(await seenBy(db.dataSource, 'p')).toEqual(['alpha:4/4']);
    expect(await streamVersions('p')).toEqual([`${streamId}@4`]);

    // And back: Kafka redelivering everything applies nothing more.
    const all = await store.readStream(streamId);
    const again = await applyCheckpointed(
      db.dataSource,
      projection,
      KAFKA,
      all.map((event, n) => ({ event, kafkaOffset: String(n) })),
    );
    expect(again).toEqual({ applied: 0, duplicates: 4, early: 0 });
  });
});
