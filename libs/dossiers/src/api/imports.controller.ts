// POST /v1/imports: historical dossiers from a legacy one-stop system, as NDJSON (one dossier per line; the
// format is described in application/import-dossiers/import-dossiers.handler.ts). Agency or system
// administrators only. Large files: `npm run import -- <file.ndjson>`.
import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  Inject,
  OnModuleInit,
  Optional,
  Post,
  Query,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CorrelationId, CurrentActor, type RequestActor } from '@tthc/platform';
import type { ImportSummary } from '../application/import-dossiers/dossier-importer';
import { ImportDossiersCommand } from '../application/import-dossiers/import-dossiers.command';
import { ApiActorHeaders, ApiBadRequest, ApiIdentityRequired } from './api-docs';
import { DossierProblemDto } from './dossier-responses.dto';
import { ImportSummaryDto } from './import.dto';

export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';
/** The NDJSON parser's own body limit (the global limit stays 1 MB for every other body). */
export const IMPORT_BODY_LIMIT_BYTES = 20 * 1024 * 1024;

interface FastifyLike {
  hasContentTypeParser(type: string): boolean;
  addContentTypeParser(
    type: string,
    options: { parseAs: 'string'; bodyLimit: number },
    parser: (request: unknown, body: string, done: (error: Error | null, body?: unknown) => void) => void,
  ): void;
}

@ApiTags('imports')
@Controller('v1/imports')
export class ImportsController implements OnModuleInit {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Optional() @Inject(HttpAdapterHost) private readonly adapterHost?: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost?.httpAdapter;
    if (adapter === undefined || adapter.getType() !== 'fastify') return;
    const fastify = adapter.getInstance<FastifyLike>();
    if (fastify.hasContentTypeParser(NDJSON_MEDIA_TYPE)) return;
    fastify.addContentTypeParser(
      NDJSON_MEDIA_TYPE,
      { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import historical dossiers (NDJSON, one past dossier per line)',
    description:
      'Roles agency-admin, system-admin. Each line is replayed through the workflow with its own timestamps; ' +
      'events are marked imported. A line that fails writes nothing and is reported with its number; ' +
      're-sending the same lines imports nothing twice (alreadyImported). Body limit 20 MB.',
  })
  @ApiConsumes(NDJSON_MEDIA_TYPE)
  @ApiBody({ schema: { type: 'string', example: '{"externalId":"KV-1","procedureCode":"1.004873",…}\n' } })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiActorHeaders()
  @ApiOkResponse({ type: ImportSummaryDto })
  @ApiBadRequest('; a body that is not NDJSON')
  @ApiIdentityRequired()
  @ApiResponse({
    status: 403,
    type: DossierProblemDto,
    description: 'import-not-allowed: only agency-admin and system-admin import (also identity-required)',
  })
  @ApiResponse({
    status: 413,
    type: DossierProblemDto,
    description: 'The body is over 20 MB: use npm run import',
  })
  async import(
    @Body() body: unknown,
    @CurrentActor() actor: RequestActor,
    @CorrelationId() correlationId: string,
    @Query('dryRun') dryRun?: string,
  ): Promise<ImportSummary> {
    if (typeof body !== 'string') {
      throw new BadRequestException(`Send the dossiers as ${NDJSON_MEDIA_TYPE}, one JSON object per line.`);
    }
    return this.commands.execute(
      new ImportDossiersCommand(
        body,
        { id: actor.id, role: actor.role, ...(actor.agency === undefined ? {} : { agency: actor.agency }) },
        correlationId,
        dryRun === 'true',
      ),
    );
  }
}
