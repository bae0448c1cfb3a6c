// Scenario 1: append throughput of the event store against the physical limit on the same server (raw
// batched INSERT and COPY into a table of the events table's shape) and against a peer event store
// (Emmett's PostgreSQL store) writing the same events. Every contender gets its own database on the same
// server, a pool of the same size, and the same time box per run; runs rotate through the contenders so
// background load hits them alike.
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import {
  getPostgreSQLEventStore,
  type PostgresEventStore as EmmettStore,
} from '@event-driven-io/emmett-postgresql';
import { PostgresEventStore, type NewEvent } from '@tthc/event-store';
import { ALL_MIGRATIONS } from '../../apps/engine/src/composition';
import { copyFromStdin, csvField } from '../support/copy-from-stdin';
import { openDataSource, type PostgresServer } from '../support/postgres';
import { SAMPLE_EVENT_TYPE, sampleData, sampleMetadata } from '../support/sample-events';
import { figure, ratio, type Figure } from '../support/stats';

export interface AppendOptions {
  readonly runs: number;
  readonly seconds: number;
  readonly batchSize: number;
  readonly writers: readonly number[];
  readonly poolSize: number;
}

/** One writer's next append; returns how many events it wrote. */
type AppendOnce = (writer: number) => Promise<number>;

interface Contender {
  readonly name: string;
  readonly modes: readonly Mode[];
  reset(): Promise<void>;
  appender(mode: Mode): AppendOnce;
  close(): Promise<void>;
}

type Mode = 'single' | 'batch';
/** Single-event appends go to a stream of this many events, then the writer starts a new stream. */
const EVENTS_PER_STREAM = 10;

const COLUMNS =
  'stream_id, stream_type, stream_version, event_id, event_type, schema_version, data, metadata, occurred_at';

function newEvents(n: number): NewEvent[] {
  return Array.from({ length: n }, () => ({
    type: SAMPLE_EVENT_TYPE,
    data: sampleData(),
    metadata: sampleMetadata(),
    occurredAt: new Date(),
  }));
}

/** Per writer: the stream it appends to and its version (single-event mode). */
class StreamCursor {
  private readonly state = new Map<number, { stream: string; version: number }>();
  next(writer: number): { stream: string; version: number } {
    let s = this.state.get(writer);
    if (!s || s.version >= EVENTS_PER_STREAM) {
      s = { stream: `dossier-${randomUUID()}`, version: 0 };
      this.state.set(writer, s);
    }
    const at = { ...s };
    s.version++;
    return at;
  }
}

async function engineContender(url: string, poolSize: number, batchSize: number): Promise<Contender> {
  const ds: DataSource = await openDataSource(url, poolSize, ALL_MIGRATIONS);
  const store = new PostgresEventStore(ds);
  return {
    name: 'engine',
    modes: ['single', 'batch'],
    reset: async () => void (await ds.query('TRUNCATE events')),
    appender: (mode) => {
      const cursor = new StreamCursor();
      if (mode === 'single')
        return async (w) => {
          const { stream, version } = cursor.next(w);
          await store.append(stream, 'dossier', version, newEvents(1));
          return 1;
        };
      return async () => {
        await store.append(`dossier-${randomUUID()}`, 'dossier', 0, newEvents(batchSize));
        return batchSize;
      };
    },
    close: () => ds.destroy(),
  };
}

