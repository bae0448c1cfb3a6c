// A fresh database per test file on the test PostgreSQL server, migrated like production.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  AuditTrail1763780000100,
  AuditTrailStreamKey1763780005000,
  EventStore1763780000000,
} from '@tthc/event-store';
import { dataSourceOptions, type MigrationClass } from '@tthc/platform';
import { testDatabaseServerUrl } from './services';

/** The event store's own tables; tests of other contexts pass the full list from apps/engine/src/composition. */
export const EVENT_STORE_MIGRATIONS: MigrationClass[] = [
  EventStore1763780000000,
  AuditTrail1763780000100,
  AuditTrailStreamKey1763780005000,
];

export interface TestDatabase {
  readonly url: string;
  readonly dataSource: DataSource;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(
  migrations: MigrationClass[] = EVENT_STORE_MIGRATIONS,
): Promise<TestDatabase> {
  const server = testDatabaseServerUrl();
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(server, name);
  const dataSource = new DataSource({ ...dataSourceOptions(url, 20, migrations), logging: ['error'] });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    url,
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      const c = new Client({ connectionString: withDatabase(server, 'postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
