import type { QueryRunner } from 'typeorm';
import type { RecordedEvent } from '../domain/event';

/**
 * A read model fed by events. `apply` writes with the given runner, inside the transaction that also
 * moves the projection's checkpoint: a redelivered event is skipped, so the effect is exactly once.
 * Rebuilding from zero must give identical rows, so `apply` may use only the event (never the clock).
 */
export interface Projection {
  readonly name: string;
  /** Stream types it reads; also decides the Kafka topics it consumes. */
  readonly streamTypes: readonly string[];
  /** Tables owned by this projection, emptied by a rebuild. */
  readonly tables: readonly string[];
  apply(event: RecordedEvent, runner: QueryRunner): Promise<void>;
  /**
   * Optional: the same effect as `apply` on each event in turn, in fewer statements. A batch holds the
   * events of one delivery that passed the exactly-once guard, in log order (several per stream possible).
   * Projections that see many events write each table once per batch; the others need not implement it.
   */
  applyBatch?(events: readonly RecordedEvent[], runner: QueryRunner): Promise<void>;
}
