// The applicants' data keys (`applicant_keys`): one per applicant, found by a keyed hash of the normalised
// national ID (never the ID itself), stored only wrapped by the master key. Erasure destroys the wrapped key
// and the reference in one UPDATE; the row stays as the record that the key existed and when it was destroyed.
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { sqlLiteral, use, type PreparedStatement, type Queryable, type Statement } from '@tthc/event-store';
import { normaliseNationalId } from '../../application/personal-data';
import { fromSubmission } from '../submission-sql';
import { deriveKey, keyedHash, newDataKey, unwrapDataKey, wrapDataKey } from './personal-data-cipher';

/** A data key as the keyring hands it out: the key, or `erased` once destroyed (or never known here). */
export type DataKey =
  { readonly id: string; readonly key: Buffer } | { readonly id: string; readonly key: 'erased' };

export interface ErasedKey {
  readonly keyId: string;
  readonly erasedAt: string;
}

/**
 * One statement: the new key, or the live one the statement's snapshot can see. A key committed by a
 * concurrent first submission after that snapshot is neither, and is read again then. The arguments are
 * SQL expressions (parameters or literals): the new key's id, the applicant reference, the wrapped key.
 */
function liveKeyStatement(id: string, ref: string, wrapped: string): string {
  return `WITH inserted AS (
      INSERT INTO applicant_keys (id, applicant_ref, wrapped_key) VALUES (${id}, ${ref}, ${wrapped})
      ON CONFLICT (applicant_ref) WHERE erased_at IS NULL DO NOTHING RETURNING id::text AS id, wrapped_key)
    SELECT id, wrapped_key FROM inserted
    UNION ALL
    SELECT id::text, wrapped_key FROM applicant_keys WHERE applicant_ref = ${ref} AND erased_at IS NULL`;
}

const LIVE_KEY: PreparedStatement = {
  name: 'tthc_applicant_live_key',
  parameterTypes: ['uuid', 'text', 'text'],
  text: liveKeyStatement('$1', '$2', '$3'),
};

const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const KEY_ID = new RegExp(UUID_PATTERN, 'i');
const isKeyId = (text: string) => KEY_ID.test(text);
/** A key id as a uuid, so the primary key finds it; NULL (no key) for text that is not one. */
const asKeyId = (text: string) =>
  `(SELECT CASE WHEN t ~* '${UUID_PATTERN}' THEN t::uuid END FROM (SELECT ${text} AS t) s)`;

/** The key the applicant of the submission in stream $1 was sealed with. */
const KEY_OF_SUBMISSION: PreparedStatement = {
  name: 'tthc_applicant_key_of_submission',
  parameterTypes: ['text'],
  text: `SELECT id::text AS id, wrapped_key FROM applicant_keys
    WHERE id = ${asKeyId(fromSubmission('$1', "data->'applicant'->'$sealed'->>'kid'"))}`,
};

/** A row of applicant_keys as the keyring reads it; an erased key has no wrapped key. */
interface KeyRow {
  readonly id: string;
  readonly wrapped_key: string | null;
}

export class ApplicantKeyring {
  private readonly refKey: Buffer;

  constructor(
    private readonly db: DataSource,
    private readonly master: Buffer,
  ) {
    this.refKey = deriveKey(master, 'applicant-ref');
  }

  /** The keyed hash that finds an applicant's key; equal IDs written differently give the same reference. */
  applicantRef(nationalId: string): string {
    return keyedHash(this.refKey, 'applicant-ref', normaliseNationalId(nationalId));
  }

  /**
   * The applicant's live data key, made on first use inside the caller's transaction (so a rolled-back
   * submission leaves no key behind). Two concurrent first submissions of one applicant meet on the partial
   * unique index: the second waits, inserts nothing, and reads the first one's key.
   */
  async keyFor(nationalId: string, runner: Queryable): Promise<{ id: string; key: Buffer }> {
    const ref = this.applicantRef(nationalId);
    const id = randomUUID();
    const rows = (await runner.query(liveKeyStatement('$1', '$2', '$3'), [
      id,
      ref,
      wrapDataKey(this.master, id, newDataKey()),
    ])) as { id: string; wrapped_key: string }[];
    return this.liveKeyOf(ref, rows, runner);
  }

  /**
   * keyFor's statement as SQL text (CommandSpec.reads), for a submission's opening round trip; its rows go
   * to keyMadeBy.
   */
  keyForStatement(nationalId: string): Statement {
    const id = randomUUID();
    return use(
      LIVE_KEY,
      sqlLiteral(id),
      sqlLiteral(this.applicantRef(nationalId)),
      sqlLiteral(wrapDataKey(this.master, id, newDataKey())),
    );
  }

  /** The key from the rows of keyForStatement, read again if they hold none (see liveKeyStatement). */
  keyMadeBy(
    nationalId: string,
    rows: readonly Record<string, unknown>[],
    runner: Queryable,
  ): Promise<{ id: string; key: Buffer }> {
    return this.liveKeyOf(
      this.applicantRef(nationalId),
      rows as { id: string; wrapped_key: string }[],
      runner,
    );
  }

