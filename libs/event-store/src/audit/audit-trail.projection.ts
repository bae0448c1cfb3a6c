// Who did what, when, on which stream: one row per event, for GET /v1/audit. Built from event
// metadata only, so it never holds a citizen's personal data.
import type { QueryRunner } from 'typeorm';
import type { RecordedEvent } from '../domain/event';
import type { Projection } from '../subscriptions/projection';
import { columnList, recordsetOf, recordsetParameter } from '../subscriptions/recordset';

export const AUDIT_STREAM_TYPES = [
  'dossier',
  'procedure',
  'agency',
  'administrative-unit',
  'calendar',
  // Erasures of applicants' personal data (crypto-shredding): who destroyed which key, when.
  'applicant-key',
];

const AUDIT_COLUMNS = {
  event_id: 'uuid',
  stream_id: 'text',
  stream_type: 'text',
  stream_version: 'integer',
  event_type: 'text',
  actor_id: 'text',
  actor_role: 'text',
  actor_agency: 'text',
  correlation_id: 'text',
  command_id: 'text',
  imported: 'boolean',
  occurred_at: 'timestamptz',
  recorded_at: 'timestamptz',
  transaction_id: 'xid8',
  global_position: 'bigint',
};

function auditRow(event: RecordedEvent): Record<keyof typeof AUDIT_COLUMNS, unknown> {
  const m = event.metadata;
  return {
    event_id: event.eventId,
    stream_id: event.streamId,
    stream_type: event.streamType,
    stream_version: event.streamVersion,
    event_type: event.type,
    actor_id: m.actor?.id ?? null,
    actor_role: m.actor?.role ?? null,
    actor_agency: m.actor?.agency ?? null,
    correlation_id: m.correlationId ?? null,
    command_id: m.commandId ?? null,
    imported: m.imported === true,
    occurred_at: event.occurredAt,
    recorded_at: event.recordedAt,
    transaction_id: event.logPosition.transactionId,
    global_position: event.logPosition.position,
  };
}

export class AuditTrailProjection implements Projection {
  readonly name = 'audit-trail';
  readonly streamTypes = AUDIT_STREAM_TYPES;
  readonly tables = ['audit_trail'];

  apply(event: RecordedEvent, runner: QueryRunner): Promise<void> {
    return this.applyBatch([event], runner);
  }

  async applyBatch(events: readonly RecordedEvent[], runner: QueryRunner): Promise<void> {
    await runner.query(
      `INSERT INTO audit_trail (${columnList(AUDIT_COLUMNS)})
       SELECT ${columnList(AUDIT_COLUMNS, 'r')} FROM ${recordsetOf(AUDIT_COLUMNS, 1)}
       ON CONFLICT (stream_id, stream_version) DO NOTHING`,
      [recordsetParameter(AUDIT_COLUMNS, events.map(auditRow))],
    );
  }
}
