// The events table is the outbox. One relay at a time (leadership = a session advisory lock held on a
// dedicated connection) publishes the global log to Kafka in log order with an idempotent producer
// and acks=all, and moves its checkpoint only after Kafka acknowledged. At-least-once on the wire:
// after a crash the last unacknowledged batch is sent again; projections skip it by stream version.
import { Client } from 'pg';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import {
  readCheckpoint,
  writeCheckpoint,
  withTransaction,
  type LogNotifications,
  type LogPosition,
  type PostgresEventStore,
} from '@tthc/event-store';
import type { KafkaConfig } from '@tthc/platform';
import { toKafkaMessage } from './cloud-event-mapping';
import { topicFor } from './topics';

/** Arbitrary but fixed key of the relay's leadership lock. */
const RELAY_LOCK_KEY = 7_042_025_118;
export const RELAY_SUBSCRIPTION = 'outbox-relay';

export interface RelayLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface RelayOptions {
  databaseUrl: string;
  batchSize: number;
  pollIntervalMs: number;
}

export class OutboxRelay {
  private running = false;
  private leader = false;
  private dirty = true;
  private loop?: Promise<void>;
  private lockClient?: Client;
  private producer?: Producer;
  private readonly markDirty = () => {
    this.dirty = true;
  };

  constructor(
    private readonly db: DataSource,
    private readonly store: PostgresEventStore,
    private readonly kafka: Kafka,
    private readonly config: KafkaConfig,
    private readonly notifications: LogNotifications,
    private readonly options: RelayOptions,
    private readonly logger: RelayLogger,
  ) {}

  get source(): string {
    return `kafka:${this.config.topicPrefix}`;
  }

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.notifications.on('appended', this.markDirty);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.notifications.off('appended', this.markDirty);
    this.notifications.emit('closed');
    await this.loop;
    await this.releaseLeadership();
  }

  /** The relay's checkpoint: everything at or before it is acknowledged by Kafka. */
  checkpoint(): Promise<LogPosition> {
    return readCheckpoint(this.db, RELAY_SUBSCRIPTION, this.source);
  }

  /** Events not yet acknowledged by Kafka (bounded count, for the lag gauge). */
  async lag(): Promise<number> {
    const at = await this.checkpoint();
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM events
         WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) LIMIT 1000000) pending`,
      [at.transactionId, at.position],
    )) as { n: number }[];
    return row.n;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!this.leader && !(await this.tryLeadership())) {
          await this.notifications.waitForAppend(Math.max(this.options.pollIntervalMs, 2000));
          continue;
        }
        this.dirty = false;
        const published = await this.publishPending();
        if (published === 0 && !this.dirty && this.running) {
          await this.notifications.waitForAppend(this.options.pollIntervalMs);
        }
      } catch (error) {
        // Kafka or Postgres unavailable: appends go on; we retry and catch up when it is back.
        this.logger.warn(`outbox relay: ${(error as Error).message}; retrying`);
        await this.resetProducer();
        await new Promise((r) => setTimeout(r, Math.min(5000, this.options.pollIntervalMs * 2)));
      }
    }
  }

  /** Publishes everything currently readable; returns how many events went out. */
  async publishPending(): Promise<number> {
    const producer = await this.connectedProducer();
    let at = await this.checkpoint();
    let total = 0;
    while (this.running && this.leader) {
      const events = await this.store.readLog(at, this.options.batchSize);
      if (events.length === 0) break;
      const byTopic = new Map<string, ReturnType<typeof toKafkaMessage>[]>();
      for (const event of events) {
        const topic = topicFor(this.config.topicPrefix, event.streamType);
        const list = byTopic.get(topic) ?? [];
        list.push(toKafkaMessage(event));
        byTopic.set(topic, list);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      at = events[events.length - 1].logPosition;
      const next = at;
      await withTransaction(this.db, (runner) =>
        writeCheckpoint(runner, RELAY_SUBSCRIPTION, this.source, next),
      );
      total += events.length;
    }
    return total;
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    this.producer = producer;
    return producer;
  }

  private async resetProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private async tryLeadership(): Promise<boolean> {
    const client = new Client({ connectionString: this.options.databaseUrl });
    client.on('error', () => {
      // Losing the connection releases the lock: stop publishing until we hold it again.
      this.leader = false;
      this.lockClient = undefined;
    });
    await client.connect();
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
      RELAY_LOCK_KEY,
    ]);
    if (!rows[0].ok) {
      await client.end();
      return false;
    }
    this.lockClient = client;
    this.leader = true;
    this.logger.info('outbox relay: this process is the active relay');
    return true;
  }

  private async releaseLeadership(): Promise<void> {
    await this.resetProducer();
    const client = this.lockClient;
    this.lockClient = undefined;
    this.leader = false;
    if (client) {
      await client.query('SELECT pg_advisory_unlock($1)', [RELAY_LOCK_KEY]).catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
