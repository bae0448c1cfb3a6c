import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of agencies and administrative units (owned by AgencyDirectoryProjection). Validity is a
 * half-open period of local dates: valid on D when valid_from <= D and (valid_to IS NULL or D < valid_to).
 */
export class AgencyDirectory1763780000210 implements MigrationInterface {
  name = 'AgencyDirectory1763780000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agencies (
        code text PRIMARY KEY,
        name_vi text NOT NULL,
        name_en text NOT NULL,
        level text NOT NULL,
        parent_code text,
        administrative_unit_code text,
        office_hours jsonb NOT NULL,
        saturday_reception boolean NOT NULL,
        default_trip_cost_days double precision NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        successor_code text,
        end_legal_basis text,
        search_text text NOT NULL,
        registered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX agencies_parent ON agencies (parent_code)');
    await q.query('CREATE INDEX agencies_level ON agencies (level, valid_from)');
    await q.query(`
      CREATE TABLE administrative_units (
        code text PRIMARY KEY,
        name_vi text NOT NULL,
        name_en text NOT NULL,
        level text NOT NULL,
        kind text NOT NULL,
        parent_code text,
        valid_from date NOT NULL,
        valid_to date,
        successor_code text,
        end_reason text CHECK (end_reason IN ('merged', 'dissolved')),
        legal_basis text,
        end_legal_basis text,
        formed_from text[] NOT NULL DEFAULT '{}',
        search_text text NOT NULL,
        established_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX administrative_units_parent ON administrative_units (parent_code)');
    await q.query('CREATE INDEX administrative_units_successor ON administrative_units (successor_code)');
    await q.query('CREATE INDEX administrative_units_level ON administrative_units (level, valid_from)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE administrative_units');
    await q.query('DROP TABLE agencies');
  }
}
