// Feeds one projection from the Postgres global log (the embedded default, and rebuilds).
import type { DataSource } from 'typeorm';
import type { LogPosition } from '../domain/event';
import type { PostgresEventStore } from '../infrastructure/postgres-event-store';
import { applyCheckpointed, LOG_SOURCE, readCheckpoint } from './checkpoints';
import type { LogNotifications } from './log-notifications';
import type { Projection } from './projection';

export interface CatchUpProgress {
  readonly projection: string;
  readonly applied: number;
  readonly at: LogPosition;
}

/** Applies everything currently in the log; returns how many events were applied. */
export async function catchUp(
  db: DataSource,
  store: PostgresEventStore,
  projection: Projection,
  batchSize: number,
  onProgress?: (p: CatchUpProgress) => void,
): Promise<number> {
  let total = 0;
  let after = await readCheckpoint(db, projection.name, LOG_SOURCE);
  for (;;) {
    const events = await store.readLog(after, batchSize, projection.streamTypes);
    if (events.length === 0) return total;
    const outcome = await applyCheckpointed(
      db,
      projection,
      LOG_SOURCE,
      events.map((event) => ({ event })),
    );
    total += outcome.applied;
    after = events[events.length - 1].logPosition;
    onProgress?.({ projection: projection.name, applied: total, at: after });
    // A short batch was everything readable: skip the read that would come back empty. Whatever commits
    // later notifies, and LogSubscription runs again for it.
    if (events.length < batchSize) return total;
  }
}

/** At most this many catch-ups per second and projection while appends keep coming: 1000 / spacing. */
export const CATCH_UP_SPACING_MS = 20;

export class LogSubscription {
  private running = false;
  private dirty = true;
  private loop?: Promise<void>;
  private readonly markDirty = () => {
    this.dirty = true;
  };

  constructor(
    private readonly db: DataSource,
    private readonly store: PostgresEventStore,
    private readonly projection: Projection,
    private readonly notifications: LogNotifications,
    private readonly options: { batchSize: number; pollIntervalMs: number; onError: (e: unknown) => void },
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.notifications.on('appended', this.markDirty);
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.notifications.off('appended', this.markDirty);
    this.notifications.emit('closed');
    await this.loop;
  }

  private async run(): Promise<void> {
    let lastStart = -Infinity;
    while (this.running) {
      try {
        // Back-to-back catch-ups (a steady stream of appends) are spaced, so that each carries the events
        // of several commits and pays its fixed statements (checkpoint, log read, transaction, lock,
        // stream versions) once for all of them. After a quiet moment a catch-up starts at once.
        const since = performance.now() - lastStart;
        if (since < CATCH_UP_SPACING_MS) await new Promise((r) => setTimeout(r, CATCH_UP_SPACING_MS - since));
        lastStart = performance.now();
        // An append notified while we read sets `dirty` again, so no wake-up is lost between the two.
        this.dirty = false;
        await catchUp(this.db, this.store, this.projection, this.options.batchSize);
        if (!this.dirty && this.running) await this.notifications.waitForAppend(this.options.pollIntervalMs);
      } catch (error) {
        this.options.onError(error);
        await new Promise((r) => setTimeout(r, this.options.pollIntervalMs));
      }
    }
  }
}
