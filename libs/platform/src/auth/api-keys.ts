// API keys for integrations: `tthc_` + 256 random bits, base64url. A key that long cannot be guessed, so a
// plain SHA-256 of it is a safe thing to keep and to look up by (a slow password hash buys nothing here and
// would cost every request). A key authenticates its integration with the role `integration`.
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ROLES, type Principal } from './roles';

export const API_KEY_PREFIX = 'tthc_';
const API_KEY_SHAPE = /^tthc_[A-Za-z0-9_-]{43}$/;

/** The sandbox portal's key id and integration id in the embedded default. */
export const DEMO_API_KEY_ID = 'demo-sandbox-portal';
export const DEMO_INTEGRATION_ID = 'sandbox-portal';

export interface ApiKeyRecord {
  readonly id: string;
  readonly integrationId: string;
  readonly name: string;
  /** The first characters of the key, so an operator can tell keys apart without seeing one. */
  readonly keyPrefix: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly lastUsedAt: string | null;
}

interface ApiKeyRow {
  id: string;
  integration_id: string;
  name: string;
  key_prefix: string;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

const iso = (value: Date | null) => (value === null ? null : new Date(value).toISOString());

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    integrationId: row.integration_id,
    name: row.name,
    keyPrefix: row.key_prefix,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    revokedAt: iso(row.revoked_at),
    revokedBy: row.revoked_by,
    lastUsedAt: iso(row.last_used_at),
  };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function newApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * The sandbox key, derived from the local signing secret: the embedded engine and `npm run token` agree on
 * it without storing the key itself anywhere, and a fresh data directory gets a fresh key.
 */
export function demoApiKey(signingSecret: Uint8Array): string {
  return (
    API_KEY_PREFIX +
    createHmac('sha256', signingSecret).update('tthc demo integration API key').digest('base64url')
  );
}

export class ApiKeyNotFound extends Error {}

export class ApiKeys {
  constructor(private readonly db: DataSource) {}

  /** The integration a key belongs to; undefined for an unknown, malformed or revoked key. */
  async authenticate(key: string): Promise<Principal | undefined> {
    if (!API_KEY_SHAPE.test(key)) return undefined;
    const hash = hashApiKey(key);
    const rows = (await this.db.query(
      `SELECT integration_id, last_used_at < now() - interval '1 minute' OR last_used_at IS NULL AS stale
       FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [hash],
    )) as { integration_id: string; stale: boolean }[];
    if (rows.length === 0) return undefined;
    // Last use to the minute: enough to find unused keys, without a write on every request.
    if (rows[0].stale)
      await this.db.query('UPDATE api_keys SET last_used_at = now() WHERE key_hash = $1', [hash]);
    return { id: rows[0].integration_id, role: ROLES.integration };
  }

  /** Creates a key; the answer is the only place the key itself ever appears. */
  async create(
    integrationId: string,
    name: string,
    createdBy: string,
  ): Promise<{ readonly key: string; readonly record: ApiKeyRecord }> {
    const key = newApiKey();
    const rows = (await this.db.query(
      `INSERT INTO api_keys (id, integration_id, name, key_hash, key_prefix, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [randomUUID(), integrationId, name, hashApiKey(key), key.slice(0, 10), createdBy],
    )) as ApiKeyRow[];
    return { key, record: toRecord(rows[0]) };
  }

  /** Ensures the sandbox key exists; once revoked by an administrator it stays revoked. */
  async ensureDemoKey(key: string): Promise<void> {
    await this.db.query(
      `INSERT INTO api_keys (id, integration_id, name, key_hash, key_prefix, created_by)
       VALUES ($1, $2, 'Sandbox portal (embedded default)', $3, $4, 'system:samples')
       ON CONFLICT (id) DO UPDATE SET key_hash = EXCLUDED.key_hash, key_prefix = EXCLUDED.key_prefix`,
      [DEMO_API_KEY_ID, DEMO_INTEGRATION_ID, hashApiKey(key), key.slice(0, 10)],
    );
  }

  async list(): Promise<ApiKeyRecord[]> {
    const rows = (await this.db.query('SELECT * FROM api_keys ORDER BY created_at, id')) as ApiKeyRow[];
    return rows.map(toRecord);
  }

  /** Revokes a key at once (the next request with it is refused); revoking twice changes nothing. */
  async revoke(id: string, revokedBy: string): Promise<ApiKeyRecord> {
    await this.db.query(
      'UPDATE api_keys SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL',
      [id, revokedBy],
    );
    const rows = (await this.db.query('SELECT * FROM api_keys WHERE id = $1', [id])) as ApiKeyRow[];
    if (rows.length === 0) throw new ApiKeyNotFound(id);
    return toRecord(rows[0]);
  }
}
