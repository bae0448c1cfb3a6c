import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of the procedure registry (owned by ProcedureRegistryProjection). */
export class ProcedureRegistry1763780000200 implements MigrationInterface {
  name = 'ProcedureRegistry1763780000200';

  async up(q: QueryRunner): Promise<void> {
    // One row per published version; the latest version of a code is the row whose status is not
    // 'superseded' ('published' while in force, 'retired' after retirement). Durations: value in days of
    // the unit beside it, a same-day procedure counting as 1 working day (as the budget check does); the
    // exact durations are in `definition`.
    await q.query(`
      CREATE TABLE procedure_versions (
        code text NOT NULL,
        version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('published', 'superseded', 'retired')),
        name_vi text NOT NULL,
        name_en text NOT NULL,
        field_code text NOT NULL,
        field_name_vi text NOT NULL,
        field_name_en text NOT NULL,
        agency_code text NOT NULL,
        agency_name_vi text NOT NULL,
        agency_name_en text NOT NULL,
        agency_level text NOT NULL,
        online_level text NOT NULL,
        statutory_value double precision,
        statutory_unit text NOT NULL,
        committed_value double precision,
        committed_unit text NOT NULL,
        definition jsonb NOT NULL,
        content_hash text NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]',
        draft_revision integer,
        search_text text NOT NULL,
        published_at timestamptz NOT NULL,
        published_by text,
        superseded_at timestamptz,
        retired_at timestamptz,
        retirement_reason text,
        PRIMARY KEY (code, version)
      )`);
    await q.query(
      `CREATE INDEX procedure_versions_latest ON procedure_versions (code) WHERE status <> 'superseded'`,
    );
    await q.query('CREATE INDEX procedure_versions_agency ON procedure_versions (agency_code)');
    await q.query('CREATE INDEX procedure_versions_field ON procedure_versions (field_code)');
    // Open drafts only: a draft leaves this table when it is published or the procedure is retired.
    await q.query(`
      CREATE TABLE procedure_drafts (
        code text PRIMARY KEY,
        revision integer NOT NULL,
        next_version integer NOT NULL,
        document jsonb NOT NULL,
        source_format text,
        source_text text,
        name_vi text,
        name_en text,
        agency_code text,
        created_at timestamptz NOT NULL,
        created_by text,
        updated_at timestamptz NOT NULL,
        updated_by text
      )`);
    await q.query('CREATE INDEX procedure_drafts_agency ON procedure_drafts (agency_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE procedure_drafts');
    await q.query('DROP TABLE procedure_versions');
  }
}
