// GET /v1/analytics/irregularities: the clock rules the dossiers' histories broke in a period, per agency
// (docs/domain/after-the-deadline.md): what an imported legacy history did that the law forbids (a
// supplement asked after the deadline, a second round, an apology too late), and what the law times but
// cannot be refused (a refusal notified late, a late result without apology). JSON pages or the whole list
// as CSV. Counted, never hidden: every such dossier keeps its lateness in the other reports.
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { IRREGULARITY_RULES } from '@tthc/dossiers';
import { AllowRoles, ANY_OFFICIAL, AreaScoped, LEGACY_ADMINISTRATOR_ROLE, ROLES } from '@tthc/platform';
import { agencyScope } from '../application/agency-scope';
import { InvalidReportPeriod } from '../application/errors';
import { periodDates } from '../application/report-request';
import { boundsOf, InvalidPeriod } from '../domain/periods';
import { queryIrregularities } from '../infrastructure/irregularities-query';
import { ReportQueryDto } from './analytics.dto';

export class IrregularitiesQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ enum: IRREGULARITY_RULES, description: 'Only this rule' })
  @IsOptional()
  @IsIn(IRREGULARITY_RULES)
  rule?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

const CSV_COLUMNS = [
  ['dossierId', 'Mã định danh hồ sơ / Dossier id'],
  ['agencyCode', 'Cơ quan / Agency'],
  ['procedureCode', 'Thủ tục / Procedure'],
  ['procedureVersion', 'Phiên bản / Version'],
  ['channel', 'Kênh / Channel'],
  ['rule', 'Quy định bị vi phạm / Rule'],
  ['at', 'Thời điểm / At'],
  ['limitAt', 'Hạn / Limit'],
  ['eventType', 'Sự kiện / Event'],
] as const;

const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

@ApiTags('analytics')
@AllowRoles(ROLES.analyst, ANY_OFFICIAL, ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE)
@AreaScoped('agency')
@Controller('v1/analytics')
export class IrregularitiesController {
  constructor(@Inject(getDataSourceToken()) private readonly db: DataSource) {}

  @Get('irregularities')
  @ApiOperation({
    summary:
      'Clock rules broken in a period (imported histories, late refusals, late results without apology)',
    description:
      'Rows ordered by when the act happened, with the rule and the instant it was due by; `byRule` counts ' +
      'every rule in the period and scope. format=csv gives every row (no paging).',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'JSON page, or CSV with format=csv' })
  async list(
    @Query() q: IrregularitiesQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const { from, to } = periodDates(q);
    let bounds;
    try {
      bounds = boundsOf({ from, to });
    } catch (error) {
      if (error instanceof InvalidPeriod) throw new InvalidReportPeriod(error.message);
      throw error;
    }
    const runner = this.db.createQueryRunner();
    try {
      const scope = q.agency === undefined ? undefined : await agencyScope(runner, q.agency);
      const csv = q.format === 'csv';
      const page = csv ? { limit: 1_000_000, offset: 0 } : { limit: q.limit ?? 100, offset: q.offset ?? 0 };
      const found = await queryIrregularities(runner, bounds, scope?.codes, q.rule, page);
      if (csv) {
        void reply.header('content-type', 'text/csv; charset=utf-8');
        void reply.header('content-disposition', `attachment; filename="irregularities-${from}-${to}.csv"`);
        const lines = [
          CSV_COLUMNS.map(([, header]) => csvCell(header)).join(','),
          ...found.rows.map((row) => CSV_COLUMNS.map(([key]) => csvCell(row[key])).join(',')),
        ];
        return `\uFEFF${lines.join('\r\n')}\r\n`;
      }
      return {
        from,
        to,
        ...(scope === undefined ? {} : { agency: scope.code }),
        ...(q.rule === undefined ? {} : { rule: q.rule }),
        total: found.total,
        byRule: found.byRule,
        limit: page.limit,
        offset: page.offset,
        items: found.rows,
      };
    } finally {
      await runner.release();
    }
  }
}
