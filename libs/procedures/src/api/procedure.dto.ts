// Request and response shapes of the procedure registry API. Definitions themselves are not DTOs: they are
// validated by the definition validator (JSON Schema + graph checks), which reports every error with its
// JSON Pointer, so a body that is a definition is taken as it comes (JSON, or YAML text).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { AGENCY_LEVELS, ONLINE_SERVICE_LEVELS } from '../domain/definition';
import { AGENCY_CODE, LocalisedTextDto, PageMetaDto, PaginationDto } from './common.dto';
import { ValidationIssueDto } from './problem.dto';

export class ProcedureQueryDto extends PaginationDto {
  @ApiPropertyOptional({ description: 'Electronic code of the competent agency', example: '000.31.18.H56' })
  @IsOptional()
  @Matches(AGENCY_CODE, { message: 'agency must be an electronic identifier code such as 000.00.18.H56' })
  agency?: string;

  @ApiPropertyOptional({ description: 'Field (lĩnh vực) code', example: 'ho-tich' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  field?: string;

  @ApiPropertyOptional({ enum: AGENCY_LEVELS, description: 'Level of the competent agency' })
  @IsOptional()
  @IsIn(AGENCY_LEVELS)
  level?: (typeof AGENCY_LEVELS)[number];

  @ApiPropertyOptional({ enum: ONLINE_SERVICE_LEVELS.map(String), description: 'Online service level' })
  @IsOptional()
  @IsIn(ONLINE_SERVICE_LEVELS.map(String))
  onlineLevel?: string;

  @ApiPropertyOptional({ enum: ['published', 'retired'], description: 'Default: both' })
  @IsOptional()
  @IsIn(['published', 'retired'])
  status?: 'published' | 'retired';

  @ApiPropertyOptional({
    description: 'Words of the name, Vietnamese or English; accents optional; or the code',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;
}

export class DraftQueryDto extends PaginationDto {
  @ApiPropertyOptional({ description: 'Electronic code of the agency the draft names' })
  @IsOptional()
  @Matches(AGENCY_CODE, { message: 'agency must be an electronic identifier code such as 000.00.18.H56' })
  agency?: string;
}

export class ExpectedRevisionQueryDto {
  @ApiPropertyOptional({ description: 'Refuse the change (409) unless the draft is still at this revision' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  expectedRevision?: number;
}

export class PublishProcedureDto {
  @ApiPropertyOptional({ description: 'Publish only if the draft is still at this revision (else 409)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number;
}

export class RetireProcedureDto {
  @ApiPropertyOptional({
    description: 'Why, e.g. the decision that abolished the procedure',
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ValidationReportDto {
  @ApiProperty()
  valid!: boolean;
  @ApiProperty({ type: [ValidationIssueDto] })
  errors!: ValidationIssueDto[];
  @ApiProperty({ type: [ValidationIssueDto] })
  warnings!: ValidationIssueDto[];
}

export class DraftSavedDto extends ValidationReportDto {
  @ApiProperty({ example: '1.004873' })
  code!: string;
  @ApiProperty({ description: 'Draft revision, counted over the procedure’s life' })
  revision!: number;
}

export class VersionPublishedDto {
  @ApiProperty({ example: '1.004873' })
  code!: string;
  @ApiProperty({ example: 2 })
  version!: number;
  @ApiProperty({ description: 'SHA-256 of the canonical JSON of the normalised definition' })
  contentHash!: string;
  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;
  @ApiProperty({ type: [ValidationIssueDto] })
  warnings!: ValidationIssueDto[];
  @ApiProperty({ description: 'True when the content already was the current version (nothing published)' })
  alreadyPublished!: boolean;
}

export class ProcedureRetiredDto {
  @ApiProperty()
  code!: string;
  @ApiProperty({ description: 'The last published version' })
  version!: number;
  @ApiProperty({ format: 'date-time' })
  retiredAt!: string;
  @ApiProperty({ nullable: true, type: String })
  reason!: string | null;
}

export class DurationDto {
  @ApiPropertyOptional({ example: 1, description: 'Days, in halves; absent for same-day' })
  value?: number;
  @ApiProperty({ enum: ['working-days', 'calendar-days', 'same-day'] })
  unit!: string;
}

export class FieldRefDto {
  @ApiProperty({ example: 'ho-tich' })
  code!: string;
  @ApiProperty({ type: LocalisedTextDto })
  name!: LocalisedTextDto;
}

export class AgencyRefDto extends FieldRefDto {
  @ApiProperty({ enum: AGENCY_LEVELS })
  level!: string;
}

export class ProcedureSummaryDto {
  @ApiProperty({ example: '1.004873' })
  code!: string;
  @ApiProperty()
  version!: number;
  @ApiProperty({ enum: ['published', 'superseded', 'retired'] })
  status!: string;
  @ApiProperty({ type: LocalisedTextDto })
  name!: LocalisedTextDto;
  @ApiProperty({ type: FieldRefDto })
  field!: FieldRefDto;
  @ApiProperty({ type: AgencyRefDto })
  agency!: AgencyRefDto;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], example: 'full' })
  onlineServiceLevel!: string | number;
  @ApiProperty({ type: DurationDto })
  statutoryDuration!: DurationDto;
  @ApiProperty({ type: DurationDto })
  committedDuration!: DurationDto;
  @ApiProperty()
  contentHash!: string;
  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  retiredAt!: string | null;
}

export class ProcedurePageDto extends PageMetaDto {
  @ApiProperty({ type: [ProcedureSummaryDto] })
  items!: ProcedureSummaryDto[];
}

export class ProcedureVersionEntryDto {
  @ApiProperty()
  version!: number;
  @ApiProperty({ enum: ['published', 'superseded', 'retired'] })
  status!: string;
  @ApiProperty({ type: DurationDto })
  statutoryDuration!: DurationDto;
  @ApiProperty({ type: DurationDto })
  committedDuration!: DurationDto;
  @ApiProperty()
  contentHash!: string;
  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  supersededAt!: string | null;
}

export class OpenDraftDto {
  @ApiProperty()
  revision!: number;
  @ApiProperty({ description: 'The version it becomes when published' })
  nextVersion!: number;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class ProcedureDetailsDto {
  @ApiProperty({ type: ProcedureSummaryDto, description: 'The latest version' })
  current!: ProcedureSummaryDto;
  @ApiProperty({ type: [ProcedureVersionEntryDto] })
  versions!: ProcedureVersionEntryDto[];
  @ApiProperty({ type: OpenDraftDto, nullable: true })
  openDraft!: OpenDraftDto | null;
}

export class ProcedureVersionDto extends ProcedureSummaryDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The normalised definition (see /docs/procedure-definition.schema.json)',
  })
  definition!: Record<string, unknown>;
  @ApiProperty({ type: [ValidationIssueDto] })
  warnings!: ValidationIssueDto[];
  @ApiProperty({ nullable: true, type: Number })
  draftRevision!: number | null;
  @ApiProperty({ nullable: true, type: String })
  publishedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  supersededAt!: string | null;
  @ApiProperty({ nullable: true, type: String })
  retirementReason!: string | null;
}

export class DraftNameDto {
  @ApiProperty({ nullable: true, type: String })
  vi!: string | null;
  @ApiProperty({ nullable: true, type: String })
  en!: string | null;
}

export class DraftSummaryDto {
  @ApiProperty()
  code!: string;
  @ApiProperty()
  revision!: number;
  @ApiProperty()
  nextVersion!: number;
  @ApiProperty({ type: DraftNameDto })
  name!: DraftNameDto;
  @ApiProperty({ nullable: true, type: String })
  agencyCode!: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ nullable: true, type: String })
  createdBy!: string | null;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
  @ApiProperty({ nullable: true, type: String })
  updatedBy!: string | null;
}

export class DraftPageDto extends PageMetaDto {
  @ApiProperty({ type: [DraftSummaryDto] })
  items!: DraftSummaryDto[];
}

export class DraftSourceDto {
  @ApiProperty({ enum: ['yaml', 'json'] })
  format!: string;
  @ApiProperty()
  text!: string;
}

export class DraftDetailsDto extends DraftSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The document as authored' })
  document!: Record<string, unknown>;
  @ApiProperty({ type: DraftSourceDto, nullable: true, description: 'The text, when it was sent as text' })
  source!: DraftSourceDto | null;
  @ApiProperty({ type: ValidationReportDto })
  validation!: ValidationReportDto;
}
