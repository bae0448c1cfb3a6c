// Feeds projections from the Postgres global log (the embedded default, and rebuilds): one reader for all
// the projections of a process (log-catch-up.ts).
import type { DataSource } from 'typeorm';
import type { PostgresEventStore } from '../infrastructure/postgres-event-store';
import { catchUpProjections, LogCursors, type CatchUpProgress } from './log-catch-up';
import type { LogNotifications } from './log-notifications';
import type { Projection } from './projection';

/** Applies everything currently in the log to one projection; returns how many events were applied. */
export async function catchUp(
  db: DataSource,
  store: PostgresEventStore,
  projection: Projection,
  batchSize: number,
  onProgress?: (p: CatchUpProgress) => void,
): Promise<number> {
  const applied = await catchUpProjections(db, store, [projection], { batchSize, onProgress });
  return applied.get(projection.name) ?? 0;
}

/** At most this many catch-ups per second while appends keep coming: 1000 / spacing. */
export const CATCH_UP_SPACING_MS = 20;

export class LogSubscription {
  private running = false;
  private dirty = true;
  private loop?: Promise<void>;
  private readonly cursors = new LogCursors();
  private readonly markDirty = () => {
    this.dirty = true;
  };

  constructor(
    private readonly db: DataSource,
    private readonly store: PostgresEventStore,
    private readonly projections: readonly Projection[],
    private readonly notifications: LogNotifications,
    private readonly options: {
      batchSize: number;
      pollIntervalMs: number;
      /** `who`: "projection <name>", or "the log reader" when reading the log itself failed. */
      onError: (who: string, e: unknown) => void;
    },
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
        // checkpoint) once for all of them. After a quiet moment a catch-up starts at once.
        const since = performance.now() - lastStart;
        if (since < CATCH_UP_SPACING_MS) await new Promise((r) => setTimeout(r, CATCH_UP_SPACING_MS - since));
        lastStart = performance.now();
        // An append notified while we read sets `dirty` again, so no wake-up is lost between the two.
        this.dirty = false;
        let failed = false;
        await catchUpProjections(this.db, this.store, this.projections, {
          batchSize: this.options.batchSize,
          onError: (projection, error) => {
            failed = true;
            this.options.onError(`projection ${projection}`, error);
          },
          cursors: this.cursors,
          // Start that projection over from its emptied checkpoint right away, not at the next append.
          onCheckpointMovedBack: this.markDirty,
        });
        // A failed projection retries after the poll interval, not at the next append.
        if (failed) await new Promise((r) => setTimeout(r, this.options.pollIntervalMs));
        else if (!this.dirty && this.running)
          await this.notifications.waitForAppend(this.options.pollIntervalMs);
      } catch (error) {
        this.options.onError('the log reader', error);
        await new Promise((r) => setTimeout(r, this.options.pollIntervalMs));
      }
    }
  }
}
