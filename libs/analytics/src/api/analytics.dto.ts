// Query parameters of the analytics API (validated by the strict pipe: unknown members are refused) and the
// shapes the OpenAPI document shows.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min, ValidateIf } from 'class-validator';
import { PERIOD_CUTS, type PeriodCut, type SeriesBucket } from '../domain/periods';
import { GROUPINGS, type Grouping } from '../infrastructure/analytics-queries';
import { SERIES_METRICS, type SeriesMetric } from '../application/report-request';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AGENCY_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/;
const PROCEDURE_CODE = /^[0-9]\.[0-9]{6}(\.[0-9A-Z]{1,6})?$/;
const FIELD_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/;

export class ReportQueryDto {
  @ApiPropertyOptional({
    example: '2025-01-01',
    description: 'First local day of the period (Asia/Ho_Chi_Minh), included; or give `period`',
  })
  @ValidateIf((q: ReportQueryDto) => q.period === undefined || q.from !== undefined)
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    example: '2025-12-31',
    description: 'Last local day of the period, included; or give `period`',
  })
  @ValidateIf((q: ReportQueryDto) => q.period === undefined || q.to !== undefined)
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({
    example: '2025-03',
    description:
      'The reporting period instead of from / to: a month YYYY-MM, quarter YYYY-Qn, half-year YYYY-Hn or year YYYY, cut by `cut`',
  })
  @IsOptional()
  @Matches(PERIOD, { message: 'period must be YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn' })
  period?: string;

  @ApiPropertyOptional({
    enum: PERIOD_CUTS,
    default: 'calendar',
    description:
      'How `period` (and the buckets of a series) are cut: cutoff-15 is the official data cut-off of Decree 09/2019/NĐ-CP Art. 12 (a month from the 15th of the month before to the 14th; a quarter, half-year and year likewise, a year from 15 December to 14 December); calendar (default) takes whole calendar periods, which is not the official cut-off',
  })
  @IsOptional()
  @IsIn(PERIOD_CUTS)
  cut?: PeriodCut;

  @ApiPropertyOptional({
    example: '000.00.00.H56',
    description:
      'Agency electronic code; rolls up every agency under it and every agency it succeeded (2025 reform: a district and its old communes roll into the province and today’s merged communes)',
  })
  @IsOptional()
  @Matches(AGENCY_CODE, { message: 'agency must be an electronic identifier code such as 000.00.18.H56' })
  agency?: string;

  @ApiPropertyOptional({ example: '1.004873' })
  @IsOptional()
  @Matches(PROCEDURE_CODE, { message: 'procedure must be a procedure code such as 1.004873' })
  procedure?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Procedure version (with procedure)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;

  @ApiPropertyOptional({ example: 'ho-tich', description: 'Field (lĩnh vực) code of the procedure version' })
  @IsOptional()
  @Matches(FIELD_CODE, { message: 'field must be a field code such as ho-tich' })
  field?: string;

  @ApiPropertyOptional({ enum: ['counter', 'post', 'online'] })
  @IsOptional()
  @IsIn(['counter', 'post', 'online'])
  channel?: 'counter' | 'post' | 'online';

  @ApiPropertyOptional({
    enum: ['full', 'partial', 'none'],
    description:
      'The dossier’s online level: none for counter and post dossiers, online ones at the level submitted',
  })
  @IsOptional()
  @IsIn(['full', 'partial', 'none'])
  onlineLevel?: 'full' | 'partial' | 'none';

  @ApiPropertyOptional({
    enum: ['day', 'minute'],
    default: 'day',
    description: 'Early / on time / late compared on local days (default) or to the minute',
  })
  @IsOptional()
  @IsIn(['day', 'minute'])
  granularity?: 'day' | 'minute';

  @ApiPropertyOptional({
    enum: GROUPINGS,
    default: 'none',
    description:
      'Rows per field (the official II.06a layout), procedure, version, today’s agency, channel, the dossier’s online level, or sub-unit (needs agency: one row per sub-unit valid on the last day, one for the unit’s own dossiers; the rows add up to the total)',
  })
  @IsOptional()
  @IsIn(GROUPINGS)
  groupBy?: Grouping;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiPropertyOptional({
    enum: ['vi', 'vi-en'],
    default: 'vi',
    description: 'Export headers in Vietnamese, or Vietnamese with English alongside',
  })
  @IsOptional()
  @IsIn(['vi', 'vi-en'])
  headers?: 'vi' | 'vi-en';
}

