import type { Kafka } from 'kafkajs';
import type { KafkaConfig } from '@tthc/platform';
import { allTopics } from './topics';

/** Creates missing topics with the configured partitions and replication; existing ones are kept. */
export async function provisionTopics(kafka: Kafka, config: KafkaConfig): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = allTopics(config).filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: config.partitions,
          replicationFactor: config.replicationFactor,
          configEntries:
            config.replicationFactor > 1
              ? [{ name: 'min.insync.replicas', value: String(Math.min(2, config.replicationFactor)) }]
              : [],
        })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
