import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LookupDossierQuery } from '../application/lookup-dossier/lookup-dossier.query';
import type { DossierDetails } from '../application/views';
import { ApiBadRequest, ApiNotFound } from './api-docs';
import { LookupQueryDto } from './dossier-requests.dto';
import { DossierDetailsDto } from './dossier-responses.dto';
import { Public, LookupRateLimit } from '@tthc/platform';

/** The citizen's lookup (tra cứu hồ sơ): no identity needed, personal data always masked. */
@ApiTags('dossiers')
@Public()
@LookupRateLimit()
@Controller('v1/lookup')
export class LookupController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Look a dossier up by its code and the applicant’s phone number or national ID',
    description:
      'Answers the dossier with its status, timeline and live clock, personal data masked. A wrong code and a wrong verification detail get the same 404, so the lookup does not reveal which codes exist.',
  })
  @ApiOkResponse({ type: DossierDetailsDto })
  @ApiBadRequest()
  @ApiNotFound('dossier-lookup-failed: no dossier matches this code and verification detail')
  lookup(@Query() query: LookupQueryDto): Promise<DossierDetails> {
    return this.queries.execute(new LookupDossierQuery(query.code, query.verification));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The same lookup with the code and verification detail in the body',
    description:
      'Preferred by portals: a query string, and the phone number or national ID in it, ends up in access logs and browser histories.',
  })
  @ApiOkResponse({ type: DossierDetailsDto })
  @ApiBadRequest()
  @ApiNotFound('dossier-lookup-failed: no dossier matches this code and verification detail')
  lookupInBody(@Body() body: LookupQueryDto): Promise<DossierDetails> {
    return this.queries.execute(new LookupDossierQuery(body.code, body.verification));
  }
}
