// The PostgreSQL server every suite of one run uses: DATABASE_URL's server when set, else an embedded
// server in a fresh temporary directory (the same package the engine embeds). Each measurement gets a
// database of its own on that server, so contenders never share tables or caches of each other's rows.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, startEmbeddedPostgres, type MigrationClass } from '@tthc/platform';

export interface PostgresServer {
  readonly url: string;
  readonly embedded: boolean;
  version(): Promise<string>;
  /** A new empty database; returns its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One short-lived connection to a database of the server, for a suite's own SQL. */
export async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function admin<T>(serverUrl: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function startPostgres(say: (line: string) => void): Promise<PostgresServer> {
  let url = process.env.DATABASE_URL;
  let stop = async () => undefined as void;
  let embedded = false;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'tthc-bench-pg-'));
    chmodSync(dir, 0o755); // initdb runs as the unprivileged postgres user when we are root
    const db = await startEmbeddedPostgres({ dataDir: dir, port: 0, log: () => undefined });
    url = db.url;
    embedded = true;
    stop = async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    };
    say(`embedded PostgreSQL in ${dir}`);
  } else say('PostgreSQL from DATABASE_URL');
  const serverUrl = url;
  return {
    url: serverUrl,
    embedded,
    version: () =>
      admin(
        serverUrl,
        async (c) =>
          (await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v,
      ),
    createDatabase: async (name, template) => {
      await admin(serverUrl, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
      });
      return databaseUrl(serverUrl, name);
    },
    dropDatabase: (name) =>
      admin(serverUrl, async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
    stop,
  };
}

/** A TypeORM data source like the engine's (same options), migrated. */
export async function openDataSource(
  url: string,
  poolSize: number,
  migrations: MigrationClass[],
): Promise<DataSource> {
  const ds = new DataSource({ ...dataSourceOptions(url, poolSize, migrations), logging: ['error'] });
  await ds.initialize();
  await ds.runMigrations();
  return ds;
}
