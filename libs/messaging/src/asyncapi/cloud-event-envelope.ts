// The structured CloudEvent every message carries (see ../cloud-event-mapping.ts), as JSON Schemas shared by
// all messages of the AsyncAPI document: the envelope, the decoded `tthcmetadata`, and the Kafka headers.
import { STREAM_TYPES } from '../topics';
import { boolean, integer, nonEmptyText, object, oneOfValues, text, type JsonSchema } from './json-schema';
import { instant } from './shared-data-schemas';

export const STRUCTURED_CONTENT_TYPE = 'application/cloudevents+json';
/** The `content-type` header the CloudEvents SDK writes in structured mode. */
export const STRUCTURED_CONTENT_TYPE_HEADER = 'application/cloudevents+json; charset=utf-8';

export const SCHEMA_REFS = {
  envelope: '#/components/schemas/TthcCloudEvent',
  metadata: '#/components/schemas/TthcEventMetadata',
  actor: '#/components/schemas/Actor',
  headers: '#/components/schemas/StructuredModeHeaders',
} as const;

const actor = object(
  {
    id: nonEmptyText('Who acted: a person or a machine (e.g. deadline-scheduler).'),
    role: text('The role they acted in: a procedure role id or a built-in role (citizen, system, …).'),
    agency: text("Electronic identifier code of the actor's agency, when known."),
  },
  { description: 'Who caused the event.', optional: ['agency'] },
);

const metadata = object(
  {
    correlationId: text('Shared by every event of one request or process.'),
    causationId: text('The id of the message (command or event) that caused this one.'),
    actor: { $ref: SCHEMA_REFS.actor },
    commandId: text('Idempotency key of the command that produced the event.'),
    imported: boolean('True for events of the historical import: real past times, not live activity.'),
    agencyCode: text('Electronic identifier code of the agency the event concerns (also in `source`).'),
    procedureCode: text('National code of the procedure the event concerns (also in `source`).'),
  },
  {
    description:
      'The decoded `tthcmetadata` attribute. Every member is optional; unknown members may appear.',
    optional: [
      'correlationId',
      'causationId',
      'actor',
      'commandId',
      'imported',
      'agencyCode',
      'procedureCode',
    ],
  },
);

const envelope = object(
  {
    specversion: { type: 'string', const: '1.0', description: 'CloudEvents specification version.' },
    id: text('Event id, unique per event. At-least-once delivery: deduplicate by it.', { format: 'uuid' }),
    source: text(
      'Context of the event: /tthc/agencies/<agency>/procedures/<procedure>, /tthc/agencies/<agency>, ' +
        'or /tthc/<streamType> when the event names no agency.',
      { format: 'uri-reference', pattern: '^/tthc/' },
    ),
    type: text('vn.tthc.<streamType>.<event>.v<schemaVersion>; each message fixes it.', {
      pattern: '^vn\\.tthc\\.[a-z0-9-]+\\.[a-z0-9-]+\\.v[0-9]+$',
    }),
    subject: nonEmptyText('The stream id (e.g. the dossier id); also the Kafka message key.'),
    time: instant('Business time: when it happened (in the past for imported events).'),
    datacontenttype: { type: 'string', const: 'application/json', description: 'The media type of `data`.' },
    data: { description: 'The event data; each message gives its schema.' },
    tthceventtype: text('The event type as stored, e.g. DossierReceived.'),
    tthcschemaversion: integer('Schema version of `data` (also the suffix of `type`).', { minimum: 1 }),
    tthcstreamtype: oneOfValues(STREAM_TYPES, 'The stream type, which names the topic.'),
    tthcstreamversion: integer(
      'Position of the event in its stream: 1, 2, … without gaps. Deduplicate by (subject, tthcstreamversion).',
      { minimum: 1 },
    ),
    tthctxid: text(
      'PostgreSQL transaction id of the write: with tthcposition, the place in the global log.',
      {
        pattern: '^[0-9]+$',
      },
    ),
    tthcposition: text('Position in the global log within the transaction (a decimal integer string).', {
      pattern: '^[0-9]+$',
    }),
    tthcrecordedat: instant('When the engine recorded the event.'),
    tthcmetadata: text('Event metadata as a JSON string (CloudEvents attributes are scalars).', {
      contentMediaType: 'application/json',
      contentSchema: { $ref: SCHEMA_REFS.metadata },
    }),
  },
  {
    description:
      'A TTHC engine event as a structured CloudEvent 1.0. Other extension attributes may be added; ignore them.',
  },
);

const headers = object(
  {
    'content-type': {
      type: 'string',
      const: STRUCTURED_CONTENT_TYPE_HEADER,
      description: 'Structured content mode: the whole CloudEvent is the message value.',
    },
  },
  { description: 'Kafka record headers.' },
);

/** The `components.schemas` entries the messages refer to. */
export const ENVELOPE_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  TthcCloudEvent: envelope,
  TthcEventMetadata: metadata,
  Actor: actor,
  StructuredModeHeaders: headers,
};
