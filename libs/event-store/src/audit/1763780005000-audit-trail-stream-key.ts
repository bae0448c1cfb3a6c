import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail keyed by stream and version instead of the event id. Events are already unique by
 * stream and version, and an index on them was there for the stream filter; the random UUID key cost a
 * second index whose every insert lands on a random page: a rebuild over a million events spent about a
 * tenth of its time there.
 */
export class AuditTrailStreamKey1763780005000 implements MigrationInterface {
  name = 'AuditTrailStreamKey1763780005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_trail DROP CONSTRAINT audit_trail_pkey,
      ADD CONSTRAINT audit_trail_pkey PRIMARY KEY (stream_id, stream_version)`);
    await q.query('DROP INDEX audit_trail_stream');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_trail DROP CONSTRAINT audit_trail_pkey,
      ADD CONSTRAINT audit_trail_pkey PRIMARY KEY (event_id)`);
    await q.query('CREATE INDEX audit_trail_stream ON audit_trail (stream_id, stream_version)');
  }
}
