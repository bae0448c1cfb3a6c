import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetAdministrativeUnitQuery } from '../application/get-administrative-unit/get-administrative-unit.query';
import { ListAdministrativeUnitsQuery } from '../application/list-administrative-units/list-administrative-units.query';
import type { AdministrativeUnitDetailsView, AdministrativeUnitView, Page } from '../application/views';
import { ApiBadRequest, ApiNotFound } from './api-docs';
import { UnitCodeParams } from './common.dto';
import {
  AdministrativeUnitDetailsDto,
  AdministrativeUnitPageDto,
  AdministrativeUnitQueryDto,
} from './directory.dto';
import { Public } from '@tthc/platform';

/**
 * Provinces, districts and communes over time. `activeOn` gives the map of a date: before 1 July 2025 the
 * sample province has a district and its communes; from then on, merged communes directly under it.
 */
@ApiTags('administrative-units')
@Public()
@Controller('v1/administrative-units')
export class AdministrativeUnitsController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Administrative units, e.g. those valid on a date (?activeOn=YYYY-MM-DD)' })
  @ApiOkResponse({ type: AdministrativeUnitPageDto })
  @ApiBadRequest()
  list(@Query() q: AdministrativeUnitQueryDto): Promise<Page<AdministrativeUnitView>> {
    return this.queries.execute(
      new ListAdministrativeUnitsQuery({
        activeOn: q.activeOn,
        level: q.level,
        parent: q.parent,
        q: q.q,
        limit: q.limit ?? 100,
        offset: q.offset ?? 0,
      }),
    );
  }

  @Get(':code')
  @ApiOperation({
    summary: 'A unit with its predecessors, its successor chain and the unit it rolls up into today',
  })
  @ApiOkResponse({ type: AdministrativeUnitDetailsDto })
  @ApiBadRequest()
  @ApiNotFound('No administrative unit has this code')
  get(@Param() { code }: UnitCodeParams): Promise<AdministrativeUnitDetailsView> {
    return this.queries.execute(new GetAdministrativeUnitQuery(code));
  }
}
