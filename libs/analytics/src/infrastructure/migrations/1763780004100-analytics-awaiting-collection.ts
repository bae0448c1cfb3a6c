import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `[ended_at, returned_at]` of a resolved dossier collected (or sent) at returned_at. */
export const collectionRange = (alias = '') => `tstzrange(${alias}ended_at, ${alias}returned_at, '[]')`;

/**
 * "Resolved but not collected" at the end E of a period: the dossiers resolved in [S, E) whose result still
 * waited for the citizen at E. Two narrow indexes find them instead of a scan of every dossier resolved in
 * the period (a year of a province: a third of a second at a million dossiers):
 * - never collected: (agency, ended_at) of the resolved dossiers without a return, answered from the index;
 * - collected later: a GiST index on `[ended_at, returned_at]`, which holds E only for the few dossiers
 *   resolved before E and collected after it.
 */
export class AnalyticsAwaitingCollection1763780004100 implements MigrationInterface {
  name = 'AnalyticsAwaitingCollection1763780004100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX analytics_facts_never_collected ON analytics_dossier_facts (agency_code, ended_at)
         WHERE outcome = 'resolved' AND returned_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX analytics_facts_collected_later ON analytics_dossier_facts USING gist (${collectionRange()})
         WHERE outcome = 'resolved' AND returned_at >= ended_at`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX analytics_facts_collected_later');
    await q.query('DROP INDEX analytics_facts_never_collected');
  }
}
