// Request shapes of the dossier API, validated at the edge (class-validator; the global pipe rejects unknown
// members and lists every error with its path). Form data is not a DTO: the decider checks it against the
// procedure version's JSON Schema and reports every error at once with JSON Pointers (400).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, EXCLUDED_INTERVAL_KINDS, type Channel, type ExcludedIntervalKind } from '@tthc/procedures';
import { UNIT_CODE } from '../domain/dossier';

export const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[0-9A-Z]{1,6})?$/;
export const AGENCY_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/;
export const DOSSIER_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}-\d{6}-\d{4}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class ApplicantDto {
  @ApiProperty({ example: 'Nguyễn Văn An', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    example: '079203001123',
    description: 'Citizen identity number (12 digits), older ID card (9 digits) or passport number',
  })
  @Matches(/^[0-9A-Za-z]{6,20}$/, { message: 'nationalId must be 6 to 20 letters or digits' })
  nationalId!: string;

  @ApiPropertyOptional({ example: '0905123456' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 .-]{6,18}[0-9]$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: 'an.nguyen@example.vn' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'Thôn Suối Cá, xã Khánh Trung, tỉnh Khánh Hòa', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class AttachmentDto {
  @ApiProperty({ example: 'to-khai.pdf', maxLength: 255 })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name!: string;

  @ApiProperty({ example: 'application/pdf' })
  @Matches(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, {
    message: 'mediaType must be a media type such as application/pdf',
  })
  @MaxLength(255)
  mediaType!: string;

  @ApiProperty({ example: 183204, description: 'Size in bytes' })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  size!: number;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'sha256 must be 64 hexadecimal digits' })
  sha256!: string;

  @ApiPropertyOptional({ example: 'to-khai', description: 'The required-document code this file answers' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentCode?: string;
}

export class SubmitDossierDto {
  @ApiProperty({ example: '1.004873' })
  @Matches(PROCEDURE_CODE, { message: 'procedureCode must be a procedure code such as 1.004873' })
  procedureCode!: string;

  @ApiPropertyOptional({ example: 1, description: 'Default: the current published version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  procedureVersion?: number;

  @ApiProperty({ enum: CHANNELS, description: 'counter (trực tiếp), post (bưu chính công ích), online' })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiPropertyOptional({
    enum: ['full', 'partial'],
    description:
      'Online submissions only: the level the dossier is submitted at (Decree 42/2022), at most the procedure’s (a procedure offered in full accepts a partial submission); default the procedure’s level. The dossier records it as its own level; counter and post dossiers have none.',
  })
  @IsOptional()
  @IsIn(['full', 'partial'])
  onlineLevel?: 'full' | 'partial';

  @ApiPropertyOptional({
    example: '000.32.18.H56',
    description:
      'The electronic code of the administrative unit (commune) the applicant lives in, when known: the travel cost of a trip to the office is looked up for it (docs/domain/time-savings.md). Not personal data on its own: a unit, not an address.',
  })
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'applicantLocality must be a unit code like 000.32.18.H56' })
  applicantLocality?: string;

  @ApiProperty({ type: ApplicantDto })
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The application form, checked against the procedure version’s JSON Schema',
  })
  @IsObject()
  formData!: Record<string, unknown>;

  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({ example: 'PAY-2026-000123', description: 'Online payment reference, if paid' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  paymentReference?: string;
}

export class DossierIdParams {
  @ApiProperty({ example: '0b5f3c3e-7c1a-4a53-9d0e-3f4a8f3b9c21', description: 'The dossier id (UUID)' })
  @Matches(UUID, { message: 'id must be a dossier id (a lower-case UUID)' })
  id!: string;
}

export class DossierCodeParams {
  @ApiProperty({ example: '000.31.18.H56-261123-0001' })
  @Matches(DOSSIER_CODE, { message: 'code must be a dossier code such as 000.31.18.H56-261123-0001' })
  code!: string;
}

// ---- Workflow actions -----------------------------------------------------------------------------------

/** Actions that take nothing but the actor: receive, transfer, end-excluded-interval, approve, flag-at-risk. */
export class EmptyActionDto {}

export class MissingDocumentDto {
  @ApiPropertyOptional({ example: 'giay-to-ly-hon-hoac-chet', description: 'The procedure’s document code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  code?: string;

  @ApiProperty({ example: 'Bản sao quyết định ly hôn' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  name!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

const reasonProperty = (example: string) =>
  ApiProperty({ example, maxLength: 2000, description: 'Written reason (shown to the applicant)' });

export class ReasonDto {
  @reasonProperty('Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã')
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class RequestCompletionDto {
  @ApiProperty({ type: [MissingDocumentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MissingDocumentDto)
  missingDocuments!: MissingDocumentDto[];

  @ApiProperty({ description: 'Form 02: the full guidance, given once', maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  guidance!: string;
}

export class RequestSupplementDto extends ReasonDto {
  @ApiProperty({ type: [MissingDocumentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MissingDocumentDto)
  missingDocuments!: MissingDocumentDto[];
}

/** complete (before receipt, after form 02) and provide-supplement (after receipt). */
export class SupplyDocumentsDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The corrected application, when it changes (checked against the JSON Schema)',
  })
  @IsOptional()
  @IsObject()
  formData?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class HandOverDto {
  @ApiProperty({
    example: 'SUBMIT_FOR_SIGNATURE',
    description: 'HAND_OVER, or an event the procedure declares (see GET /v1/dossiers/{id} allowedActions)',
  })
  @Matches(/^[A-Z][A-Z0-9_]{0,63}$/, { message: 'event must be an event name such as HAND_OVER' })
  event!: string;
}

export class StartExcludedIntervalDto {
  @ApiProperty({ enum: EXCLUDED_INTERVAL_KINDS, description: 'Must be declared by the procedure' })
  @IsIn(EXCLUDED_INTERVAL_KINDS)
  kind!: ExcludedIntervalKind;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class IssueResultDto {
  @ApiPropertyOptional({ description: 'An electronic result (bản điện tử)', default: false })
  @IsOptional()
  @IsBoolean()
  electronic?: boolean;
}

export class ReturnResultDto {
  @ApiProperty({ enum: CHANNELS, description: 'How the result reaches the applicant' })
  @IsIn(CHANNELS)
  method!: Channel;
}

export class ApologiseDto extends ReasonDto {
  @ApiProperty({
    example: '2026-11-27T09:00:00.000Z',
    description:
      'The new return appointment (form 04), an instant; at most one reset per dossier, later than the current appointment and at most the committed processing time again after the due time',
  })
  @IsISO8601({ strict: true })
  newAppointmentAt!: string;
}

export class RateDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

// ---- Queries --------------------------------------------------------------------------------------------

export class LookupQueryDto {
  @ApiProperty({ example: '000.31.18.H56-261123-0001' })
  @Matches(DOSSIER_CODE, { message: 'code must be a dossier code such as 000.31.18.H56-261123-0001' })
  code!: string;

  @ApiProperty({ example: '0905123456', description: 'The applicant’s phone number or national ID' })
  @IsString()
  @MinLength(6)
  @MaxLength(30)
  verification!: string;
}

export const WORKLIST_VIEW_VALUES = [
  'due-today',
  'due-soon',
  'overdue',
  'waiting-for-citizen',
  'at-risk',
  'all',
] as const;

export class WorklistQueryDto {
  @ApiProperty({ example: '000.31.18.H56', description: 'Dossiers of this agency or at a step of it' })
  @Matches(AGENCY_CODE, { message: 'agency must be an electronic identifier code such as 000.00.18.H56' })
  agency!: string;

  @ApiPropertyOptional({ enum: WORKLIST_VIEW_VALUES, default: 'all' })
  @IsOptional()
  @IsIn(WORKLIST_VIEW_VALUES)
  view?: (typeof WORKLIST_VIEW_VALUES)[number];

  @ApiPropertyOptional({ example: '1.004873' })
  @IsOptional()
  @Matches(PROCEDURE_CODE, { message: 'procedure must be a procedure code such as 1.004873' })
  procedure?: string;

  @ApiPropertyOptional({ example: 'examine', description: 'The current step id' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'step must be a step id such as examine' })
  step?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
