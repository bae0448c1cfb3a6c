import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Write-side state of the dossier code (mã hồ sơ): the last daily sequence number given out per receiving unit
 * and local receipt date. Not a read model: never rebuilt, never emptied (codes are immutable and unique).
 */
export class DossierCodeSequences1763780000500 implements MigrationInterface {
  name = 'DossierCodeSequences1763780000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dossier_code_sequences (
        unit_code text NOT NULL,
        local_date date NOT NULL,
        last integer NOT NULL CHECK (last >= 1),
        PRIMARY KEY (unit_code, local_date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dossier_code_sequences');
  }
}
