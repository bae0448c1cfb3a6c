import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { toUnit, UNIT_COLUMNS, type UnitRow } from '../directory-rows';
import { likePattern } from '../text-search';
import { page, Where, type AdministrativeUnitView, type Page } from '../views';
import { ListAdministrativeUnitsQuery } from './list-administrative-units.query';

@QueryHandler(ListAdministrativeUnitsQuery)
export class ListAdministrativeUnitsHandler implements IQueryHandler<ListAdministrativeUnitsQuery> {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async execute({ filters: f }: ListAdministrativeUnitsQuery): Promise<Page<AdministrativeUnitView>> {
    const where = new Where();
    if (f.activeOn)
      where.add('valid_from <= ?::date AND (valid_to IS NULL OR valid_to > ?::date)', f.activeOn, f.activeOn);
    if (f.level) where.add('level = ?', f.level);
    if (f.parent) where.add('parent_code = ?', f.parent);
    if (f.q) where.add(`search_text LIKE ? ESCAPE '\\'`, likePattern(f.q));
    const [{ total }] = (await this.db.query(
      `SELECT count(*)::int AS total FROM administrative_units ${where}`,
      where.params,
    )) as { total: number }[];
    const params = [...where.params, f.limit, f.offset];
    const rows = (await this.db.query(
      `SELECT ${UNIT_COLUMNS} FROM administrative_units ${where}
       ORDER BY CASE level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, code
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as UnitRow[];
    return page(rows.map(toUnit), total, f.limit, f.offset);
  }
}
