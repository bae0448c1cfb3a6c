// What an endpoint receives: a CloudEvent 1.0 in structured JSON mode. `id` is the event id, the same on
// every attempt and replay: deliveries are at-least-once, so receivers deduplicate by it. `sequence` (the
// CloudEvents sequence extension) is the event's version in its dossier stream, for receivers that want to
// check order. The data carries the portal status the event maps to (docs/webhooks.md) and the event's
// own data minus the applicant's personal data and documents: an endpoint registered for an agency also
// hears about dossiers submitted at the counter, which it has no business reading the applicant of.
import { CloudEvent } from 'cloudevents';
import type { RecordedEvent } from '@tthc/event-store';
import { cloudEventType } from '@tthc/messaging';
import { portalStatusOf, type StatusMappingOverride } from '../domain/portal-status';

const PERSONAL_MEMBERS = new Set(['applicant', 'formData', 'attachments']);

export interface WebhookData {
  readonly dossierId: string;
  readonly eventType: string;
  readonly streamVersion: number;
  readonly procedureCode: string | null;
  readonly agencyCode: string | null;
  readonly portalStatus: { readonly code: string; readonly vi?: string; readonly en?: string } | null;
  readonly event: Record<string, unknown>;
}

const DOSSIER_PREFIX = 'dossier-';

export function routingOf(event: RecordedEvent): { procedureCode?: string; agencyCode?: string } {
  const m = event.metadata;
  const data = event.data as { procedureCode?: unknown; agencyCode?: unknown } | null;
  const pick = (a: unknown, b: unknown) =>
    typeof a === 'string' ? a : typeof b === 'string' ? b : undefined;
  return {
    procedureCode: pick(m.procedureCode, data?.procedureCode),
    agencyCode: pick(m.agencyCode, data?.agencyCode),
  };
}

/** The CloudEvent (as a JSON object) one subscription receives for one dossier event. */
export function webhookPayload(
  event: RecordedEvent,
  statusMapping: StatusMappingOverride,
): Record<string, unknown> {
  const { procedureCode, agencyCode } = routingOf(event);
  const own = (event.data ?? {}) as Record<string, unknown>;
  const data: WebhookData = {
    dossierId: event.streamId.startsWith(DOSSIER_PREFIX)
      ? event.streamId.slice(DOSSIER_PREFIX.length)
      : event.streamId,
    eventType: event.type,
    streamVersion: event.streamVersion,
    procedureCode: procedureCode ?? null,
    agencyCode: agencyCode ?? null,
    portalStatus: portalStatusOf(event, statusMapping),
    event: Object.fromEntries(Object.entries(own).filter(([key]) => !PERSONAL_MEMBERS.has(key))),
  };
  const source =
    agencyCode && procedureCode
      ? `/tthc/agencies/${agencyCode}/procedures/${procedureCode}`
      : `/tthc/${event.streamType}`;
  // The SDK validates the attributes (names, formats) on construction.
  const ce = new CloudEvent<WebhookData>({
    specversion: '1.0',
    id: event.eventId,
    source,
    type: cloudEventType(event.streamType, event.type, event.schemaVersion),
    subject: event.streamId,
    time: event.occurredAt.toISOString(),
    datacontenttype: 'application/json',
    sequence: String(event.streamVersion),
    data,
  });
  return ce.toJSON() as Record<string, unknown>;
}