async function emmettContender(url: string, poolSize: number, batchSize: number): Promise<Contender> {
  const pool = new Pool({ connectionString: url, max: poolSize });
  const store: EmmettStore = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  // The first append creates Emmett's schema.
  await store.appendToStream(`warmup-${randomUUID()}`, [{ type: 'Warmup', data: {} }]);
  const tables = (
    await pool.query<{ t: string }>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename ~ '^emt_(messages|streams)$'`,
    )
  ).rows.map((r) => r.t);
  const toEmmett = (events: NewEvent[]) =>
    events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata }));
  return {
    name: 'emmett',
    modes: ['single', 'batch'],
    reset: async () => void (await pool.query(`TRUNCATE ${tables.join(', ')}`)),
    appender: (mode) => {
      const cursor = new StreamCursor();
      if (mode === 'single')
        return async (w) => {
          const { stream, version } = cursor.next(w);
          await store.appendToStream(stream, toEmmett(newEvents(1)), {
            expectedStreamVersion: version === 0 ? 'STREAM_DOES_NOT_EXIST' : BigInt(version),
          });
          return 1;
        };
      return async () => {
        await store.appendToStream(`dossier-${randomUUID()}`, toEmmett(newEvents(batchSize)), {
          expectedStreamVersion: 'STREAM_DOES_NOT_EXIST',
        });
        return batchSize;
      };
    },
    close: async () => {
      await store.close();
      await pool.end().catch(() => undefined);
    },
  };
}

/** A table of the events table's shape (columns, defaults, identity, constraints, indexes). */
async function rawTable(url: string, poolSize: number): Promise<Pool> {
  const ds = await openDataSource(url, 1, ALL_MIGRATIONS);
  await ds.query('CREATE TABLE IF NOT EXISTS raw_events (LIKE events INCLUDING ALL)');
  await ds.destroy();
  return new Pool({ connectionString: url, max: poolSize });
}

async function rawInsertContender(url: string, poolSize: number, batchSize: number): Promise<Contender> {
  const pool = await rawTable(url, poolSize);
  const insert = (events: NewEvent[], stream: string, firstVersion: number) =>
    pool.query(
      `INSERT INTO raw_events (${COLUMNS})
       SELECT $1, 'dossier', v, id, t, 1, d, m, o
       FROM unnest($2::int[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[], $7::timestamptz[])
         AS x(v, id, t, d, m, o)`,
      [
        stream,
        events.map((_, i) => firstVersion + i),
        events.map(() => randomUUID()),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
        events.map((e) => e.occurredAt.toISOString()),
      ],
    );
  return {
    name: 'raw INSERT',
    modes: ['single', 'batch'],
    reset: async () => void (await pool.query('TRUNCATE raw_events')),
    appender: (mode) => {
      const cursor = new StreamCursor();
      if (mode === 'single')
        return async (w) => {
          const { stream, version } = cursor.next(w);
          const [e] = newEvents(1);
          await pool.query(
            `INSERT INTO raw_events (${COLUMNS}) VALUES ($1, 'dossier', $2, $3, $4, 1, $5, $6, $7)`,
            [
              stream,
              version + 1,
              randomUUID(),
              e.type,
              JSON.stringify(e.data),
              JSON.stringify(e.metadata),
              e.occurredAt.toISOString(),
            ],
          );
          return 1;
        };
      return async () => {
        await insert(newEvents(batchSize), `dossier-${randomUUID()}`, 1);
        return batchSize;
      };
    },
    close: () => pool.end(),
  };
}

async function copyContender(url: string, poolSize: number, batchSize: number): Promise<Contender> {
  const pool = await rawTable(url, poolSize);
  return {
    name: 'raw COPY',
    modes: ['batch'],
    reset: async () => void (await pool.query('TRUNCATE raw_events')),
    appender: () => async () => {
      const stream = `dossier-${randomUUID()}`;
      const csv = newEvents(batchSize)
        .map((e, i) =>
          [
            csvField(stream),
            csvField('dossier'),
            i + 1,
            randomUUID(),
            csvField(e.type),
            1,
            csvField(JSON.stringify(e.data)),
            csvField(JSON.stringify(e.metadata)),
            e.occurredAt.toISOString(),
          ].join(','),
        )
        .join('\n');
      const client = await pool.connect();
      try {
        await copyFromStdin(client, `raw_events (${COLUMNS})`, `${csv}\n`);
      } finally {
        client.release();
      }
      return batchSize;
    },
    close: () => pool.end(),
  };
}

/** `writers` concurrent loops of `once` for `seconds`; events per second. */
async function measure(once: AppendOnce, writers: number, seconds: number): Promise<number> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const counts = await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      let n = 0;
      while (performance.now() < deadline) n += await once(w);
      return n;
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return counts.reduce((a, b) => a + b, 0) / elapsed;
}

export interface AppendCell {
  readonly contender: string;
  readonly mode: Mode;
  readonly writers: number;
  readonly eventsPerSecond: Figure;
}

export interface AppendResult {
  readonly options: AppendOptions;
  readonly cells: AppendCell[];
  readonly ratios: Record<string, number>;
}

export async function appendSuite(
  server: PostgresServer,
  options: AppendOptions,
  say: (line: string) => void,
): Promise<AppendResult> {
  const { poolSize, batchSize } = options;
  const contenders = [
    await engineContender(await server.createDatabase('bench_append_engine'), poolSize, batchSize),
    await emmettContender(await server.createDatabase('bench_append_emmett'), poolSize, batchSize),
    await rawInsertContender(await server.createDatabase('bench_append_insert'), poolSize, batchSize),
    await copyContender(await server.createDatabase('bench_append_copy'), poolSize, batchSize),
  ];
  const cells: AppendCell[] = [];
  try {
    for (const mode of ['single', 'batch'] as const) {
      for (const writers of options.writers) {
        const runs = new Map<string, number[]>();
        const taking = contenders.filter((c) => c.modes.includes(mode));
        for (let run = 0; run < options.runs; run++) {
          // Rotate the order so no contender always runs first (or last) in a run.
          const order = taking.map((_, i) => taking[(i + run) % taking.length]);
          for (const c of order) {
            await c.reset();
            const rate = await measure(c.appender(mode), writers, options.seconds);
            runs.set(c.name, [...(runs.get(c.name) ?? []), rate]);
          }
        }
        for (const c of taking) {
          const f = figure(runs.get(c.name) ?? [], 'events/s');
          cells.push({ contender: c.name, mode, writers, eventsPerSecond: f });
          say(`append ${mode} x${writers} ${c.name}: ${f.median} events/s (runs ${f.runs.join(', ')})`);
        }
      }
    }
  } finally {
    for (const c of contenders) await c.close().catch(() => undefined);
  }
  const at = (contender: string, mode: Mode, writers: number) =>
    cells.find((c) => c.contender === contender && c.mode === mode && c.writers === writers)?.eventsPerSecond
      .median ?? Number.NaN;
  const ratios: Record<string, number> = {};
  for (const writers of options.writers) {
    ratios[`batch x${writers}: engine / raw COPY`] = ratio(
      at('engine', 'batch', writers),
      at('raw COPY', 'batch', writers),
    );
    ratios[`batch x${writers}: engine / raw INSERT`] = ratio(
      at('engine', 'batch', writers),
      at('raw INSERT', 'batch', writers),
    );
    for (const mode of ['single', 'batch'] as const)
      ratios[`${mode} x${writers}: engine / emmett`] = ratio(
        at('engine', mode, writers),
        at('emmett', mode, writers),
      );
    ratios[`single x${writers}: engine / raw INSERT`] = ratio(
      at('engine', 'single', writers),
      at('raw INSERT', 'single', writers),
    );
  }
  return { options, cells, ratios };
}
