import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { GetProcedureQuery } from '../application/get-procedure/get-procedure.query';
import { GetProcedureVersionQuery } from '../application/get-procedure-version/get-procedure-version.query';
import { ListProceduresQuery } from '../application/list-procedures/list-procedures.query';
import { RenderProcedureDiagramQuery } from '../application/render-procedure-diagram/render-procedure-diagram.query';
import type { Page, ProcedureDetails, ProcedureSummary, ProcedureVersionDetails } from '../application/views';
import { ApiBadRequest, ApiNotFound } from './api-docs';
import { ProcedureCodeParams, ProcedureVersionParams } from './common.dto';
import {
  ProcedureDetailsDto,
  ProcedurePageDto,
  ProcedureQueryDto,
  ProcedureVersionDto,
} from './procedure.dto';
import { Public } from '@tthc/platform';

/**
 * The published catalogue, read from the `procedure_versions` projection. Eventually consistent: right after
 * a publication, these reads may lag by a moment (the publish answer itself is final).
 */
@ApiTags('procedures')
@Public()
@Controller('v1/procedures')
export class ProcedureCatalogueController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The catalogue: the latest version of every procedure, filtered and paginated' })
  @ApiOkResponse({ type: ProcedurePageDto })
  @ApiBadRequest()
  list(@Query() q: ProcedureQueryDto): Promise<Page<ProcedureSummary>> {
    return this.queries.execute(
      new ListProceduresQuery({
        agency: q.agency,
        field: q.field,
        level: q.level,
        onlineLevel: q.onlineLevel,
        status: q.status,
        q: q.q,
        limit: q.limit ?? 20,
        offset: q.offset ?? 0,
      }),
    );
  }

  @Get(':code')
  @ApiOperation({ summary: 'A procedure: its latest version, the list of all versions, and any open draft' })
  @ApiOkResponse({ type: ProcedureDetailsDto })
  @ApiBadRequest()
  @ApiNotFound('No published procedure has this code')
  get(@Param() { code }: ProcedureCodeParams): Promise<ProcedureDetails> {
    return this.queries.execute(new GetProcedureQuery(code));
  }

  @Get(':code/versions/:version')
  @ApiOperation({ summary: 'One published version with its full, frozen definition' })
  @ApiOkResponse({ type: ProcedureVersionDto })
  @ApiBadRequest()
  @ApiNotFound('No such procedure or version')
  version(@Param() { code, version }: ProcedureVersionParams): Promise<ProcedureVersionDetails> {
    return this.queries.execute(new GetProcedureVersionQuery(code, version));
  }

  @Get(':code/versions/:version/diagram.svg')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400, immutable')
  @ApiOperation({ summary: 'The workflow of a version as an SVG image (Vietnamese names, English beneath)' })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'A standalone SVG document', schema: { type: 'string' } })
  @ApiBadRequest()
  @ApiNotFound('No such procedure or version')
  async svg(@Param() { code, version }: ProcedureVersionParams): Promise<string> {
    return (await this.queries.execute(new RenderProcedureDiagramQuery(code, version, 'svg'))).body;
  }

  @Get(':code/versions/:version/diagram.mmd')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400, immutable')
  @ApiOperation({ summary: 'The workflow of a version as Mermaid text (stateDiagram-v2)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Mermaid source', schema: { type: 'string' } })
  @ApiBadRequest()
  @ApiNotFound('No such procedure or version')
  async mermaid(@Param() { code, version }: ProcedureVersionParams): Promise<string> {
    return (await this.queries.execute(new RenderProcedureDiagramQuery(code, version, 'mermaid'))).body;
  }
}
