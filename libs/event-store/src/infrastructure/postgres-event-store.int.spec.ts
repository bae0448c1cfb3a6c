import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@tthc/testing';
import { compareLogPositions, LOG_START, type LogPosition, type NewEvent } from '../domain/event';
import { WrongExpectedVersion } from '../domain/errors';
import { UpcasterChain } from '../domain/upcasting';
import { PostgresEventStore } from './postgres-event-store';
import { withTransaction } from './transaction';

const event = (type: string, data: unknown, schemaVersion = 1): NewEvent => ({
  type,
  data,
  schemaVersion,
  metadata: { correlationId: 'c-1', actor: { id: 'officer-1', role: 'receiving-officer' } },
  occurredAt: new Date('2026-03-02T02:00:00Z'),
});

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db.drop());

  it('appends with the expected version and reads the stream back in order', async () => {
    const id = `dossier-${randomUUID()}`;
    const first = await store.append(id, 'dossier', 0, [
      event('DossierSubmitted', { n: 1 }),
      event('DossierReceived', { n: 2 }),
    ]);
    expect(first.nextExpectedVersion).toBe(2);
    await store.append(id, 'dossier', 2, [event('DossierResultIssued', { n: 3 })]);
    const read = await store.readStream(id);
    expect(read.map((e) => [e.streamVersion, e.type, e.data])).toEqual([
      [1, 'DossierSubmitted', { n: 1 }],
      [2, 'DossierReceived', { n: 2 }],
      [3, 'DossierResultIssued', { n: 3 }],
    ]);
    expect(read[0].metadata).toEqual({
      correlationId: 'c-1',
      actor: { id: 'officer-1', role: 'receiving-officer' },
    });
    expect(read[0].occurredAt.toISOString()).toBe('2026-03-02T02:00:00.000Z');
  });

  it('stores text exactly on either path (alone: escaped literals; in a transaction: parameters)', async () => {
    const tricky = {
      quote: "it's O'Brien's \"form\"",
      backslashes: 'C:\\hồ sơ\\n\\u0041 \\\\',
      vietnamese: 'Nguyễn Thị Lan — xã Khánh Trung 🇻🇳',
      sql: "'); DROP TABLE events; --",
      dollar: '$1 $$ $tag$',
    };
    const alone = `dossier-it's-${randomUUID()}`;
    const written = await store.append(alone, 'dossier', 'any', [event('DossierSubmitted', tricky)]);
    expect(written.events[0]).toMatchObject({ streamId: alone, streamVersion: 1, data: tricky });
    const joined = `dossier-${randomUUID()}`;
    await withTransaction(db.dataSource, (runner) =>
      store.append(joined, 'dossier', 0, [event('DossierSubmitted', tricky)], runner),
    );
    for (const id of [alone, joined]) {
      const [read] = await store.readStream(id);
      expect(read.data).toEqual(tricky);
      expect(read.recordedAt).toBeInstanceOf(Date);
    }
    expect(written.events[0].recordedAt.getTime()).toBe(
      (await store.readStream(alone))[0].recordedAt.getTime(),
    );
  });

  it('stores data of any JSON shape as given, null and nested values included, and returns what it stored', async () => {
    const shapes: unknown[] = [
      null,
      'text',
      42,
      [1, { a: null }],
      { nested: { list: [null, true] }, empty: {} },
    ];
    const id = `dossier-${randomUUID()}`;
    const written = await store.append(
      id,
      'dossier',
      0,
      shapes.map((data) => event('Happened', data)),
    );
    expect(written.events.map((e) => e.data)).toEqual(shapes);
    expect((await store.readStream(id)).map((e) => e.data)).toEqual(shapes);
    const [{ kinds }] = (await db.dataSource.query(
      'SELECT array_agg(jsonb_typeof(data) ORDER BY stream_version) AS kinds FROM events WHERE stream_id = $1',
      [id],
    )) as { kinds: string[] }[];
    expect(kinds).toEqual(['null', 'string', 'number', 'array', 'object']);
  });

  it('tells when everything appended is readable: not while an older transaction is still open', async () => {
    const older = db.dataSource.createQueryRunner();
    await older.connect();
    await older.startTransaction();
    try {
      await older.query('SELECT pg_current_xact_id()'); // an id older than the append's
      await store.append(`dossier-${randomUUID()}`, 'dossier', 0, [event('DossierSubmitted', {})]);
      await expect(store.waitUntilReadable(300)).rejects.toThrow('the log was not readable within 300 ms');
    } finally {
      await older.commitTransaction();
      await older.release();
    }
    await expect(store.waitUntilReadable(5_000)).resolves.toBeUndefined();
  });

  it('refuses a stale or too-new expected version with a typed conflict and writes nothing', async () => {
    const id = `dossier-${randomUUID()}`;
    await store.append(id, 'dossier', 0, [event('DossierSubmitted', {})]);
    await expect(store.append(id, 'dossier', 0, [event('DossierReceived', {})])).rejects.toBeInstanceOf(
      WrongExpectedVersion,
    );
    await expect(store.append(id, 'dossier', 5, [event('DossierReceived', {})])).rejects.toMatchObject({
      expected: 5,
      actual: 1,
    });
    expect(await store.readStream(id)).toHaveLength(1);
  });

  it('lets exactly one of two racing appends with the same expected version win', async () => {
    const id = `dossier-${randomUUID()}`;
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((n) => store.append(id, 'dossier', 0, [event('DossierSubmitted', { n })])),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected' && r.reason instanceof WrongExpectedVersion),
    ).toHaveLength(3);
  });

  it('reads the global log in numeric order, also where positions gain a digit', async () => {
    const id = `dossier-${randomUUID()}`;
    const from = (await store.headPosition()) ?? LOG_START;
    await store.append(
      id,
      'dossier',
      0,
      Array.from({ length: 25 }, (_, n) => event('DossierHandedOver', { n })),
    );
    // Readers see a transaction only once every older one has ended, in any database of the server:
    // another test's open transaction would otherwise hide these events.
    await store.waitUntilReadable();
    const read = await store.readLog(from, 100);
    expect(read.map((e) => e.streamVersion)).toEqual(Array.from({ length: 25 }, (_, n) => n + 1));
    const positions = read.map((e) => BigInt(e.logPosition.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('upcasts old payloads on read without rewriting the stored event', async () => {
    const id = `dossier-${randomUUID()}`;
    await store.append(id, 'dossier', 0, [
      event('DossierReceived', { appointment: '2026-03-03T09:00:00+07:00' }, 1),
    ]);
    const upcasting = new PostgresEventStore(
      db.dataSource,
      new UpcasterChain([
        {
          type: 'DossierReceived',
          fromVersion: 1,
          upcast: (data) => ({
            appointmentAt: (data as { appointment: string }).appointment,
            channel: 'counter',
          }),
        },
      ]),
    );
    const [read] = await upcasting.readStream(id);
    expect(read.schemaVersion).toBe(2);
    expect(read.data).toEqual({ appointmentAt: '2026-03-03T09:00:00+07:00', channel: 'counter' });
    const [raw] = await store.readStream(id);
    expect(raw.schemaVersion).toBe(1);
  });

  it('never lets a tailing reader skip an event whose transaction commits late', async () => {
    const writers = 12;
    const perWriter = 15;
    const seen: string[] = [];
    const positions: LogPosition[] = [];
    let done = false;
    let after = (await store.headPosition()) ?? LOG_START;

    const tail = (async () => {
      for (;;) {
        const finished = done;
        const batch = await store.readLog(after, 50);
        for (const e of batch) {
          seen.push(e.eventId);
          positions.push(e.logPosition);
        }
        if (batch.length > 0) after = batch[batch.length - 1].logPosition;
        else if (finished) return;
        else await new Promise((r) => setTimeout(r, 2));
      }
    })();

    const written: string[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          const eventId = randomUUID();
          // The delay inside the transaction makes later positions commit before earlier ones.
          await withTransaction(db.dataSource, async (runner) => {
            await store.append(
              `race-${w}-${i}`,
              'dossier',
              0,
              [{ ...event('DossierSubmitted', { w, i }), eventId }],
              runner,
            );
            await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 15)));
          });
          written.push(eventId);
        }
      }),
    );
    done = true;
    await tail;

    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(written));
    for (let i = 1; i < positions.length; i++)
      expect(compareLogPositions(positions[i - 1], positions[i])).toBe(-1);
  });
});
