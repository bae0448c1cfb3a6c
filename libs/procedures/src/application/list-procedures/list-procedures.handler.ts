import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../procedure-rows';
import { likePattern } from '../text-search';
import { page, Where, type Page, type ProcedureSummary } from '../views';
import { ListProceduresQuery } from './list-procedures.query';

@QueryHandler(ListProceduresQuery)
export class ListProceduresHandler implements IQueryHandler<ListProceduresQuery> {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async execute({ filters: f }: ListProceduresQuery): Promise<Page<ProcedureSummary>> {
    const where = new Where().add(`status <> 'superseded'`);
    if (f.agency) where.add('agency_code = ?', f.agency);
    if (f.field) where.add('field_code = ?', f.field);
    if (f.level) where.add('agency_level = ?', f.level);
    if (f.onlineLevel) where.add('online_level = ?', f.onlineLevel);
    if (f.status) where.add('status = ?', f.status);
    if (f.q) where.add(`search_text LIKE ? ESCAPE '\\'`, likePattern(f.q));
    const [{ total }] = (await this.db.query(
      `SELECT count(*)::int AS total FROM procedure_versions ${where}`,
      where.params,
    )) as { total: number }[];
    const params = [...where.params, f.limit, f.offset];
    const rows = (await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM procedure_versions ${where}
       ORDER BY code LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as SummaryRow[];
    return page(rows.map(toSummary), total, f.limit, f.offset);
  }
}
