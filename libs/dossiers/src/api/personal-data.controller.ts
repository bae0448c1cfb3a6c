import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentActor, type RequestActor } from '@tthc/platform';
import {
  EraseApplicantCommand,
  type ApplicantErasure,
} from '../application/erase-applicant/erase-applicant.command';
import { ApiActorHeaders, ApiBadRequest, ApiNotFound } from './api-docs';
import { DossierProblemDto } from './dossier-responses.dto';
import { ApplicantErasureDto, EraseApplicantDto } from './personal-data.dto';

/** The right to erasure: crypto-shredding of one applicant's personal data (see SECURITY.md). */
@ApiTags('personal-data')
@Controller('v1/personal-data')
export class PersonalDataController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post('erasures')
  @ApiOperation({
    summary: 'Erase an applicant: destroy their data key (crypto-shredding)',
    description:
      'Every personal field sealed with the applicant’s key (name, national ID, contact details, form data) reads as erased from then on, in every dossier of theirs; the non-personal facts (procedure, agency, channel, dates, outcomes) stay, so statistics do not change. Irreversible. The erasure is recorded as an ApplicantDataErased event with the caller and correlation id.',
  })
  @ApiActorHeaders()
  @ApiCreatedResponse({ type: ApplicantErasureDto })
  @ApiBadRequest()
  @ApiResponse({ status: 403, type: DossierProblemDto, description: 'erasure-not-allowed' })
  @ApiNotFound(
    'applicant-not-known: no live data key for this national ID (never submitted, or already erased)',
  )
  erase(
    @Body() body: EraseApplicantDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
  ): Promise<ApplicantErasure> {
    return this.commands.execute(
      new EraseApplicantCommand(body.nationalId, body.reference, actor, correlationId),
    );
  }
}
