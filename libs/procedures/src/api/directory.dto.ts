// Request and response shapes of the agency directory and administrative units API.
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ADMINISTRATIVE_UNIT_LEVELS, ALL_ADMINISTRATIVE_UNIT_KINDS } from '../application/directory-decider';
import { AGENCY_LEVELS } from '../domain/definition';
import { AGENCY_CODE, DATE, LocalisedTextDto, PageMetaDto, PaginationDto, UNIT_CODE } from './common.dto';

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export class AgencyQueryDto extends PaginationDto {
  @ApiPropertyOptional({ enum: AGENCY_LEVELS })
  @IsOptional()
  @IsIn(AGENCY_LEVELS)
  level?: (typeof AGENCY_LEVELS)[number];

  @ApiPropertyOptional({ description: 'Electronic code of the parent agency', example: '000.00.18.H56' })
  @IsOptional()
  @Matches(AGENCY_CODE, { message: 'parent must be an electronic identifier code such as 000.00.18.H56' })
  parent?: string;

  @ApiPropertyOptional({
    description: 'Only agencies valid on this date (YYYY-MM-DD)',
    example: '2025-07-01',
  })
  @IsOptional()
  @Matches(DATE, { message: 'activeOn must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'activeOn must be a real calendar date' })
  activeOn?: string;

  @ApiPropertyOptional({ description: 'Words of the name or the code; accents optional' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;
}

export class AdministrativeUnitQueryDto extends PaginationDto {
  @ApiPropertyOptional({ description: 'Only units valid on this date (YYYY-MM-DD)', example: '2019-06-30' })
  @IsOptional()
  @Matches(DATE, { message: 'activeOn must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'activeOn must be a real calendar date' })
  activeOn?: string;

  @ApiPropertyOptional({ enum: ADMINISTRATIVE_UNIT_LEVELS })
  @IsOptional()
  @IsIn(ADMINISTRATIVE_UNIT_LEVELS)
  level?: (typeof ADMINISTRATIVE_UNIT_LEVELS)[number];

  @ApiPropertyOptional({ description: 'Code of the parent unit', example: '573' })
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'parent must be an administrative unit code' })
  parent?: string;

  @ApiPropertyOptional({ description: 'Words of the name or the code; accents optional' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;
}

export class OfficePeriodDto {
  @ApiProperty({ example: '07:00' })
  @Matches(TIME, { message: 'from must be a time HH:MM' })
  from!: string;

  @ApiProperty({ example: '11:30' })
  @Matches(TIME, { message: 'to must be a time HH:MM' })
  to!: string;
}

/** An agency as an administrator registers it; what is left out gets the registry's defaults. */
export class RegisterAgencyDto {
  @ApiProperty({ example: '000.31.18.H56', description: 'Electronic identifier code (mã định danh điện tử)' })
  @Matches(AGENCY_CODE, { message: 'code must be an electronic identifier code such as 000.00.18.H56' })
  code!: string;

  @ApiProperty({ type: LocalisedTextDto })
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  name!: LocalisedTextDto;

  @ApiProperty({ enum: AGENCY_LEVELS })
  @IsIn(AGENCY_LEVELS)
  level!: (typeof AGENCY_LEVELS)[number];

  @ApiPropertyOptional({ nullable: true, type: String, example: '000.00.00.H56' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(AGENCY_CODE, { message: 'parentCode must be an electronic identifier code such as 000.00.18.H56' })
  parentCode?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '56' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(UNIT_CODE, { message: 'administrativeUnitCode must be an administrative unit code' })
  administrativeUnitCode?: string | null;

  @ApiPropertyOptional({
    type: [OfficePeriodDto],
    description: 'Reception periods of a working day, in order (default 07:30–12:00, 13:00–16:30)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => OfficePeriodDto)
  officeHours?: OfficePeriodDto[];

  @ApiPropertyOptional({ description: 'Receives on Saturday mornings (default false)' })
  @IsOptional()
  @IsBoolean()
  saturdayReception?: boolean;

  @ApiPropertyOptional({
    description: 'Working days one trip costs a citizen, in quarter days (default by level: 0.5, 1, 1.5)',
    example: 0.5,
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(30)
  defaultTripCostDays?: number;

  @ApiPropertyOptional({ description: 'First day of validity, YYYY-MM-DD (default today)' })
  @IsOptional()
  @Matches(DATE, { message: 'validFrom must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'validFrom must be a real calendar date' })
  validFrom?: string;
}

/** Changes to an agency; members left out keep their value, `null` clears parent and unit. */
export class UpdateAgencyDto extends PartialType(OmitType(RegisterAgencyDto, ['code'] as const)) {}

export class DissolveAgencyDto {
  @ApiProperty({ description: 'First day it is no longer valid (YYYY-MM-DD)', example: '2025-07-01' })
  @Matches(DATE, { message: 'validTo must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'validTo must be a real calendar date' })
  validTo!: string;

  @ApiPropertyOptional({ description: 'The agency that takes over its tasks', example: '000.00.63.H56' })
  @IsOptional()
  @Matches(AGENCY_CODE, {
    message: 'successorCode must be an electronic identifier code such as 000.00.18.H56',
  })
  successorCode?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  legalBasis?: string;
}

export class AgencyDto {
  @ApiProperty({ example: '000.00.18.H56' })
  code!: string;
  @ApiProperty({ type: LocalisedTextDto })
  name!: LocalisedTextDto;
  @ApiProperty({ enum: AGENCY_LEVELS })
  level!: string;
  @ApiProperty({ nullable: true, type: String })
  parentCode!: string | null;
  @ApiProperty({ nullable: true, type: String })
  administrativeUnitCode!: string | null;
  @ApiProperty({ type: [OfficePeriodDto] })
  officeHours!: OfficePeriodDto[];
  @ApiProperty()
  saturdayReception!: boolean;
  @ApiProperty()
  defaultTripCostDays!: number;
  @ApiProperty({ format: 'date' })
  validFrom!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'First day no longer valid' })
  validTo!: string | null;
  @ApiProperty({ nullable: true, type: String })
  successorCode!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The decision that ended it' })
  endLegalBasis!: string | null;
}

export class AgencySavedDto extends AgencyDto {
  @ApiProperty({ enum: ['active', 'dissolved'] })
  status!: string;
}

export class AgencyPageDto extends PageMetaDto {
  @ApiProperty({ type: [AgencyDto] })
  items!: AgencyDto[];
}

export class AgencyDetailsDto extends AgencyDto {
  @ApiProperty({ type: AgencyDto, nullable: true })
  parent!: AgencyDto | null;
  @ApiProperty({ type: [AgencyDto] })
  children!: AgencyDto[];
  @ApiProperty({ type: [AgencyDto], description: 'Successor chain, nearest first' })
  successors!: AgencyDto[];
  @ApiProperty({ type: AgencyDto, description: 'End of the successor chain: who holds these tasks today' })
  current!: AgencyDto;
}

export class AdministrativeUnitDto {
  @ApiProperty({ example: '22606' })
  code!: string;
  @ApiProperty({ type: LocalisedTextDto })
  name!: LocalisedTextDto;
  @ApiProperty({ enum: ADMINISTRATIVE_UNIT_LEVELS })
  level!: string;
  @ApiProperty({ enum: ALL_ADMINISTRATIVE_UNIT_KINDS })
  kind!: string;
  @ApiProperty({ nullable: true, type: String })
  parentCode!: string | null;
  @ApiProperty({ format: 'date' })
  validFrom!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'First day no longer valid' })
  validTo!: string | null;
  @ApiProperty({ nullable: true, type: String })
  successorCode!: string | null;
  @ApiProperty({ enum: ['merged', 'dissolved'], nullable: true, type: String })
  endReason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The decision that established it' })
  legalBasis!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The decision that ended it' })
  endLegalBasis!: string | null;
  @ApiProperty({ type: [String], description: 'Units merged to form it' })
  formedFrom!: string[];
}

export class AdministrativeUnitPageDto extends PageMetaDto {
  @ApiProperty({ type: [AdministrativeUnitDto] })
  items!: AdministrativeUnitDto[];
}

export class AdministrativeUnitDetailsDto extends AdministrativeUnitDto {
  @ApiProperty({ type: AdministrativeUnitDto, nullable: true })
  parent!: AdministrativeUnitDto | null;
  @ApiProperty({ type: [AdministrativeUnitDto] })
  children!: AdministrativeUnitDto[];
  @ApiProperty({ type: [AdministrativeUnitDto], description: 'Units merged into or succeeded by this one' })
  predecessors!: AdministrativeUnitDto[];
  @ApiProperty({ type: [AdministrativeUnitDto], description: 'Successor chain, nearest first' })
  successors!: AdministrativeUnitDto[];
  @ApiProperty({ type: AdministrativeUnitDto, description: 'Where this unit rolls up today' })
  current!: AdministrativeUnitDto;
}
