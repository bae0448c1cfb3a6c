// Rebuilding projections from zero: empty their tables, stream versions and checkpoints, then replay the
// whole log, read once for all of them. Kafka redeliveries of replayed events are skipped afterwards by the
// stream versions, which the Kafka consumers derive from the log before they apply (syncLogStreamVersions).
import type { DataSource } from 'typeorm';
import type { PostgresEventStore } from '../infrastructure/postgres-event-store';
import { withTransaction } from '../infrastructure/transaction';
import { lockSource, LOG_SOURCE } from './checkpoints';
import { catchUpProjections, type CatchUpProgress } from './log-catch-up';
import type { Projection } from './projection';

export interface RebuildOptions {
  readonly batchSize: number;
  /** Projections applying a batch at the same time (default: all of them). */
  readonly parallel?: number;
  readonly onProgress?: (p: CatchUpProgress) => void;
  /** A projection failed: it stops, the others go on. Without it, the first failure is thrown at the end. */
  readonly onError?: (projection: string, error: unknown) => void;
}

/** Rebuilds the projections together; returns how many events each applied. */
export async function rebuildProjections(
  db: DataSource,
  store: PostgresEventStore,
  projections: readonly Projection[],
  options: RebuildOptions,
): Promise<Map<string, number>> {
  for (const projection of projections) {
    await withTransaction(db, async (runner) => {
      await lockSource(runner, projection, LOG_SOURCE);
      for (const table of projection.tables) await runner.query(`TRUNCATE TABLE ${table}`);
      await runner.query('DELETE FROM subscription_checkpoints WHERE subscription = $1', [projection.name]);
      await runner.query('DELETE FROM projection_stream_versions WHERE projection = $1', [projection.name]);
    });
  }
  return catchUpProjections(db, store, projections, options);
}

export async function rebuildProjection(
  db: DataSource,
  store: PostgresEventStore,
  projection: Projection,
  options: RebuildOptions,
): Promise<number> {
  const applied = await rebuildProjections(db, store, [projection], options);
  return applied.get(projection.name) ?? 0;
}