export class TimeSavingsQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({
    description:
      'Trip cost in days for every dossier; by default the procedure version’s cost for the locality (the dossier’s agency), else its default cost, else the agency’s default, else 1',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(30)
  tripCostDays?: number;

  @ApiPropertyOptional({ default: 8, description: 'Working hours in a day, for the money figure' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(1)
  @Max(24)
  hoursPerWorkingDay?: number;

  @ApiPropertyOptional({
    description:
      'Income per hour in VND (Circular 02/2017/TT-VPCP Art. 27); when given, the money figure is computed',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(100_000_000)
  incomePerHour?: number;
}

export class SeriesQueryDto extends TimeSavingsQueryDto {
  @ApiProperty({ enum: SERIES_METRICS })
  @IsIn(SERIES_METRICS)
  metric!: SeriesMetric;

  @ApiPropertyOptional({ enum: ['month', 'quarter', 'half', 'year'], default: 'month' })
  @IsOptional()
  @IsIn(['month', 'quarter', 'half', 'year'])
  bucket?: SeriesBucket;
}

// ---- responses (as the OpenAPI document shows them) ----

export class MetricDefinitionDto {
  @ApiProperty({ example: 'ii06a' })
  metric!: string;
  @ApiProperty({ example: '1', description: 'Bumped whenever the meaning of a figure changes' })
  version!: string;
  @ApiProperty()
  summary!: string;
}

export class LogPositionDto {
  @ApiProperty()
  transactionId!: string;
  @ApiProperty()
  position!: string;
}

export class ComputedFromDto {
  @ApiProperty({ example: 'analytics-dossier-facts' })
  projection!: string;
  @ApiProperty({ description: 'Dossier events applied to the read model the figures come from' })
  eventsApplied!: number;
  @ApiProperty({ type: LogPositionDto, nullable: true, description: 'The highest log position among them' })
  lastPosition!: LogPositionDto | null;
}

export class ScopeDto {
  @ApiProperty({ nullable: true, type: String })
  agency!: string | null;
  @ApiProperty({ nullable: true, type: Object })
  agencyName!: { vi: string | null; en: string | null } | null;
  @ApiProperty({ nullable: true, type: [String], description: 'Every agency whose dossiers count (roll-up)' })
  agencies!: string[] | null;
}

export class ReportStampDto {
  @ApiProperty({ type: MetricDefinitionDto })
  definition!: MetricDefinitionDto;
  @ApiProperty({ type: ComputedFromDto })
  computedFrom!: ComputedFromDto;
  @ApiProperty({ type: Object, description: 'The parameters the report was computed with' })
  parameters!: Record<string, unknown>;
  @ApiProperty({ type: ScopeDto })
  scope!: ScopeDto;
}

export class Ii06aFiguresDto {
  @ApiProperty({ description: 'Received before the period and not ended before it (kỳ trước chuyển qua)' })
  carriedOver!: number;
  @ApiProperty({ description: 'Newly received in the period' })
  received!: number;
  @ApiProperty()
  receivedOnline!: number;
  @ApiProperty()
  receivedOnlineFull!: number;
  @ApiProperty()
  receivedOnlinePartial!: number;
  @ApiProperty()
  receivedCounterAndPost!: number;
  @ApiProperty()
  receivedCounter!: number;
  @ApiProperty()
  receivedPost!: number;
  @ApiProperty({ description: 'carriedOver + received' })
  toResolve!: number;
  @ApiProperty()
  resolved!: number;
  @ApiProperty()
  resolvedEarly!: number;
  @ApiProperty()
  resolvedOnTime!: number;
  @ApiProperty()
  resolvedLate!: number;
  @ApiProperty()
  lateWithApology!: number;
  @ApiProperty()
  lateWithoutApology!: number;
  @ApiProperty({ description: 'Resolved in the period, not returned by its end' })
  resolvedNotCollected!: number;
  @ApiProperty()
  refused!: number;
  @ApiProperty()
  withdrawn!: number;
  @ApiProperty({
    description: 'Of the refused: after the committed deadline in force then, the clock running',
  })
  refusedLate!: number;
  @ApiProperty({
    description: 'Of the withdrawn: after the committed deadline in force then, the clock running',
  })
  withdrawnLate!: number;
  @ApiProperty({ description: 'carriedOver + received − resolved − refused − withdrawn, exactly' })
  inProgress!: number;
  @ApiProperty()
  inProgressNotYetDue!: number;
  @ApiProperty({ description: 'Deadline passed with the clock running at the period end' })
  inProgressOverdue!: number;
  @ApiProperty({ description: 'Part of not yet due: waiting for the citizen’s supplement' })
  inProgressWaitingForCitizen!: number;
}

export class Ii06aRowDto {
  @ApiProperty({ description: 'Group key (field code, procedure code, agency code, …)' })
  key!: string;
  @ApiProperty({ type: Object })
  label!: { vi: string | null; en: string | null };
  @ApiProperty({ type: Ii06aFiguresDto })
  figures!: Ii06aFiguresDto;
}

export class Ii06aReportDto extends ReportStampDto {
  @ApiProperty({ example: 'ii06a' })
  report!: string;
  @ApiProperty({ type: Ii06aFiguresDto })
  total!: Ii06aFiguresDto;
  @ApiProperty({ type: [Ii06aRowDto] })
  rows!: Ii06aRowDto[];
}

export class StampedReportDto extends ReportStampDto {
  @ApiProperty({ example: 'processing-time' })
  report!: string;
}
