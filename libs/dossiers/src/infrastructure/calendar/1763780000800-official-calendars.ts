import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model of the official calendars (owned by OfficialCalendarsProjection): one row per year. */
export class OfficialCalendars1763780000800 implements MigrationInterface {
  name = 'OfficialCalendars1763780000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE official_calendars (
        year integer PRIMARY KEY,
        status text NOT NULL,
        data jsonb NOT NULL,
        source text NOT NULL,
        reason text,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE official_calendars');
  }
}
