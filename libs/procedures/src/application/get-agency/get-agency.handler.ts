import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AGENCY_COLUMNS, loadAgency, successorChain, toAgency, type AgencyRow } from '../directory-rows';
import { DirectoryEntryNotFound } from '../errors';
import type { AgencyDetailsView } from '../views';
import { GetAgencyQuery } from './get-agency.query';

@QueryHandler(GetAgencyQuery)
export class GetAgencyHandler implements IQueryHandler<GetAgencyQuery> {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async execute({ code }: GetAgencyQuery): Promise<AgencyDetailsView> {
    const agency = await loadAgency(this.db, code);
    if (agency === undefined) throw new DirectoryEntryNotFound('agency-not-found', code);
    const parent = agency.parentCode === null ? undefined : await loadAgency(this.db, agency.parentCode);
    const children = (await this.db.query(
      `SELECT ${AGENCY_COLUMNS} FROM agencies WHERE parent_code = $1 ORDER BY code`,
      [code],
    )) as AgencyRow[];
    const successors = await successorChain(agency, (c) => loadAgency(this.db, c));
    return {
      ...agency,
      parent: parent ?? null,
      children: children.map(toAgency),
      successors,
      current: successors[successors.length - 1] ?? agency,
    };
  }
}
