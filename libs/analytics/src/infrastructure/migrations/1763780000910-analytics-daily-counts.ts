import type { MigrationInterface, QueryRunner } from 'typeorm';

// The range expressions, shared with the queries (an index is used only for the very same expression). An end
// before its start (never written by the decider) gives an empty range instead of failing the projection.
const range = (from: string, to: string) =>
  `tstzrange(${from}, CASE WHEN ${to} < ${from} THEN ${from} ELSE ${to} END, '(]')`;
/** `(received_at, ended_at]`, with the columns qualified by `alias` (none in the index). */
export const openRange = (alias = '') => range(`${alias}received_at`, `${alias}ended_at`);

/**
 * Pre-aggregated II.06a counts (owned by DossierFactsProjection) and the indexes that find the few dossiers
 * open at an instant. With them a report over a million dossiers reads a few thousand daily rows plus the
 * dossiers still open at the period's end, instead of every dossier of the period:
 * - `analytics_daily_counts`: per agency, procedure version, channel, online level and local day, the
 *   dossiers received that day and those that ended that day (by outcome and timeliness). Carried over at S =
 *   received before S − ended before S; in progress at E likewise.
 * - open at E (received before E, not ended before E) = `(received_at, ended_at]` contains E: a GiST range
 *   index finds them without reading the dossiers that ended long before or started after.
 */
export class AnalyticsDailyCounts1763780000910 implements MigrationInterface {
  name = 'AnalyticsDailyCounts1763780000910';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE analytics_daily_counts (
        agency_code text NOT NULL,
        procedure_code text NOT NULL,
        procedure_version integer NOT NULL,
        channel text NOT NULL,
        online_level text NOT NULL,
        day date NOT NULL,
        received integer NOT NULL DEFAULT 0,
        ended integer NOT NULL DEFAULT 0,
        early_day integer NOT NULL DEFAULT 0,
        on_time_day integer NOT NULL DEFAULT 0,
        late_day integer NOT NULL DEFAULT 0,
        late_apologised_day integer NOT NULL DEFAULT 0,
        early_minute integer NOT NULL DEFAULT 0,
        on_time_minute integer NOT NULL DEFAULT 0,
        late_minute integer NOT NULL DEFAULT 0,
        late_apologised_minute integer NOT NULL DEFAULT 0,
        refused integer NOT NULL DEFAULT 0,
        withdrawn integer NOT NULL DEFAULT 0,
        PRIMARY KEY (agency_code, day, procedure_code, procedure_version, channel, online_level)
      )`);
    await q.query(
      `CREATE INDEX analytics_facts_open ON analytics_dossier_facts
         USING gist (${openRange()}) WHERE received_at IS NOT NULL`,
    );
    // Processing time, days saved and "resolved, not collected" read the dossiers resolved in the period from
    // the index alone.
    await q.query(
      `CREATE INDEX analytics_facts_agency_resolved ON analytics_dossier_facts (agency_code, ended_at)
         INCLUDE (received_at, resolved_at, returned_at, working_days_used, paused_working_days, paused_ms,
           working_days_before_statutory_due, trips_baseline, trips_actual, procedure_code, procedure_version)
         WHERE outcome = 'resolved'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX analytics_facts_agency_resolved');
    await q.query('DROP INDEX analytics_facts_open');
    await q.query('DROP TABLE analytics_daily_counts');
  }
}
