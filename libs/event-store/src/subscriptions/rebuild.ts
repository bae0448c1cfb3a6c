// Rebuilding a projection from zero: empty its tables, stream versions and checkpoints, then replay
// the whole log. Kafka redeliveries of replayed events are skipped afterwards by the stream versions.
import type { DataSource } from 'typeorm';
import type { PostgresEventStore } from '../infrastructure/postgres-event-store';
import { withTransaction } from '../infrastructure/transaction';
import { LOG_SOURCE } from './checkpoints';
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
    await runner.query('DELETE FROM projection_stream_versions WHERE projection = $1', [projection.name]);
  });
  return catchUp(db, store, projection, options.batchSize, options.onProgress);
}
