import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of dossiers (owned by DossierReadModelProjection): one row per dossier, one per event. */
export class DossierReadModels1763780000510 implements MigrationInterface {
  name = 'DossierReadModels1763780000510';

  async up(q: QueryRunner): Promise<void> {
    // Instants as the events recorded them; `status` is the decider's (submitted, in-progress, paused,
    // resolved, closed), `workflow_state` the procedure's state id. `applicant` is the full detail the
    // applicant gave, masked on every read unless canSeePersonalData says otherwise; the lookup matches
    // `verification_hashes` (salted sha256 of the normalised national ID and phone number).
    await q.query(`
      CREATE TABLE dossier_views (
        id text PRIMARY KEY,
        code text UNIQUE,
        procedure_code text NOT NULL,
        procedure_version integer NOT NULL,
        agency_code text NOT NULL,
        current_agency text NOT NULL,
        current_step text,
        channel text NOT NULL,
        online_level text NOT NULL,
        online_service_level text NOT NULL,
        status text NOT NULL,
        workflow_state text NOT NULL,
        outcome text,
        pause_kind text,
        paused_since timestamptz,
        legal_regime text,
        submitted_at timestamptz NOT NULL,
        received_at timestamptz,
        effective_received_at timestamptz,
        due_at timestamptz,
        statutory_due_at timestamptz,
        appointment_at timestamptz,
        step_due_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        timeliness text,
        statutory_timeliness text,
        supplement_rounds integer NOT NULL DEFAULT 0,
        apologised boolean NOT NULL DEFAULT false,
        rescheduled boolean NOT NULL DEFAULT false,
        at_risk boolean NOT NULL DEFAULT false,
        rating smallint,
        return_method text,
        applicant_name_masked text NOT NULL,
        applicant jsonb NOT NULL,
        verification_hashes text[] NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    await q.query('CREATE INDEX dossier_views_agency_due ON dossier_views (agency_code, due_at, id)');
    await q.query(
      'CREATE INDEX dossier_views_current_agency_due ON dossier_views (current_agency, due_at, id)',
    );
    await q.query(
      'CREATE INDEX dossier_views_procedure ON dossier_views (procedure_code, procedure_version)',
    );
    await q.query(`
      CREATE TABLE dossier_timeline (
        event_id uuid PRIMARY KEY,
        dossier_id text NOT NULL,
        stream_version integer NOT NULL,
        event_type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_id text,
        actor_role text,
        actor_agency text,
        label_vi text NOT NULL,
        label_en text NOT NULL,
        details jsonb NOT NULL,
        UNIQUE (dossier_id, stream_version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dossier_timeline');
    await q.query('DROP TABLE dossier_views');
  }
}
