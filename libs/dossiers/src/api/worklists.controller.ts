import { Controller, Get, HttpException, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  type RequestActor,
  AllowRoles,
  ANY_OFFICIAL,
  LEGACY_ADMINISTRATOR_ROLE,
  ROLES,
  isSystemAdministrator,
  PROBLEM_TYPE_BASE,
} from '@tthc/platform';
import { ListWorklistQuery } from '../application/list-worklist/list-worklist.query';
import type { WorklistPage } from '../application/views';
import { ApiActorHeaders, ApiBadRequest } from './api-docs';
import { WorklistQueryDto } from './dossier-requests.dto';
import { DossierProblemDto, WorklistPageDto } from './dossier-responses.dto';

/** An agency's worklists, from the dossier_views read model (it may lag the dossiers by a moment). */
@ApiTags('dossiers')
@AllowRoles(ANY_OFFICIAL, ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE)
@Controller('v1/worklists')
export class WorklistsController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'An agency’s dossiers by view, sorted by due instant, with cursor pagination',
    description:
      'Views: due-today (the clock runs and the deadline is today, local time), due-soon (within 2 working days, not yet passed), overdue (the clock runs and the deadline passed; dossiers waiting for the citizen are never overdue), waiting-for-citizen (supplement or form 02), at-risk (flagged and still open), all. Personal data is masked unless the caller is an official of the dossier’s agency.',
  })
  @ApiActorHeaders()
  @ApiOkResponse({ type: WorklistPageDto })
  @ApiBadRequest('; a cursor that is not a nextCursor')
  @ApiResponse({
    status: 422,
    type: DossierProblemDto,
    description: 'calendar-year-missing: due-soon reaches into a year with no official calendar',
  })
  list(@Query() query: WorklistQueryDto, @CurrentActor() actor: RequestActor): Promise<WorklistPage> {
    // An official sees their own agency's worklists only (agency scope).
    if (!isSystemAdministrator(actor) && actor.agency !== query.agency) {
      throw new HttpException(
        {
          type: PROBLEM_TYPE_BASE + 'agency-scope-violation',
          title: 'Forbidden',
          status: 403,
          detail: `${actor.id} of agency ${actor.agency ?? '-'} may not list the dossiers of agency ${query.agency}.`,
          agencyCode: query.agency,
        },
        403,
      );
    }
    return this.queries.execute(
      new ListWorklistQuery(
        {
          agency: query.agency,
          view: query.view ?? 'all',
          ...(query.procedure === undefined ? {} : { procedure: query.procedure }),
          ...(query.step === undefined ? {} : { step: query.step }),
          ...(query.channel === undefined ? {} : { channel: query.channel }),
          limit: query.limit ?? 20,
          ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        },
        actor,
      ),
    );
  }
}
