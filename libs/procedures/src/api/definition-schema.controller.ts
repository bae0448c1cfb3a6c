import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PROCEDURE_DEFINITION_SCHEMA } from '../domain/procedure-definition-schema';
import { Public } from '@tthc/platform';

const SCHEMA_TEXT = JSON.stringify(PROCEDURE_DEFINITION_SCHEMA, null, 2);

/** The JSON Schema of procedure definitions, for editors (YAML language server) and integrations. */
@ApiTags('procedures')
@Public()
@Controller('docs')
export class DefinitionSchemaController {
  @Get('procedure-definition.schema.json')
  @Header('Content-Type', 'application/schema+json; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'The JSON Schema (draft 2020-12) of procedure definitions' })
  @ApiProduces('application/schema+json')
  @ApiOkResponse({ description: 'The schema', schema: { type: 'object' } })
  schema(): string {
    return SCHEMA_TEXT;
  }
}
