import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The time savings of the dossiers resolved each day, beside the II.06a counts (domain/daily-counts.ts), so
 * the time-savings report over a year sums a few thousand daily rows instead of every resolved dossier.
 * Existing rows are filled from the facts with the projection's own rule; a rebuild gives the same values.
 * Numbered after every earlier migration so that databases which ran those apply it too.
 */
export class AnalyticsDailySavings1763780004000 implements MigrationInterface {
  name = 'AnalyticsDailySavings1763780004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE analytics_daily_counts
        ADD COLUMN resolved integer NOT NULL DEFAULT 0,
        ADD COLUMN saved_positive numeric NOT NULL DEFAULT 0,
        ADD COLUMN saved_net numeric NOT NULL DEFAULT 0,
        ADD COLUMN trips_baseline integer NOT NULL DEFAULT 0,
        ADD COLUMN trips_actual integer NOT NULL DEFAULT 0`);
    // A resolved dossier counts on the local (UTC+7) day it ended; its row exists, since it also counts
    // as "ended" that day.
    await q.query(`
      UPDATE analytics_daily_counts d
         SET resolved = s.resolved, saved_positive = s.positive, saved_net = s.net,
             trips_baseline = s.baseline, trips_actual = s.actual
        FROM (
          SELECT agency_code, procedure_code, procedure_version, channel, online_level,
                 ((ended_at + interval '7 hours') AT TIME ZONE 'UTC')::date AS day,
                 count(*)::int AS resolved,
                 sum(greatest(working_days_before_statutory_due, 0)::numeric) AS positive,
                 sum(working_days_before_statutory_due::numeric) AS net,
                 sum(trips_baseline)::int AS baseline, sum(trips_actual)::int AS actual
            FROM analytics_dossier_facts
           WHERE outcome = 'resolved' AND received_at IS NOT NULL AND ended_at IS NOT NULL
             AND working_days_before_statutory_due IS NOT NULL
           GROUP BY 1, 2, 3, 4, 5, 6) s
       WHERE d.agency_code = s.agency_code AND d.procedure_code = s.procedure_code
         AND d.procedure_version = s.procedure_version AND d.channel = s.channel
         AND d.online_level = s.online_level AND d.day = s.day`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE analytics_daily_counts
        DROP COLUMN resolved, DROP COLUMN saved_positive, DROP COLUMN saved_net,
        DROP COLUMN trips_baseline, DROP COLUMN trips_actual`);
  }
}
