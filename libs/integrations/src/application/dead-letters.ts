// The dead-letter list: deliveries whose retry window closed without a 2xx answer. An administrator reads
// it and replays a delivery once the receiver is fixed: the row goes back to pending with a fresh retry
// window and the same CloudEvent (same id, so a receiver that did get it after all deduplicates it).
// A replayed event may arrive after later events of its dossier that were delivered meanwhile: receivers
// that care about order compare the CloudEvent `sequence` (the event's version in its dossier).
import { Inject, Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RequestActor } from '@tthc/platform';
import { DeliveryNotDead, DeliveryNotFound } from './errors';
import { assertAdministrator } from './webhook-access';
import { DELIVERY_COLUMNS, deliveryView, type DeliveryRow, type DeliveryView } from './webhook-registrations';

@Injectable()
export class DeadLetters {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async list(actor: RequestActor, query: { webhookId?: string; limit: number }): Promise<DeliveryView[]> {
    assertAdministrator(actor);
    const rows = (await this.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries
       WHERE status = 'dead' AND ($1::uuid IS NULL OR subscription_id = $1)
       ORDER BY dead_at DESC, id DESC LIMIT $2`,
      [query.webhookId ?? null, query.limit],
    )) as DeliveryRow[];
    return rows.map(deliveryView);
  }

  async replay(actor: RequestActor, deliveryId: string): Promise<DeliveryView> {
    assertAdministrator(actor);
    const replayed = (await this.db.query(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, window_started_at = now(),
         next_attempt_at = now(), leased_until = NULL, dead_at = NULL, replays = replays + 1
       WHERE id = $1 AND status = 'dead'
       RETURNING ${DELIVERY_COLUMNS}`,
      [deliveryId],
    )) as [DeliveryRow[], number];
    const row = replayed[0][0];
    if (row) return deliveryView(row);
    const existing = (await this.db.query(`SELECT status FROM webhook_deliveries WHERE id = $1`, [
      deliveryId,
    ])) as {
      status: string;
    }[];
    if (existing.length === 0) throw new DeliveryNotFound(deliveryId);
    throw new DeliveryNotDead(deliveryId, existing[0].status);
  }
}
