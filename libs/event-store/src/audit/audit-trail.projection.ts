// Who did what, when, on which stream: one row per event, for GET /v1/audit. Built from event
// metadata only, so it never holds a citizen's personal data.
import type { QueryRunner } from 'typeorm';
import type { RecordedEvent } from '../domain/event';
import type { Projection } from '../subscriptions/projection';

export const AUDIT_STREAM_TYPES = [
  'dossier',
  'procedure',
  'agency',
  'administrative-unit',
  'calendar',
  // Erasures of applicants' personal data (crypto-shredding): who destroyed which key, when.
  'applicant-key',
];

export class AuditTrailProjection implements Projection {
  readonly name = 'audit-trail';
  readonly streamTypes = AUDIT_STREAM_TYPES;
  readonly tables = ['audit_trail'];

  async apply(event: RecordedEvent, runner: QueryRunner): Promise<void> {
    const m = event.metadata;
    await runner.query(
      `INSERT INTO audit_trail (event_id, stream_id, stream_type, stream_version, event_type, actor_id, actor_role,
         actor_agency, correlation_id, command_id, imported, occurred_at, recorded_at, transaction_id, global_position)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14::xid8,$15)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        event.eventId,
        event.streamId,
        event.streamType,
        event.streamVersion,
        event.type,
        m.actor?.id ?? null,
        m.actor?.role ?? null,
        m.actor?.agency ?? null,
        m.correlationId ?? null,
        m.commandId ?? null,
        m.imported === true,
        event.occurredAt,
        event.recordedAt,
        event.logPosition.transactionId,
        event.logPosition.position,
      ],
    );
  }
}
