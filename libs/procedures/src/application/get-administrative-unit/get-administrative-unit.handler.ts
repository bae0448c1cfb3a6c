import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { loadUnit, successorChain, toUnit, UNIT_COLUMNS, type UnitRow } from '../directory-rows';
import { DirectoryEntryNotFound } from '../errors';
import type { AdministrativeUnitDetailsView } from '../views';
import { GetAdministrativeUnitQuery } from './get-administrative-unit.query';

@QueryHandler(GetAdministrativeUnitQuery)
export class GetAdministrativeUnitHandler implements IQueryHandler<GetAdministrativeUnitQuery> {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  async execute({ code }: GetAdministrativeUnitQuery): Promise<AdministrativeUnitDetailsView> {
    const unit = await loadUnit(this.db, code);
    if (unit === undefined) throw new DirectoryEntryNotFound('administrative-unit-not-found', code);
    const parent = unit.parentCode === null ? undefined : await loadUnit(this.db, unit.parentCode);
    const children = (await this.db.query(
      `SELECT ${UNIT_COLUMNS} FROM administrative_units WHERE parent_code = $1 ORDER BY valid_from, code`,
      [code],
    )) as UnitRow[];
    const predecessors = (await this.db.query(
      `SELECT ${UNIT_COLUMNS} FROM administrative_units WHERE successor_code = $1 ORDER BY code`,
      [code],
    )) as UnitRow[];
    const successors = await successorChain(unit, (c) => loadUnit(this.db, c));
    return {
      ...unit,
      parent: parent ?? null,
      children: children.map(toUnit),
      predecessors: predecessors.map(toUnit),
      successors,
      current: successors[successors.length - 1] ?? unit,
    };
  }
}
