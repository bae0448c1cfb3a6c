import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { definitionInputFromBody } from '../application/definition-input';
import {
  ValidateDefinitionQuery,
  type ValidationReport,
} from '../application/validate-definition/validate-definition.query';
import { ApiBadRequest, ApiDefinitionBody } from './api-docs';
import { DefinitionProblemDto } from './problem.dto';
import { ValidationReportDto } from './procedure.dto';

@ApiTags('procedures')
@Controller('v1/procedures')
export class ValidateDefinitionController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check a definition (JSON or YAML) without storing it: every error and warning at once',
    description:
      'Always 200: `valid` says whether it could be published. Errors carry a JSON Pointer, a line and column when sent as text, and sentences in English and Vietnamese.',
  })
  @ApiDefinitionBody()
  @ApiOkResponse({ type: ValidationReportDto })
  @ApiBadRequest()
  @ApiResponse({
    status: 422,
    type: DefinitionProblemDto,
    description:
      'invalid-procedure-definition: the text does not parse as JSON or YAML (with line and column)',
  })
  validate(@Body() body: unknown, @Headers('content-type') contentType?: string): Promise<ValidationReport> {
    return this.queries.execute(new ValidateDefinitionQuery(definitionInputFromBody(body, contentType)));
  }
}
