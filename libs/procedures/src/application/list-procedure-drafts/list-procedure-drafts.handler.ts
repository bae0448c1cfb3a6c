import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { iso } from '../procedure-rows';
import { page, Where, type DraftSummary, type Page } from '../views';
import { ListProcedureDraftsQuery } from './list-procedure-drafts.query';

export const DRAFT_SUMMARY_COLUMNS =
  'code, revision, next_version, name_vi, name_en, agency_code, created_at, created_by, updated_at, updated_by';

export interface DraftSummaryRow {
  code: string;
  revision: number;
  next_version: number;
  name_vi: string | null;
  name_en: string | null;
  agency_code: string | null;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
}

export function toDraftSummary(r: DraftSummaryRow): DraftSummary {
  return {
    code: r.code,
    revision: r.revision,
    nextVersion: r.next_version,
    name: { vi: r.name_vi, en: r.name_en },
    agencyCode: r.agency_code,
    createdAt: iso(r.created_at) ?? '',
    createdBy: r.created_by,
    updatedAt: iso(r.updated_at) ?? '',
    updatedBy: r.updated_by,
  };
}

@QueryHandler(ListProcedureDraftsQuery)
export class ListProcedureDraftsHandler implements IQueryHandler<ListProcedureDraftsQuery> {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async execute({ filters: f }: ListProcedureDraftsQuery): Promise<Page<DraftSummary>> {
    const where = new Where();
    if (f.agency) where.add('agency_code = ?', f.agency);
    const [{ total }] = (await this.db.query(
      `SELECT count(*)::int AS total FROM procedure_drafts ${where}`,
      where.params,
    )) as { total: number }[];
    const params = [...where.params, f.limit, f.offset];
    const rows = (await this.db.query(
      `SELECT ${DRAFT_SUMMARY_COLUMNS} FROM procedure_drafts ${where}
       ORDER BY code LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as DraftSummaryRow[];
    return page(rows.map(toDraftSummary), total, f.limit, f.offset);
  }
}
