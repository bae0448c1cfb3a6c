import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CorrelationId,
  CurrentActor,
  type RequestActor,
  AllowRoles,
  ANY_OFFICIAL,
  LEGACY_ADMINISTRATOR_ROLE,
  ROLES,
} from '@tthc/platform';
import { PublishProcedureCommand } from '../application/publish-procedure/publish-procedure.command';
import type { ProcedureRetiredAnswer, VersionPublished } from '../application/registry-commands';
import { RetireProcedureCommand } from '../application/retire-procedure/retire-procedure.command';
import {
  ApiActorHeaders,
  ApiBadRequest,
  ApiConflict,
  ApiForbidden,
  ApiIdempotencyKey,
  ApiInvalidDefinition,
  ApiKeyReused,
  ApiNotFound,
  requestContext,
} from './api-docs';
import { ProcedureCodeParams } from './common.dto';
import {
  ProcedureRetiredDto,
  PublishProcedureDto,
  RetireProcedureDto,
  VersionPublishedDto,
} from './procedure.dto';

/** Publishing freezes a version; retiring stops new dossiers. Answers come from the command itself. */
@ApiTags('procedures')
@AllowRoles(ANY_OFFICIAL, ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE)
@Controller('v1/procedures')
export class ProcedureLifecycleController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post(':code/publish')
  @ApiOperation({
    summary: 'Validate the open draft and publish it as the next immutable version (1, 2, …)',
    description:
      'Earlier versions stay readable unchanged; dossiers keep the version they started with. A GET of the new version may lag by a moment.',
  })
  @ApiActorHeaders()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: VersionPublishedDto })
  @ApiBadRequest()
  @ApiForbidden()
  @ApiNotFound('No procedure has this code')
  @ApiConflict('No open draft to publish, a newer draft revision than expectedRevision, or retired')
  @ApiInvalidDefinition()
  publish(
    @Param() { code }: ProcedureCodeParams,
    @Body() body: PublishProcedureDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<VersionPublished> {
    return this.commands.execute(
      new PublishProcedureCommand(
        code,
        requestContext(actor, correlationId, idempotencyKey),
        body.expectedRevision,
      ),
    );
  }

  @Post(':code/retire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire a procedure: no new dossiers; running dossiers keep their version' })
  @ApiActorHeaders()
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: ProcedureRetiredDto })
  @ApiBadRequest()
  @ApiForbidden()
  @ApiNotFound('No procedure has this code')
  @ApiConflict('Never published, or already retired')
  @ApiKeyReused()
  retire(
    @Param() { code }: ProcedureCodeParams,
    @Body() body: RetireProcedureDto,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ProcedureRetiredAnswer> {
    return this.commands.execute(
      new RetireProcedureCommand(code, requestContext(actor, correlationId, idempotencyKey), body.reason),
    );
  }
}