  private async liveKeyOf(
    ref: string,
    made: readonly { id: string; wrapped_key: string }[],
    runner: Queryable,
  ): Promise<{ id: string; key: Buffer }> {
    let rows = made;
    if (rows.length === 0) {
      rows = (await runner.query(
        'SELECT id::text AS id, wrapped_key FROM applicant_keys WHERE applicant_ref = $1 AND erased_at IS NULL',
        [ref],
      )) as { id: string; wrapped_key: string }[];
    }
    const row = rows[0];
    if (row === undefined) throw new Error('Invariant: the applicant key vanished in its own transaction');
    return { id: row.id, key: unwrapDataKey(this.master, row.id, row.wrapped_key) };
  }

  /**
   * The live keys of many applicants at once (the historical import's batches), made where missing: two
   * statements for the whole batch instead of one per applicant. Keyed by applicantRef.
   */
  async keysFor(
    nationalIds: readonly string[],
    runner: Queryable,
  ): Promise<Map<string, { id: string; key: Buffer }>> {
    const refs = [...new Set(nationalIds.map((id) => this.applicantRef(id)))];
    const live = async (wanted: readonly string[]) =>
      (await runner.query(
        `SELECT id::text AS id, applicant_ref, wrapped_key FROM applicant_keys
         WHERE applicant_ref = ANY($1::text[]) AND erased_at IS NULL`,
        [wanted],
      )) as { id: string; applicant_ref: string; wrapped_key: string }[];
    const rows = await live(refs);
    const known = new Set(rows.map((row) => row.applicant_ref));
    const missing = refs.filter((ref) => !known.has(ref));
    if (missing.length > 0) {
      const ids = missing.map(() => randomUUID());
      await runner.query(
        `INSERT INTO applicant_keys (id, applicant_ref, wrapped_key)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])
         ON CONFLICT (applicant_ref) WHERE erased_at IS NULL DO NOTHING`,
        [ids, missing, ids.map((id) => wrapDataKey(this.master, id, newDataKey()))],
      );
      rows.push(...(await live(missing)));
    }
    return new Map(
      rows.map((row) => [
        row.applicant_ref,
        { id: row.id, key: unwrapDataKey(this.master, row.id, row.wrapped_key) },
      ]),
    );
  }

  /**
   * The keys with these ids; an erased or unknown id maps to `erased`. `known`: rows of applicant_keys
   * already read (with a dossier's stream, keyReadWith); only the ids they lack are read.
   */
  async keys(
    ids: Iterable<string>,
    runner?: Queryable,
    known: readonly Record<string, unknown>[] = [],
  ): Promise<Map<string, DataKey>> {
    const wanted = [...new Set(ids)];
    const found = new Map<string, DataKey>();
    if (wanted.length === 0) return found;
    const wrapped = new Map(
      (known as readonly Partial<KeyRow>[])
        .filter((row): row is KeyRow => typeof row.id === 'string')
        .map((row) => [row.id, row.wrapped_key]),
    );
    // Text that is no key id finds no key, as an erased one.
    const missing = wanted.filter((id) => !wrapped.has(id) && isKeyId(id));
    if (missing.length > 0) {
      const on: Queryable = runner ?? this.db;
      const rows = (await on.query(
        'SELECT id::text AS id, wrapped_key FROM applicant_keys WHERE id = ANY($1::uuid[])',
        [missing],
      )) as KeyRow[];
      for (const row of rows) wrapped.set(row.id, row.wrapped_key);
    }
    for (const id of wanted) {
      const w = wrapped.get(id);
      found.set(id, w == null ? { id, key: 'erased' } : { id, key: unwrapDataKey(this.master, id, w) });
    }
    return found;
  }

  /**
   * SQL text (CommandSpec.reads) that reads the key the applicant of a dossier's submission was sealed with,
   * for keys(…, known): one round trip less for a command on the dossier.
   */
  keyReadWith(streamId: string): Statement {
    return use(KEY_OF_SUBMISSION, sqlLiteral(streamId));
  }

  /** Destroys the applicant's live key (crypto-shredding); undefined when there is none. */
  async erase(nationalId: string, runner: QueryRunner): Promise<ErasedKey | undefined> {
    const rows = (await runner.query(
      // Through a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
      `WITH erased AS (
         UPDATE applicant_keys SET wrapped_key = NULL, applicant_ref = NULL, erased_at = now()
         WHERE applicant_ref = $1 AND erased_at IS NULL RETURNING id::text AS id, erased_at)
       SELECT id, erased_at FROM erased`,
      [this.applicantRef(nationalId)],
    )) as { id: string; erased_at: Date }[];
    const row = rows[0];
    return row === undefined ? undefined : { keyId: row.id, erasedAt: new Date(row.erased_at).toISOString() };
  }
}
