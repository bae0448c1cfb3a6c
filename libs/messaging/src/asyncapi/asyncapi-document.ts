// The AsyncAPI 3.0.0 description of what the engine publishes on Kafka: one channel per topic
// (`<prefix>.<streamType>.events`), one message per event type and schema version, each message's payload
// being the whole structured CloudEvent with its `type` and `data` fixed. Built from the event catalogue.
import { STREAM_TYPES, topicFor } from '../topics';
import type { EventCatalogueEntry, EventStreamType } from './catalogue-entry';
import { ENVELOPE_SCHEMAS, SCHEMA_REFS, STRUCTURED_CONTENT_TYPE } from './cloud-event-envelope';
import { catalogueCloudEventType, catalogueEntriesOf, STREAM_DESCRIPTIONS } from './event-catalogue';
import type { JsonSchema } from './json-schema';

export interface AsyncApiDocumentOptions {
  readonly topicPrefix: string;
  /** Kafka brokers; `localhost:9092` (npm run kafka) when none are given. */
  readonly servers?: readonly { readonly name: string; readonly host: string }[];
  /** Partitions per topic, when known (KAFKA_TOPIC_PARTITIONS). */
  readonly partitions?: number;
}

interface Reference {
  readonly $ref: string;
}

interface AsyncApiMessage {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly contentType: string;
  readonly headers: Reference;
  readonly payload: JsonSchema;
  readonly bindings: Reference;
}

interface AsyncApiChannel {
  readonly address: string;
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly messages: Readonly<Record<string, Reference>>;
  readonly bindings: {
    readonly kafka: {
      readonly partitions?: number;
      readonly 'x-message-key': string;
      readonly bindingVersion: string;
    };
  };
}

interface AsyncApiOperation {
  readonly action: 'receive';
  readonly channel: Reference;
  readonly title: string;
  readonly summary: string;
  readonly messages: readonly Reference[];
}

export interface AsyncApiDocument {
  readonly asyncapi: '3.0.0';
  readonly id: string;
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly description: string;
    readonly license: { readonly name: string; readonly url: string };
    readonly externalDocs: { readonly description: string; readonly url: string };
  };
  readonly defaultContentType: string;
  readonly servers: Readonly<Record<string, { host: string; protocol: 'kafka'; description: string }>>;
  readonly channels: Readonly<Record<string, AsyncApiChannel>>;
  readonly operations: Readonly<Record<string, AsyncApiOperation>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly messages: Readonly<Record<string, AsyncApiMessage>>;
    readonly messageBindings: Readonly<Record<string, unknown>>;
  };
}

const KAFKA_BINDING_VERSION = '0.5.0';

const DESCRIPTION = [
  'Domain events of the TTHC engine, the event-sourced workflow engine for Vietnamese administrative ' +
    'procedures (one-stop shop), relayed from its PostgreSQL event log to Kafka as CloudEvents 1.0 in ' +
    `structured mode (\`${STRUCTURED_CONTENT_TYPE}\`).`,
  '',
  '- **Topics**: one per stream type, `<prefix>.<streamType>.events`.',
  '- **Key**: the stream id (the CloudEvent `subject`), so all events of one dossier (one stream) share a ' +
    'partition and **keep their order**. There is no order across streams or topics.',
  '- **At-least-once**: a message may be delivered more than once (e.g. after a relay restart). Consumers ' +
    'deduplicate by the event `id`, or by (`subject`, `tthcstreamversion`).',
  '- **Versions**: `type` ends in the schema version of `data`. Ignore members you do not know; a breaking ' +
    'change is a new version, hence a new message.',
  '- **Personal data**: members marked `x-personal-data` (applicant name, national ID, phone, e-mail, ' +
    'address, application form) are personal data under Decree 13/2023/NĐ-CP: never log them. On the wire ' +
    'they are sealed: such a member is `{ "$sealed": { v, alg: "A256GCM", kid, iv, ct, tag } }` (the ' +
    'applicant also carries `lookup`), encrypted with the applicant’s data key; see SECURITY.md.',
  '',
  'Tiếng Việt: sự kiện nghiệp vụ của hệ thống một cửa, gửi qua Kafka theo chuẩn CloudEvents; mỗi sự kiện ' +
    'được giao ít nhất một lần, thứ tự được giữ trong từng hồ sơ (khóa = mã luồng); bên nhận loại bỏ bản ' +
    'trùng theo `id` hoặc theo (`subject`, `tthcstreamversion`).',
].join('\n');

