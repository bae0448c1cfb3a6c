import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PersonalDataProtection } from '../../infrastructure/personal-data/personal-data-protection';
import { DossierReader } from '../dossier-reader';
import { DossierLookupFailed } from '../errors';
import { matchesVerification } from '../personal-data';
import type { DossierDetails } from '../views';
import { LookupDossierQuery } from './lookup-dossier.query';

const CITIZEN = { id: 'citizen-lookup', role: 'citizen' } as const;

@QueryHandler(LookupDossierQuery)
export class LookupDossierHandler implements IQueryHandler<LookupDossierQuery> {
  constructor(
    @Inject(getDataSourceToken()) private readonly db: DataSource,
    @Inject(DossierReader) private readonly reader: DossierReader,
    @Inject(PersonalDataProtection) private readonly protection: PersonalDataProtection,
  ) {}

  async execute({ code, verification }: LookupDossierQuery): Promise<DossierDetails> {
    const rows = (await this.db.query(
      'SELECT id, applicant, verification_hashes FROM dossier_views WHERE code = $1',
      [code],
    )) as { id: string; applicant: unknown; verification_hashes: string[] }[];
    const row = rows[0];
    // Hash the input even when the code is unknown, so both failures take about as long. A sealed applicant's
    // codes are keyed by their data key, so an erased applicant's dossier can no longer be looked up.
    const matches =
      row === undefined
        ? matchesVerification(code, [], verification)
        : await this.protection.matchesLookup(row.id, row.applicant, row.verification_hashes, verification);
    if (row === undefined || !matches) throw new DossierLookupFailed();
    return this.reader.read(row.id, CITIZEN, 'citizen');
  }
}
