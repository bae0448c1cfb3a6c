// Composes how events reach the read models in this process. Embedded mode: the projections tail the
// Postgres log through one reader. Kafka mode: topics are provisioned, the outbox relay publishes (if
// enabled here) and each projection consumes its topics in its own consumer group (if enabled here).
import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type Type,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Gauge, register } from 'prom-client';
import type { DataSource } from 'typeorm';
import { LogNotifications, LogSubscription, PostgresEventStore, type Projection } from '@tthc/event-store';
import { APP_CONFIG, DATABASE_URL, ReadinessChecks, type AppConfig } from '@tthc/platform';
import { createKafka } from './kafka-client';
import { KafkaProjectionConsumer } from './kafka-projection-consumer';
import { OutboxRelay } from './outbox-relay';
import { selectProjections } from './projection-selection';
import { provisionTopics } from './topic-provisioning';

export const PROJECTIONS = Symbol('PROJECTIONS');

@Injectable()
export class EventDelivery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventDelivery');
  private readonly stoppers: (() => Promise<void>)[] = [];
  relay?: OutboxRelay;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(getDataSourceToken()) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(LogNotifications) private readonly notifications: LogNotifications,
    @Inject(PROJECTIONS) readonly projections: Projection[],
    @Inject(ReadinessChecks) private readonly readiness: ReadinessChecks,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const projections = selectProjections(this.projections, this.config.projections);
    const onError = (error: unknown) => this.logger.error(`projection failed: ${String(error)}`);
    const kafkaConfig = this.config.kafka;
    if (!kafkaConfig) {
      if (!this.config.projectionsEnabled) return;
      // One reader of the log for every projection of this process.
      const subscription = new LogSubscription(this.db, this.store, projections, this.notifications, {
        batchSize: this.config.eventBatchSize,
        pollIntervalMs: this.config.pollIntervalMs,
        onError: (who, error) => this.logger.error(`${who} failed: ${String(error)}`),
      });
      subscription.start();
      this.stoppers.push(() => subscription.stop());
      return;
    }
    const sink = { warn: (m: string) => this.logger.warn(m), error: (m: string) => this.logger.error(m) };
    const kafka = createKafka(kafkaConfig, sink);
    const admin = kafka.admin();
    this.readiness.register({
      name: 'kafka',
      check: async () => {
        await admin.connect();
        await admin.describeCluster();
      },
    });
    this.stoppers.push(() => admin.disconnect());
    const created = await provisionTopics(kafka, kafkaConfig);
    if (created.length > 0) this.logger.log(`created topics ${created.join(', ')}`);
    if (this.config.relayEnabled) {
      const relay = new OutboxRelay(
        this.db,
        this.store,
        kafka,
        kafkaConfig,
        this.notifications,
        {
          databaseUrl: this.databaseUrl,
          batchSize: this.config.eventBatchSize,
          pollIntervalMs: this.config.pollIntervalMs,
        },
        { info: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m) },
      );
      this.relay = relay;
      relay.start();
      this.stoppers.push(() => relay.stop());
      registerLagGauge(relay);
    }
    if (this.config.projectionsEnabled) {
      for (const projection of projections) {
        const consumer = new KafkaProjectionConsumer(kafka, this.db, projection, kafkaConfig, onError);
        await consumer.start();
        this.stoppers.push(() => consumer.stop());
      }
    }
  }

  /**
   * Consumers and the relay finish their batch in flight before the database goes away. All at once: a
   * Kafka consumer's disconnect waits out its fetch in flight (up to 5 s), and one after the other the
   * seven projections' consumers made a projector take half a minute to stop.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const stoppers = this.stoppers.splice(0);
    await Promise.all(stoppers.map((stop) => stop().catch(() => undefined)));
  }
}

function registerLagGauge(relay: OutboxRelay): void {
  register.removeSingleMetric('tthc_outbox_relay_lag_events');
  new Gauge({
    name: 'tthc_outbox_relay_lag_events',
    help: 'Events in the PostgreSQL log not yet acknowledged by Kafka',
    async collect() {
      this.set(await relay.lag().catch(() => -1));
    },
  });
}

@Module({})
export class EventDeliveryModule {
  static forRoot(projections: Type<Projection>[]): DynamicModule {
    return {
      module: EventDeliveryModule,
      providers: [
        ...projections,
        { provide: PROJECTIONS, useFactory: (...list: Projection[]) => list, inject: projections },
        EventDelivery,
      ],
      exports: [EventDelivery, PROJECTIONS],
    };
  }
}
