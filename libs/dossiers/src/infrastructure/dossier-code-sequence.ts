// The daily dossier code counters: one row per receiving unit and local receipt date. The upsert takes the
// row lock and keeps it until the command's transaction ends, so concurrent receipts at one unit are served
// one after the other (consecutive numbers) and a rolled-back receipt gives its number back.
import { Injectable } from '@nestjs/common';
import type { Queryable } from '@tthc/event-store';
import type { DossierCodeKey } from '../application/dossier-code-allocation';
import type { DossierCodeAllocator } from '../application/ports';

@Injectable()
export class PostgresDossierCodeAllocator implements DossierCodeAllocator {
  async next(transaction: Queryable, key: DossierCodeKey): Promise<number> {
    // A command's transaction (CommandTransaction) is open by construction; a TypeORM runner says so itself.
    if ('isTransactionActive' in transaction && transaction.isTransactionActive !== true) {
      throw new Error('Invariant: a dossier code is drawn inside the receipt command’s transaction');
    }
    const rows = (await transaction.query(
      `INSERT INTO dossier_code_sequences (unit_code, local_date, last) VALUES ($1, $2::date, 1)
       ON CONFLICT (unit_code, local_date) DO UPDATE SET last = dossier_code_sequences.last + 1
       RETURNING last`,
      [key.unitCode, key.localDate],
    )) as { last: number }[];
    return rows[0].last;
  }
}
