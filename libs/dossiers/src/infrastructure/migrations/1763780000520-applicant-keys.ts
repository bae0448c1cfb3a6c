import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The applicants' data keys (crypto-shredding, see SECURITY.md). Write-side state, not a read model: never
 * rebuilt, never emptied. `applicant_ref` is a keyed hash of the normalised national ID (the key to it is
 * derived from the master key); erasure sets it, and the wrapped key, to NULL. At most one live key per
 * applicant; an applicant who submits again after erasure gets a new key.
 */
export class ApplicantKeys1763780000520 implements MigrationInterface {
  name = 'ApplicantKeys1763780000520';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE applicant_keys (
        id uuid PRIMARY KEY,
        applicant_ref text,
        wrapped_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        CHECK ((erased_at IS NULL) = (wrapped_key IS NOT NULL AND applicant_ref IS NOT NULL))
      )`);
    await q.query(
      'CREATE UNIQUE INDEX applicant_keys_live_ref ON applicant_keys (applicant_ref) WHERE erased_at IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE applicant_keys');
  }
}
