import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The analytics read model (owned by DossierFactsProjection): one row per dossier with the instants and
 * figures statistics need, and the single-row watermark that says which events the figures come from.
 */
export class AnalyticsFacts1763780000900 implements MigrationInterface {
  name = 'AnalyticsFacts1763780000900';

  async up(q: QueryRunner): Promise<void> {
    // `facts` is the folded DossierFacts (the projection's state); the other columns are derived from it for
    // SQL. Timeliness is stored for both granularities so a report picks one without a calendar. Rows of
    // dossiers never received (received_at NULL) are kept for the fold but never counted.
    await q.query(`
      CREATE TABLE analytics_dossier_facts (
        stream_id text PRIMARY KEY,
        dossier_id text NOT NULL,
        procedure_code text NOT NULL,
        procedure_version integer NOT NULL,
        agency_code text NOT NULL,
        channel text NOT NULL,
        online_level text NOT NULL,
        online_payment boolean NOT NULL,
        received_at timestamptz,
        ended_at timestamptz,
        outcome text,
        legal_regime text,
        committed_value double precision,
        committed_unit text,
        statutory_value double precision,
        statutory_unit text,
        receipt_due_at timestamptz,
        resolved_at timestamptz,
        electronic_result boolean,
        timeliness_day text,
        timeliness_minute text,
        working_days_used double precision,
        working_days_before_statutory_due double precision,
        late_apologised boolean,
        returned_at timestamptz,
        return_method text,
        supplement_rounds integer NOT NULL,
        paused_working_days double precision NOT NULL,
        paused_ms bigint NOT NULL,
        held_agency double precision NOT NULL,
        held_partner_agency double precision NOT NULL,
        held_citizen double precision NOT NULL,
        held_payment double precision NOT NULL,
        held_other_excluded double precision NOT NULL,
        trips_baseline integer NOT NULL,
        trips_actual integer NOT NULL,
        apologised_at timestamptz,
        at_risk_at timestamptz,
        rating smallint,
        rated_at timestamptz,
        has_pauses boolean NOT NULL,
        deadlines jsonb NOT NULL,
        pauses jsonb NOT NULL,
        facts jsonb NOT NULL
      )`);
    // Period queries: "received before E and not ended before S" per agency, and "ended in [S, E)".
    await q.query(
      `CREATE INDEX analytics_facts_agency_received ON analytics_dossier_facts (agency_code, received_at)
         INCLUDE (ended_at) WHERE received_at IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX analytics_facts_agency_ended ON analytics_dossier_facts (agency_code, ended_at)
         WHERE ended_at IS NOT NULL`,
    );
    await q.query(
      'CREATE INDEX analytics_facts_procedure ON analytics_dossier_facts (procedure_code, procedure_version)',
    );
    await q.query(`
      CREATE TABLE analytics_watermark (
        id smallint PRIMARY KEY CHECK (id = 1),
        events_applied bigint NOT NULL,
        last_transaction_id numeric NOT NULL,
        last_position bigint NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE analytics_watermark');
    await q.query('DROP TABLE analytics_dossier_facts');
  }
}
