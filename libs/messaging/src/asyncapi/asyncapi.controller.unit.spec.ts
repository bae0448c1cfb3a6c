import type { AppConfig, KafkaConfig } from '@tthc/platform';
import { AsyncApiController } from './asyncapi.controller';

const kafka: KafkaConfig = {
  brokers: ['kafka-1:9092', 'kafka-2:9092'],
  clientId: 'tthc-engine',
  topicPrefix: 'khanh-hoa',
  partitions: 12,
  replicationFactor: 3,
  consumerGroup: 'tthc-projector',
};

const served = (config: Pick<AppConfig, 'kafka'>) =>
  JSON.parse(new AsyncApiController(config as AppConfig).document()) as {
    servers: Record<string, { host: string }>;
    channels: Record<string, { address: string; bindings: { kafka: { partitions?: number } } }>;
  };

describe('GET /docs/asyncapi.json', () => {
  it('describes the configured topics and brokers', () => {
    const document = served({ kafka });
    expect(document.channels.dossierEvents.address).toBe('khanh-hoa.dossier.events');
    expect(document.channels.dossierEvents.bindings.kafka.partitions).toBe(12);
    expect(Object.values(document.servers).map((s) => s.host)).toEqual(['kafka-1:9092', 'kafka-2:9092']);
  });

  it('falls back to the default prefix and a local broker without Kafka configured', () => {
    const document = served({ kafka: undefined });
    expect(document.channels.dossierEvents.address).toBe('tthc.dossier.events');
    expect(document.servers).toEqual({ kafka: expect.objectContaining({ host: 'localhost:9092' }) });
  });
});
