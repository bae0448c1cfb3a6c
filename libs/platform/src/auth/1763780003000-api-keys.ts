import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys of integrations. A table, not an event stream, on purpose: a key's hash is a credential, and
 * the event log is relayed to Kafka and kept forever; revocation must also take effect on the next request,
 * not after a projection caught up. Who created and revoked a key is kept in the row. Only the SHA-256 of
 * the key is stored; the key itself is shown once, when it is created.
 */
export class ApiKeys1763780003000 implements MigrationInterface {
  name = 'ApiKeys1763780003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        id text PRIMARY KEY,
        integration_id text NOT NULL,
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        key_prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        revoked_at timestamptz,
        revoked_by text,
        last_used_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE api_keys');
  }
}
