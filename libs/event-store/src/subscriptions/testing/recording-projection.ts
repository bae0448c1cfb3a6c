// Test support for the subscription specs: a projection that records what it is given in a `seen` table,
// and helpers to append to a fresh stream and to count what a projection has seen.
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import type { RecordedEvent } from '../../domain/event';
import type { PostgresEventStore } from '../../infrastructure/postgres-event-store';
import type { Projection } from '../projection';

export const SEEN_TABLE = 'CREATE TABLE seen (projection text NOT NULL, event_id uuid NOT NULL)';

/** Writes what it is given into `seen`, in the checkpoint's transaction; can be told to fail. */
export class Recording implements Projection {
  readonly tables = [] as string[];
  failNext = false;
  /** Runs once, before the next event is recorded (to act as another process would meanwhile). */
  beforeNext?: () => Promise<void>;
  constructor(
    readonly name: string,
    readonly streamTypes: string[],
  ) {}
  async apply(event: RecordedEvent, runner: QueryRunner): Promise<void> {
    const before = this.beforeNext;
    this.beforeNext = undefined;
    await before?.();
    if (this.failNext) {
      this.failNext = false;
      throw new Error(`${this.name} refused`);
    }
    await runner.query('INSERT INTO seen (projection, event_id) VALUES ($1, $2)', [this.name, event.eventId]);
  }
}

/** Appends `events` events to a stream of the given type: to a new one, or to `streamId` after `after`. */
export async function appendEvents(
  store: PostgresEventStore,
  streamType: string,
  events: number,
  stream?: { id: string; after: number },
): Promise<RecordedEvent[]> {
  const result = await store.append(
    stream?.id ?? `${streamType}-${randomUUID()}`,
    streamType,
    stream?.after ?? 0,
    Array.from({ length: events }, (_, n) => ({
      type: 'Happened',
      data: { n },
      metadata: {},
      occurredAt: new Date('2026-03-02T02:00:00Z'),
    })),
  );
  return result.events;
}

/** What a projection has seen, per stream type: `type:rows/distinct events`. */
export async function seenBy(db: DataSource, projection: string): Promise<string[]> {
  const rows = (await db.query(
    `SELECT e.stream_type, count(*)::int AS n, count(DISTINCT s.event_id)::int AS distinct_events
     FROM seen s JOIN events e ON e.event_id = s.event_id WHERE s.projection = $1 GROUP BY 1 ORDER BY 1`,
    [projection],
  )) as { stream_type: string; n: number; distinct_events: number }[];
  return rows.map((r) => `${r.stream_type}:${r.n}/${r.distinct_events}`);
}
