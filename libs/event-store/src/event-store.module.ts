import { Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DATABASE_URL } from '@tthc/platform';
import { CommandExecutor } from './infrastructure/command-executor';
import { PostgresEventStore } from './infrastructure/postgres-event-store';
import { LogNotifications } from './subscriptions/log-notifications';

const providers = [
  {
    provide: PostgresEventStore,
    useFactory: (db: DataSource) => new PostgresEventStore(db),
    inject: [getDataSourceToken()],
  },
  {
    provide: CommandExecutor,
    useFactory: (store: PostgresEventStore) => new CommandExecutor(store),
    inject: [PostgresEventStore],
  },
  {
    provide: LogNotifications,
    useFactory: (url: string) => new LogNotifications(url),
    inject: [DATABASE_URL],
  },
];

/** The event store and its command path, shared by every context of the process. */
@Global()
@Module({ providers, exports: providers.map((p) => p.provide) })
export class EventStoreModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(LogNotifications) private readonly notifications: LogNotifications) {}

  async onModuleInit(): Promise<void> {
    await this.notifications.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.notifications.stop();
  }
}
