import { CloudEvent, Kafka, type KafkaMessage } from 'cloudevents';
import type { RecordedEvent } from '@tthc/event-store';
import { cloudEventType, fromKafkaMessage, toKafkaMessage } from './cloud-event-mapping';

const recorded: RecordedEvent = {
  eventId: '3f1f4c9e-0a43-4a53-9a51-0b8f1f0f6b11',
  type: 'DossierReceived',
  schemaVersion: 2,
  data: { appointmentAt: '2026-03-03T02:00:00.000Z' },
  metadata: { agencyCode: '000.00.18.H56', procedureCode: '1.000656', correlationId: 'c-9' },
  streamId: 'dossier-1',
  streamType: 'dossier',
  streamVersion: 2,
  occurredAt: new Date('2026-03-02T02:00:00Z'),
  recordedAt: new Date('2026-03-02T02:00:01Z'),
  logPosition: { transactionId: '812', position: '40' },
};

describe('CloudEvents mapping', () => {
  it('names types after the stream and the event, with the schema version', () => {
    expect(cloudEventType('dossier', 'DossierReceived', 1)).toBe('vn.tthc.dossier.received.v1');
    expect(cloudEventType('dossier', 'SupplementRequested', 1)).toBe(
      'vn.tthc.dossier.supplement-requested.v1',
    );
    expect(cloudEventType('procedure', 'ProcedurePublished', 3)).toBe('vn.tthc.procedure.published.v3');
  });

  it('writes a structured message that the SDK parses and that maps back to the same event', () => {
    const message = toKafkaMessage(recorded);
    expect(message.key).toBe('dossier-1');
    const parsed = Kafka.toEvent({
      key: message.key,
      value: message.value,
      headers: message.headers,
    } as KafkaMessage<string>) as CloudEvent<unknown>;
    expect(parsed.validate()).toBe(true);
    expect(parsed).toMatchObject({
      id: recorded.eventId,
      type: 'vn.tthc.dossier.received.v2',
      source: '/tthc/agencies/000.00.18.H56/procedures/1.000656',
      subject: 'dossier-1',
      data: recorded.data,
    });
    expect(fromKafkaMessage(Buffer.from(message.value), message.headers)).toEqual(recorded);
  });

  it('refuses a message that is not a structured CloudEvent 1.0', () => {
    const message = toKafkaMessage(recorded);
    expect(() => fromKafkaMessage(message.value, {})).toThrow(
      'not a structured CloudEvent (content-type: none)',
    );
    const older = JSON.stringify({ ...JSON.parse(message.value), specversion: '0.3' });
    expect(() => fromKafkaMessage(older, message.headers)).toThrow(
      `not a CloudEvent 1.0 of this engine (id: ${recorded.eventId})`,
    );
  });
});
