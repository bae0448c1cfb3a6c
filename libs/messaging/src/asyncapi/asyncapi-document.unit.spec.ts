import type { RecordedEvent } from '@tthc/event-store';
import { toKafkaMessage } from '../cloud-event-mapping';
import { STREAM_TYPES, topicFor } from '../topics';
import { buildAsyncApiDocument } from './asyncapi-document';
import { STRUCTURED_CONTENT_TYPE_HEADER } from './cloud-event-envelope';
import { catalogueCloudEventType, EVENT_CATALOGUE } from './event-catalogue';
import { compile, describeErrors, parseAsyncApi, type ParsedAsyncApi } from './testing/asyncapi-validation';

const document = buildAsyncApiDocument({ topicPrefix: 'tthc', partitions: 6 });
let parsed: ParsedAsyncApi;

beforeAll(async () => {
  parsed = await parseAsyncApi(document);
  for (const w of parsed.warnings) console.warn(`AsyncAPI ${w.code} at ${w.path.join('.')}: ${w.message}`);
});

const recorded = (
  streamType: string,
  streamId: string,
  type: string,
  data: unknown,
  metadata: RecordedEvent['metadata'] = {},
): RecordedEvent => ({
  eventId: '3f1f4c9e-0a43-4a53-9a51-0b8f1f0f6b11',
  type,
  schemaVersion: 1,
  data,
  metadata: { correlationId: 'c-9', actor: { id: 'officer-hoa', role: 'receiving-officer' }, ...metadata },
  streamId,
  streamType,
  streamVersion: 2,
  occurredAt: new Date('2026-03-10T02:00:00Z'),
  recordedAt: new Date('2026-03-10T02:00:01Z'),
  logPosition: { transactionId: '812', position: '40' },
});

const AT = '2026-03-10T02:00:00.000Z';
const NAME = { vi: 'UBND xã Khánh Trung', en: 'Khanh Trung Commune People’s Committee' };

/** One event of each stream type that has events, as the relay would publish it. */
const SAMPLES: readonly RecordedEvent[] = [
  recorded(
    'dossier',
    'dossier-1',
    'DossierReceived',
    {
      dossierCode: '000.31.18.H56-260310-0001',
      receivedAt: AT,
      acceptedAt: AT,
      effectiveReceivedAt: AT,
      legalRegime: 'decree-118-2025',
      committedDuration: { unit: 'working-days', value: 1 },
      statutoryDuration: { unit: 'working-days', value: 3 },
      deadlineMode: 'WORKING_HOURS',
      receiptCutoff: '15:00',
      supplementPolicy: 'PAUSE',
      dueAt: '2026-03-11T02:00:00.000Z',
      statutoryDueAt: '2026-03-13T02:00:00.000Z',
      appointmentAt: '2026-03-11T02:00:00.000Z',
      receivingOfficer: { id: 'officer-hoa', agency: '000.31.18.H56' },
    },
    { agencyCode: '000.31.18.H56', procedureCode: '1.004873' },
  ),
  recorded('procedure', 'procedure-1.004873', 'ProcedureRetired', {
    code: '1.004873',
    version: 2,
    retiredAt: AT,
    reason: null,
  }),
  recorded(
    'agency',
    'agency-000.31.18.H56',
    'AgencyRegistered',
    {
      code: '000.31.18.H56',
      name: NAME,
      level: 'commune',
      parentCode: '000.00.18.H56',
      administrativeUnitCode: '22700',
      officeHours: [
        { from: '07:30', to: '11:30' },
        { from: '13:30', to: '17:00' },
      ],
      saturdayReception: false,
      defaultTripCostDays: 0.5,
      validFrom: '2025-07-01',
    },
    { agencyCode: '000.31.18.H56' },
  ),
  recorded('administrative-unit', 'administrative-unit-22711', 'AdministrativeUnitMerged', {
    code: '22711',
    validTo: '2025-07-01',
    successorCode: '22700',
    legalBasis: 'Nghị quyết 1667/NQ-UBTVQH15',
  }),
];

