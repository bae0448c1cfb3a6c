import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The applicant's locality (the unit code of the commune they live in, when the submission gave it) becomes
 * a dimension of the daily counts, so the time-savings report looks the trip cost up for the citizen's
 * locality, not the receiving agency's (docs/domain/time-savings.md). '' where none was given: the dossier's
 * agency stands for it. Existing rows get ''; `npm run projections:rebuild -- analytics-dossier-facts`
 * recounts them from the events.
 */
export class AnalyticsApplicantLocality1763780006000 implements MigrationInterface {
  name = 'AnalyticsApplicantLocality1763780006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE analytics_daily_counts ADD COLUMN locality text NOT NULL DEFAULT ''`);
    await q.query('ALTER TABLE analytics_daily_counts DROP CONSTRAINT analytics_daily_counts_pkey');
    await q.query(
      `ALTER TABLE analytics_daily_counts ADD CONSTRAINT analytics_daily_counts_pkey
         PRIMARY KEY (agency_code, day, procedure_code, procedure_version, channel, online_level, locality)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM analytics_daily_counts WHERE locality <> ''`);
    await q.query('ALTER TABLE analytics_daily_counts DROP CONSTRAINT analytics_daily_counts_pkey');
    await q.query(
      `ALTER TABLE analytics_daily_counts ADD CONSTRAINT analytics_daily_counts_pkey
         PRIMARY KEY (agency_code, day, procedure_code, procedure_version, channel, online_level)`,
    );
    await q.query('ALTER TABLE analytics_daily_counts DROP COLUMN locality');
  }
}
