// Topics are made by the apps at start-up. Several processes may start at once (the local cluster, a
// deployment's replicas): one creates a topic while another finds it already there and goes on to use it
// before its partitions have leaders, and fails with "This server does not host this topic-partition"
// (seen in CI, on a broker started a moment before). So provisioning ends only when every partition of
// every topic has a leader, retrying what Kafka calls retriable until a deadline.
import type { Kafka } from 'kafkajs';
import type { KafkaConfig } from '@tthc/platform';
import { allTopics } from './topics';

const TRANSIENT_TYPES = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
]);

interface KafkaError {
  name?: string;
  type?: string;
  retriable?: boolean;
  originalError?: { retriable?: boolean; type?: string };
}

function isTransient(error: unknown): boolean {
  const e = error as KafkaError | null;
  return (
    e?.retriable === true ||
    e?.originalError?.retriable === true ||
    TRANSIENT_TYPES.has(e?.type ?? '') ||
    TRANSIENT_TYPES.has(e?.originalError?.type ?? '')
  );
}

/**
 * Creates missing topics with the configured partitions and replication (existing ones are kept) and waits
 * until all of them can be used; returns the topics this call created (for the log: when processes race,
 * Kafka may answer "already exists" for a batch another process only partly created).
 */
export async function provisionTopics(
  kafka: Kafka,
  config: KafkaConfig,
  timeoutMs = 60_000,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  const topics = allTopics(config);
  const created: string[] = [];
  const deadline = Date.now() + timeoutMs;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((t) => !existing.has(t));
        if (missing.length > 0) {
          // False (not an error) when another process created them meanwhile.
          const made = await admin.createTopics({
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
          if (made) created.push(...missing);
        }
        const { topics: described } = await admin.fetchTopicMetadata({ topics });
        const ready = described.every(
          (t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0),
        );
        if (ready) return created;
      } catch (error) {
        if (!isTransient(error) || Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) {
        throw new Error(`the Kafka topics ${topics.join(', ')} had no leaders after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 200 * attempt)));
    }
  } finally {
    await admin.disconnect();
  }
}
