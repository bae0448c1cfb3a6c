// Problem documents (RFC 9457) as the OpenAPI document shows them. The ProblemDetailsFilter writes them.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProblemDto {
  @ApiProperty({ example: 'https://tthc-engine.dev/problems/procedure-not-found' })
  type!: string;
  @ApiProperty({ example: 'Not found' })
  title!: string;
  @ApiProperty({ example: 404 })
  status!: number;
  @ApiPropertyOptional({ description: 'A plain English sentence' })
  detail?: string;
  @ApiPropertyOptional({ description: 'The same in Vietnamese, where the registry gives one' })
  detailVi?: string;
  @ApiPropertyOptional({ description: 'The request path' })
  instance?: string;
}

export class FieldErrorDto {
  @ApiProperty({ description: 'JSON Pointer to the offending member', example: '/limit' })
  path!: string;
  @ApiProperty()
  message!: string;
}

export class BadRequestProblemDto extends ProblemDto {
  @ApiProperty({ type: [FieldErrorDto], description: 'Every invalid or unknown member at once' })
  errors!: FieldErrorDto[];
}

export class ValidationIssueDto {
  @ApiProperty({
    example: 'unknown-target',
    description: 'Stable issue code (see docs/procedure-definition.md §9)',
  })
  code!: string;
  @ApiProperty({ enum: ['error', 'warning'] })
  severity!: string;
  @ApiProperty({
    example: '/workflow/steps/0/transitions/0/target',
    description: 'JSON Pointer into the document',
  })
  path!: string;
  @ApiProperty({ description: 'A plain English sentence' })
  message!: string;
  @ApiProperty({ description: 'The same sentence in Vietnamese' })
  messageVi!: string;
  @ApiPropertyOptional({ description: 'Line in the submitted text (YAML or JSON text bodies)' })
  line?: number;
  @ApiPropertyOptional()
  column?: number;
}

export class DefinitionProblemDto extends ProblemDto {
  // Optional: the same 422 also answers an Idempotency-Key reused for another request, with no issues.
  @ApiPropertyOptional({
    type: [ValidationIssueDto],
    description: 'Every error at once (an invalid definition)',
  })
  errors?: ValidationIssueDto[];
  @ApiPropertyOptional({ type: [ValidationIssueDto] })
  warnings?: ValidationIssueDto[];
}

export class ConflictProblemDto extends ProblemDto {
  @ApiPropertyOptional({ example: '1.004873' })
  procedureCode?: string;
  @ApiPropertyOptional({ enum: ['new', 'draft', 'published', 'retired'] })
  procedureStatus?: string;
  @ApiPropertyOptional({ type: [String], description: 'What the procedure accepts in its current status' })
  allowedActions?: string[];
}

export class RecordProblemDto {
  @ApiProperty({ example: '/officeHours/1' })
  path!: string;
  @ApiProperty()
  message!: string;
  @ApiProperty()
  messageVi!: string;
}

export class DirectoryProblemDto extends ProblemDto {
  /** Absent when the 422 is a reused Idempotency-Key (the same status for another reason; found by schemathesis). */
  @ApiPropertyOptional({ type: [RecordProblemDto], description: 'Every rule the record breaks' })
  errors?: RecordProblemDto[];
}