const pascal = (kebab: string): string =>
  kebab
    .split(/[-_.]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

const channelKey = (streamType: string): string => {
  const name = pascal(streamType);
  return `${name.charAt(0).toLowerCase()}${name.slice(1)}Events`;
};

const messageKey = (entry: EventCatalogueEntry): string => `${entry.eventType}V${entry.schemaVersion}`;

/** AsyncAPI component keys allow `[A-Za-z0-9._-]`. */
const componentKey = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '-');

function message(entry: EventCatalogueEntry): AsyncApiMessage {
  const type = catalogueCloudEventType(entry);
  return {
    name: entry.eventType,
    title: entry.titleVi,
    summary: entry.summary,
    description:
      `CloudEvents type \`${type}\` on the \`${entry.streamType}\` topic; ` +
      'key and subject: the stream id.',
    contentType: STRUCTURED_CONTENT_TYPE,
    headers: { $ref: SCHEMA_REFS.headers },
    payload: {
      title: `${entry.eventType} v${entry.schemaVersion} as a structured CloudEvent`,
      allOf: [
        { $ref: SCHEMA_REFS.envelope },
        {
          type: 'object',
          properties: {
            type: { type: 'string', const: type },
            tthceventtype: { type: 'string', const: entry.eventType },
            tthcschemaversion: { type: 'integer', const: entry.schemaVersion },
            tthcstreamtype: { type: 'string', const: entry.streamType },
            data: { $ref: `#/components/schemas/${messageKey(entry)}Data` },
          },
        },
      ],
    },
    bindings: { $ref: '#/components/messageBindings/streamKey' },
  };
}

function channel(streamType: EventStreamType, prefix: string, partitions?: number): AsyncApiChannel {
  const about = STREAM_DESCRIPTIONS[streamType];
  const entries = catalogueEntriesOf(streamType);
  return {
    address: topicFor(prefix, streamType),
    title: `${pascal(streamType)} events (${about.titleVi})`,
    summary: about.summary,
    description: [
      `Events of the \`${streamType}\` streams. Records are keyed by the stream id, so each stream lives in one`,
      'partition and its events arrive in order; partitions share out the streams, not one stream’s events.',
      ...(entries.length === 0 ? ['No event type is published on this topic yet.'] : []),
    ].join(' '),
    messages: Object.fromEntries(
      entries.map((e) => [messageKey(e), { $ref: `#/components/messages/${messageKey(e)}` }]),
    ),
    bindings: {
      kafka: {
        ...(partitions === undefined ? {} : { partitions }),
        'x-message-key': 'The stream id (= CloudEvent subject): one stream stays in one partition, in order.',
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function operation(streamType: EventStreamType): AsyncApiOperation {
  const key = channelKey(streamType);
  return {
    action: 'receive',
    channel: { $ref: `#/channels/${key}` },
    title: `Consume ${streamType} events`,
    summary: `What consumers (projections, integrations) receive from the ${streamType} topic.`,
    messages: catalogueEntriesOf(streamType).map((e) => ({
      $ref: `#/channels/${key}/messages/${messageKey(e)}`,
    })),
  };
}

export function buildAsyncApiDocument(options: AsyncApiDocumentOptions): AsyncApiDocument {
  const servers = options.servers?.length ? options.servers : [{ name: 'kafka', host: 'localhost:9092' }];
  const entries = STREAM_TYPES.flatMap((t) => catalogueEntriesOf(t));
  return {
    asyncapi: '3.0.0',
    id: 'urn:vn:tthc:engine:events',
    info: {
      title: 'TTHC engine events',
      version: '0.1.0',
      description: DESCRIPTION,
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      externalDocs: {
        description: 'CloudEvents 1.0 Kafka protocol binding',
        url: 'https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md',
      },
    },
    defaultContentType: STRUCTURED_CONTENT_TYPE,
    servers: Object.fromEntries(
      servers.map((s) => [
        componentKey(s.name),
        { host: s.host, protocol: 'kafka', description: 'Kafka broker' },
      ]),
    ),
    channels: Object.fromEntries(
      STREAM_TYPES.map((t) => [channelKey(t), channel(t, options.topicPrefix, options.partitions)]),
    ),
    operations: Object.fromEntries(STREAM_TYPES.map((t) => [`receive${pascal(t)}Events`, operation(t)])),
    components: {
      schemas: {
        ...ENVELOPE_SCHEMAS,
        ...Object.fromEntries(entries.map((e) => [`${messageKey(e)}Data`, e.dataSchema])),
      },
      messages: Object.fromEntries(entries.map((e) => [messageKey(e), message(e)])),
      messageBindings: {
        streamKey: {
          kafka: {
            key: {
              type: 'string',
              description: 'The stream id (= CloudEvent subject), e.g. the dossier id.',
            },
            bindingVersion: KAFKA_BINDING_VERSION,
          },
        },
      },
    },
  };
}