describe('the AsyncAPI 3.0.0 document of the Kafka topics', () => {
  it('is valid for the AsyncAPI parser: no error diagnostics', () => {
    expect(parsed.errors.map((e) => `${e.code} at ${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(document.asyncapi).toBe('3.0.0');
  });

  it('has one channel per stream type, addressed by its topic name', () => {
    expect([...parsed.channels.keys()].sort()).toEqual(STREAM_TYPES.map((t) => topicFor('tthc', t)).sort());
    expect(buildAsyncApiDocument({ topicPrefix: 'prod' }).channels.dossierEvents.address).toBe(
      'prod.dossier.events',
    );
  });

  it('has a message for every catalogued event, on the channel of its stream type', () => {
    expect(EVENT_CATALOGUE.length).toBeGreaterThan(0);
    for (const entry of EVENT_CATALOGUE) {
      expect(parsed.channels.get(topicFor('tthc', entry.streamType))).toContain(entry.eventType);
      expect(parsed.payloads.has(catalogueCloudEventType(entry))).toBe(true);
    }
    expect(parsed.payloads.size).toBe(EVENT_CATALOGUE.length);
  });

  it('uses the given brokers as servers, and localhost:9092 by default', () => {
    expect(document.servers).toEqual({
      kafka: { host: 'localhost:9092', protocol: 'kafka', description: 'Kafka broker' },
    });
    const servers = buildAsyncApiDocument({
      topicPrefix: 'tthc',
      servers: [{ name: 'broker 1', host: 'kafka-1:9092' }],
    }).servers;
    expect(servers).toEqual({ 'broker-1': expect.objectContaining({ host: 'kafka-1:9092' }) });
  });

  it.each(SAMPLES.map((e) => [e.streamType, e] as const))(
    'describes what toKafkaMessage() publishes on the %s topic',
    (_streamType, event) => {
      const message = toKafkaMessage(event);
      const value: unknown = JSON.parse(message.value);
      const type = (value as { type: string }).type;
      const payload = parsed.payloads.get(type);
      if (payload === undefined) throw new Error(`no message for ${type}`);
      const validate = compile(payload);
      expect(describeErrors(validate(value) ? [] : validate.errors)).toBe('');
      expect(message.key).toBe(event.streamId);
      expect(message.headers).toEqual({ 'content-type': STRUCTURED_CONTENT_TYPE_HEADER });
    },
  );

  it('rejects a CloudEvent whose data does not match its type', () => {
    const [received] = SAMPLES;
    const value = JSON.parse(toKafkaMessage({ ...received, data: { dueAt: 'tomorrow' } }).value) as object;
    const validate = compile(parsed.payloads.get('vn.tthc.dossier.received.v1') ?? {});
    expect(validate(value)).toBe(false);
    expect(describeErrors(validate.errors)).toContain('/data/dueAt must match format "date-time"');
    const retired = JSON.parse(toKafkaMessage(SAMPLES[1]).value) as object;
    expect(validate(retired)).toBe(false);
  });

  it('describes a DossierSubmitted whose personal data is sealed, as the relay publishes it now', () => {
    const sealedValue = { v: 1, alg: 'A256GCM', kid: 'a1b2', iv: 'aXY=', ct: 'Y3Q=', tag: 'dGFn' };
    const data = {
      dossierId: 'd-1',
      procedureCode: '1.004873',
      procedureVersion: 1,
      agencyCode: '000.31.18.H56',
      channel: 'online',
      onlineServiceLevel: 'full',
      onlineLevel: 'full',
      applicant: { $sealed: sealedValue, lookup: ['ab12'] },
      formData: { $sealed: sealedValue },
      attachments: [],
      submittedAt: '2026-03-02T02:00:00.000Z',
    };
    const event: RecordedEvent = { ...SAMPLES[0]!, type: 'DossierSubmitted', data };
    const value = JSON.parse(toKafkaMessage(event).value) as { type: string };
    const validate = compile(parsed.payloads.get(value.type) ?? {});
    expect(describeErrors(validate(value) ? [] : validate.errors)).toBe('');
    const tampered = { ...data, applicant: { $sealed: { ...sealedValue, alg: 'none' } } };
    expect(validate(JSON.parse(toKafkaMessage({ ...event, data: tampered }).value))).toBe(false);
  });

  it('marks the personal data of the applicant', () => {
    const applicant = document.components.schemas.DossierSubmittedV1Data.properties?.applicant;
    expect(applicant).toMatchObject({ 'x-personal-data': true });
    const [sealed, clear] = applicant?.anyOf ?? [];
    expect(sealed?.required).toEqual(['$sealed']);
    for (const member of ['name', 'nationalId', 'phone', 'email', 'address']) {
      expect(clear?.properties?.[member]).toMatchObject({ 'x-personal-data': true });
    }
  });
});
