import { createTestDatabase, type TestDatabase } from '@tthc/testing';
import { PostgresEventStore } from '../infrastructure/postgres-event-store';
import { readCheckpoint, LOG_SOURCE } from './checkpoints';
import { catchUpProjections, LogCursors } from './log-catch-up';
import { catchUp } from './log-subscription';
import { rebuildProjections } from './rebuild';
import { appendEvents, Recording, SEEN_TABLE, seenBy } from './testing/recording-projection';

describe('catching projections up with the log, read once for all', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let reads: number;

  const append = async (streamType: string, events: number) => {
    await appendEvents(store, streamType, events);
  };
  const seen = (projection: string) => seenBy(db.dataSource, projection);

  beforeEach(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(SEEN_TABLE);
    store = new PostgresEventStore(db.dataSource);
    reads = 0;
    const readLog = store.readLog.bind(store);
    store.readLog = (...args) => {
      reads++;
      return readLog(...args);
    };
  });
  afterEach(() => db.drop());

  it('gives each projection the events of its stream types once, reading each batch once for all', async () => {
    for (let i = 0; i < 3; i++) {
      await append('alpha', 3);
      await append('beta', 2);
    }
    await store.waitUntilReadable();
    const alpha = new Recording('alpha-only', ['alpha']);
    const beta = new Recording('beta-only', ['beta']);
    const both = new Recording('both', ['alpha', 'beta']);
    const applied = await catchUpProjections(db.dataSource, store, [alpha, beta, both], { batchSize: 4 });
    expect(Object.fromEntries(applied)).toEqual({ 'alpha-only': 9, 'beta-only': 6, both: 15 });
    expect(await seen('alpha-only')).toEqual(['alpha:9/9']);
    expect(await seen('beta-only')).toEqual(['beta:6/6']);
    expect(await seen('both')).toEqual(['alpha:9/9', 'beta:6/6']);
    // 15 events in batches of 4: four reads, the last one short, so no fifth read to find the end.
    expect(reads).toBe(4);

    const again = await catchUpProjections(db.dataSource, store, [alpha, beta, both], { batchSize: 4 });
    expect([...again.values()]).toEqual([0, 0, 0]);
  });

  it('does not give a projection that is ahead of the others what it has already applied', async () => {
    await append('alpha', 5);
    await store.waitUntilReadable();
    const ahead = new Recording('ahead', ['alpha']);
    expect(await catchUp(db.dataSource, store, ahead, 2)).toBe(5);
    await append('alpha', 3);
    await store.waitUntilReadable();
    const behind = new Recording('behind', ['alpha']);
    const applied = await catchUpProjections(db.dataSource, store, [ahead, behind], { batchSize: 2 });
    expect(Object.fromEntries(applied)).toEqual({ ahead: 3, behind: 8 });
    expect(await seen('ahead')).toEqual(['alpha:8/8']);
    expect(await seen('behind')).toEqual(['alpha:8/8']);
  });

  it('stops a failing projection alone; it catches up at the next call', async () => {
    await append('alpha', 6);
    await store.waitUntilReadable();
    const steady = new Recording('steady', ['alpha']);
    const failing = new Recording('failing', ['alpha']);
    failing.failNext = true;
    const errors: string[] = [];
    const first = await catchUpProjections(db.dataSource, store, [steady, failing], {
      batchSize: 2,
      onError: (projection, error) => errors.push(`${projection}: ${(error as Error).message}`),
    });
    expect(Object.fromEntries(first)).toEqual({ steady: 6, failing: 0 });
    expect(errors).toEqual(['failing: failing refused']);
    expect(await seen('failing')).toEqual([]);

    const second = await catchUpProjections(db.dataSource, store, [steady, failing], { batchSize: 2 });
    expect(Object.fromEntries(second)).toEqual({ steady: 0, failing: 6 });
    expect(await seen('failing')).toEqual(['alpha:6/6']);

    // Without an error handler the failure reaches the caller, after the others have caught up.
    await append('alpha', 1);
    await store.waitUntilReadable();
    failing.failNext = true;
    await expect(
      catchUpProjections(db.dataSource, store, [failing, steady], { batchSize: 2 }),
    ).rejects.toThrow('failing refused');
    expect(await seen('steady')).toEqual(['alpha:7/7']);
  });

  it('stores how far a projection with rare events has read; a checkpoint emptied elsewhere starts it over', async () => {
    await append('rare', 1);
    await store.waitUntilReadable();
    const rare = new Recording('rare', ['rare']);
    const busy = new Recording('busy', ['alpha']);
    const cursors = new LogCursors();
    await catchUpProjections(db.dataSource, store, [rare, busy], { batchSize: 4, cursors });
    const atRareEvent = await readCheckpoint(db.dataSource, 'rare', LOG_SOURCE);

    // Fewer events than a batch passed: remembered in this process only.
    await append('alpha', 3);
    await store.waitUntilReadable();
    await catchUpProjections(db.dataSource, store, [rare, busy], { batchSize: 4, cursors });
    expect(await readCheckpoint(db.dataSource, 'rare', LOG_SOURCE)).toEqual(atRareEvent);
    reads = 0;
    await append('alpha', 1);
    await store.waitUntilReadable();
    await catchUpProjections(db.dataSource, store, [rare, busy], { batchSize: 4, cursors });
    // Read from where both stand (after the three), not from the rare projection's stored checkpoint.
    expect(reads).toBe(1);
    // Now a batch's worth has passed: stored, where busy's checkpoint is.
    expect(await readCheckpoint(db.dataSource, 'rare', LOG_SOURCE)).toEqual(
      await readCheckpoint(db.dataSource, 'busy', LOG_SOURCE),
    );

    // A rebuild elsewhere empties rare's checkpoint: what this process remembered of it is dropped, and
    // its event is applied again from the start.
    await append('alpha', 5);
    await store.waitUntilReadable();
    await db.dataSource.query(`DELETE FROM subscription_checkpoints WHERE subscription = 'rare'`);
    await db.dataSource.query(`DELETE FROM projection_stream_versions WHERE projection = 'rare'`);
    await db.dataSource.query(`DELETE FROM seen WHERE projection = 'rare'`);
    const applied = await catchUpProjections(db.dataSource, store, [rare, busy], { batchSize: 4, cursors });
    expect(Object.fromEntries(applied)).toEqual({ rare: 1, busy: 5 });
    expect(await seen('rare')).toEqual(['rare:1/1']);
    expect(await readCheckpoint(db.dataSource, 'rare', LOG_SOURCE)).toEqual(
      await readCheckpoint(db.dataSource, 'busy', LOG_SOURCE),
    );
  });

  it('starts a projection over when a rebuild elsewhere empties its checkpoint during a catch-up', async () => {
    await append('alpha', 3);
    await store.waitUntilReadable();
    const first = new Recording('first', ['alpha']);
    const second = new Recording('second', ['alpha']);
    const cursors = new LogCursors();
    await catchUpProjections(db.dataSource, store, [first, second], { batchSize: 10, cursors });
    await append('alpha', 2);
    await store.waitUntilReadable();
    // While this catch-up runs, after it has loaded where each projection stands, another process
    // empties second's read model and checkpoint, as a rebuild starts by doing.
    first.beforeNext = async () => {
      await db.dataSource.query(`DELETE FROM subscription_checkpoints WHERE subscription = 'second'`);
      await db.dataSource.query(`DELETE FROM seen WHERE projection = 'second'`);
    };
    const movedBack: string[] = [];
    const during = await catchUpProjections(db.dataSource, store, [first, second], {
      batchSize: 10,
      parallel: 1,
      cursors,
      onCheckpointMovedBack: (name) => movedBack.push(name),
    });
    expect(Object.fromEntries(during)).toEqual({ first: 2, second: 0 });
    expect(movedBack).toEqual(['second']);
    expect(await seen('second')).toEqual([]);

    const after = await catchUpProjections(db.dataSource, store, [first, second], { batchSize: 10, cursors });
    expect(Object.fromEntries(after)).toEqual({ first: 0, second: 5 });
    expect(await seen('second')).toEqual(['alpha:5/5']);
    expect(await seen('first')).toEqual(['alpha:5/5']);
  });

  it('rebuilds several projections from one reading of the log', async () => {
    for (let i = 0; i < 4; i++) await append(i % 2 === 0 ? 'alpha' : 'beta', 5);
    await store.waitUntilReadable();
    const alpha = new Recording('alpha-only', ['alpha']);
    const both = new Recording('both', ['alpha', 'beta']);
    await catchUpProjections(db.dataSource, store, [alpha, both], { batchSize: 100 });
    await db.dataSource.query('DELETE FROM seen');
    reads = 0;
    const rebuilt = await rebuildProjections(db.dataSource, store, [alpha, both], {
      batchSize: 6,
      parallel: 1,
    });
    expect(Object.fromEntries(rebuilt)).toEqual({ 'alpha-only': 10, both: 20 });
    expect(await seen('both')).toEqual(['alpha:10/10', 'beta:10/10']);
    expect(reads).toBe(4);
  });
});
