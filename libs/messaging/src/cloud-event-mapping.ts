// Our events on the wire: CloudEvents 1.0, structured mode, one Kafka message per event, key = the
// stream id so that one dossier's events stay in one partition and in order. The extension
// attributes carry what a consumer needs to rebuild the recorded event and to deduplicate it.
import { CloudEvent, Kafka, type KafkaMessage } from 'cloudevents';
import type { EventMetadata, RecordedEvent } from '@tthc/event-store';

/** `DossierReceived` in stream type `dossier` → `vn.tthc.dossier.received.v1`. */
export function cloudEventType(streamType: string, eventType: string, schemaVersion: number): string {
  const words = eventType
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split('-');
  const prefix = streamType.toLowerCase().split(/[-_]/);
  const rest =
    words.slice(0, prefix.length).join('-') === prefix.join('-') ? words.slice(prefix.length) : words;
  return `vn.tthc.${streamType.toLowerCase()}.${rest.join('-') || 'event'}.v${schemaVersion}`;
}

export function cloudEventSource(event: RecordedEvent): string {
  const agency = event.metadata.agencyCode;
  const procedure = event.metadata.procedureCode;
  if (typeof agency === 'string' && typeof procedure === 'string') {
    return `/tthc/agencies/${agency}/procedures/${procedure}`;
  }
  if (typeof agency === 'string') return `/tthc/agencies/${agency}`;
  return `/tthc/${event.streamType}`;
}

export function toCloudEvent(event: RecordedEvent): CloudEvent<unknown> {
  return new CloudEvent<unknown>(
    {
      specversion: '1.0',
      id: event.eventId,
      type: cloudEventType(event.streamType, event.type, event.schemaVersion),
      source: cloudEventSource(event),
      subject: event.streamId,
      time: event.occurredAt.toISOString(),
      datacontenttype: 'application/json',
      data: event.data,
      tthceventtype: event.type,
      tthcschemaversion: event.schemaVersion,
      tthcstreamtype: event.streamType,
      tthcstreamversion: event.streamVersion,
      tthctxid: event.logPosition.transactionId,
      tthcposition: event.logPosition.position,
      tthcrecordedat: event.recordedAt.toISOString(),
      tthcmetadata: JSON.stringify(event.metadata),
    },
    false,
  );
}

export function toKafkaMessage(event: RecordedEvent): {
  key: string;
  value: string;
  headers: Record<string, string>;
} {
  const message = Kafka.structured(toCloudEvent(event)) as KafkaMessage<string>;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers)) if (v !== undefined) headers[k] = String(v);
  return { key: event.streamId, value: message.value, headers };
}

/** Parses a structured CloudEvent produced by `toKafkaMessage` back into a recorded event. */
export function fromKafkaMessage(value: Buffer | string, headers: Record<string, unknown>): RecordedEvent {
  const plainHeaders: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) plainHeaders[k] = String(v);
  const parsed = Kafka.toEvent({
    key: '',
    value: value.toString(),
    headers: plainHeaders,
    body: value.toString(),
  } as KafkaMessage<string>);
  const ce = (Array.isArray(parsed) ? parsed[0] : parsed) as CloudEvent<unknown>;
  const ext = ce as unknown as Record<string, unknown>;
  return {
    eventId: ce.id,
    type: String(ext.tthceventtype),
    schemaVersion: Number(ext.tthcschemaversion),
    data: ce.data,
    metadata: JSON.parse(String(ext.tthcmetadata ?? '{}')) as EventMetadata,
    streamId: String(ce.subject),
    streamType: String(ext.tthcstreamtype),
    streamVersion: Number(ext.tthcstreamversion),
    occurredAt: new Date(String(ce.time)),
    recordedAt: new Date(String(ext.tthcrecordedat)),
    logPosition: { transactionId: String(ext.tthctxid), position: String(ext.tthcposition) },
  };
}
