import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AGENCY_COLUMNS, toAgency, type AgencyRow } from '../directory-rows';
import { likePattern } from '../text-search';
import { page, Where, type AgencyView, type Page } from '../views';
import { ListAgenciesQuery } from './list-agencies.query';

@QueryHandler(ListAgenciesQuery)
export class ListAgenciesHandler implements IQueryHandler<ListAgenciesQuery> {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async execute({ filters: f }: ListAgenciesQuery): Promise<Page<AgencyView>> {
    const where = new Where();
    if (f.level) where.add('level = ?', f.level);
    if (f.parent) where.add('parent_code = ?', f.parent);
    if (f.activeOn)
      where.add('valid_from <= ?::date AND (valid_to IS NULL OR valid_to > ?::date)', f.activeOn, f.activeOn);
    if (f.q) where.add(`search_text LIKE ? ESCAPE '\\'`, likePattern(f.q));
    const [{ total }] = (await this.db.query(
      `SELECT count(*)::int AS total FROM agencies ${where}`,
      where.params,
    )) as { total: number }[];
    const params = [...where.params, f.limit, f.offset];
    const rows = (await this.db.query(
      `SELECT ${AGENCY_COLUMNS} FROM agencies ${where}
       ORDER BY code LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as AgencyRow[];
    return page(rows.map(toAgency), total, f.limit, f.offset);
  }
}
