// Rebuilding a projection from zero: empty its tables and checkpoints, replay the whole log, and
// leave a 'rebuild' floor so that Kafka redeliveries of replayed events are skipped.
import type { DataSource } from 'typeorm';
import { LOG_START } from '../domain/event';
import type { PostgresEventStore } from '../infrastructure/postgres-event-store';
import { withTransaction } from '../infrastructure/transaction';
import { LOG_SOURCE, readCheckpoint, REBUILD_SOURCE, writeCheckpoint } from './checkpoints';
import { catchUp, type CatchUpProgress } from './log-subscription';
import type { Projection } from './projection';

export async function rebuildProjection(
  db: DataSource,
  store: PostgresEventStore,
  projection: Projection,
  options: { batchSize: number; onProgress?: (p: CatchUpProgress) => void },
): Promise<number> {
  await withTransaction(db, async (runner) => {
    await runner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 2))', [
      `${projection.name}|${LOG_SOURCE}`,
    ]);
    for (const table of projection.tables) await runner.query(`TRUNCATE TABLE ${table}`);
    await runner.query('DELETE FROM subscription_checkpoints WHERE subscription = $1', [projection.name]);
  });
  const applied = await catchUp(db, store, projection, options.batchSize, options.onProgress);
  const at = await readCheckpoint(db, projection.name, LOG_SOURCE);
  if (at !== LOG_START) {
    await withTransaction(db, (runner) => writeCheckpoint(runner, projection.name, REBUILD_SOURCE, at));
  }
  return applied;
}
