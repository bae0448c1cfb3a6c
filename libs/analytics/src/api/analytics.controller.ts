// /v1/analytics: the official statistics and the time-savings figures, each stamped with its metric
// definition version and the events it was computed from. `format=csv|xlsx` exports the same report (the
// II.06a one in the official column layout). Reads the analytics read model, which may lag the events by a
// moment; the stamp says how far it had got.
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { METRIC_DEFINITIONS } from '../domain/metric-definitions';
import { AnalyticsReports, type ReportStamp } from '../application/analytics-reports';
import {
  periodDates,
  type ReportRequest,
  type SeriesRequest,
  type TimeSavingsRequest,
} from '../application/report-request';
import { InvalidReportPeriod } from '../application/errors';
import { flatTable, ii06aTable, type ReportTable } from '../application/report-tables';
import { stampHeaders, toCsv, toXlsx } from '../infrastructure/spreadsheets';
import {
  Ii06aReportDto,
  MetricDefinitionDto,
  ReportQueryDto,
  SeriesQueryDto,
  StampedReportDto,
  TimeSavingsQueryDto,
} from './analytics.dto';
import { AllowRoles, ANY_OFFICIAL, AreaScoped, LEGACY_ADMINISTRATOR_ROLE, ROLES } from '@tthc/platform';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 9457 problem document, as the platform's ProblemDetailsFilter writes it. */
const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', example: 'https://tthc-engine.dev/problems/agency-not-found' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const ApiReport = (summary: string, description: string, type: unknown = StampedReportDto) =>
  [
    ApiOperation({ summary, description }),
    ApiProduces('application/json', 'text/csv', XLSX),
    ApiOkResponse({
      type: type as typeof StampedReportDto,
      description: 'JSON; or the CSV / XLSX file with format=csv|xlsx',
    }),
    ApiResponse({
      status: 400,
      description: 'validation-failed, invalid-report-period, invalid-report-grouping (problem document)',
      schema: PROBLEM_SCHEMA,
    }),
    ApiResponse({ status: 404, description: 'agency-not-found (problem document)', schema: PROBLEM_SCHEMA }),
  ] as const;

function apply(...decorators: readonly MethodDecorator[]): MethodDecorator {
  return (target, key, descriptor) => {
    for (const decorator of decorators) decorator(target, key, descriptor);
  };
}

function requestOf(q: ReportQueryDto, series = false): ReportRequest {
  // A cut without a named period would change nothing but the stamp: refused rather than silently ignored.
  if (!series && q.cut !== undefined && q.period === undefined) {
    throw new InvalidReportPeriod(
      'cut applies to a named period: give period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY)',
    );
  }
  return {
    ...periodDates(q),
    ...(q.agency === undefined ? {} : { agency: q.agency }),
    ...(q.procedure === undefined ? {} : { procedure: q.procedure }),
    ...(q.version === undefined ? {} : { version: q.version }),
    ...(q.field === undefined ? {} : { field: q.field }),
    ...(q.channel === undefined ? {} : { channel: q.channel }),
    ...(q.onlineLevel === undefined ? {} : { onlineLevel: q.onlineLevel }),
    granularity: q.granularity ?? 'day',
    groupBy: q.groupBy ?? 'none',
  };
}

function timeSavingsRequestOf(q: TimeSavingsQueryDto, series = false): TimeSavingsRequest {
  return {
    ...requestOf(q, series),
    ...(q.tripCostDays === undefined ? {} : { tripCostDays: q.tripCostDays }),
    hoursPerWorkingDay: q.hoursPerWorkingDay ?? 8,
    ...(q.incomePerHour === undefined ? {} : { incomePerHour: q.incomePerHour }),
  };
}

@ApiTags('analytics')
// Aggregates only (no personal data): analysts, officials and system administrators (libs/platform/src/auth).
@AllowRoles(ROLES.analyst, ANY_OFFICIAL, ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE)
// Analysts with an area and officials see their province's agencies only (query member `agency`).
@AreaScoped('agency')
@Controller('v1/analytics')
export class AnalyticsController {
  constructor(@Inject(AnalyticsReports) private readonly reports: AnalyticsReports) {}

  @Get('definitions')
  @AreaScoped(false)
  @ApiOperation({ summary: 'The metric definitions and their versions' })
  @ApiOkResponse({ type: [MetricDefinitionDto] })
  definitions(): MetricDefinitionDto[] {
    return Object.entries(METRIC_DEFINITIONS).map(([metric, d]) => ({
      metric,
      version: d.version,
      summary: d.summary,
    }));
  }

  @Get('ii06a')
  @apply(
    ...ApiReport(
      'Report form II.06a for a period and slice',
      'Carried over, received (online full / partial by the dossier’s own level, counter, post), resolved early / on time / late, in progress not yet due / overdue at the period end, withdrawn, refused, late with / without apology, resolved not collected. carriedOver + received = resolved + refused + withdrawn + inProgress holds exactly. groupBy=field gives the official rows, groupBy=sub-unit the drill-down rows (sub-units and the unit’s own dossiers, adding up to the total); format=xlsx the official column layout, where refusals and withdrawals count among the dossiers dealt with so that received = dealt with + in progress. period=2025-03&cut=cutoff-15 gives the official reporting period of Decree 09/2019/NĐ-CP Art. 12.',
      Ii06aReportDto,
    ),
  )
  async ii06a(@Query() q: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const report = await this.reports.ii06a(requestOf(q));
    return this.answer(q, reply, report, () => ii06aTable(report), 'ii06a');
  }

  @Get('processing-time')
  @apply(
    ...ApiReport(
      'Processing time of dossiers resolved in the period',
      'Mean, median and 90th percentile in working days and calendar days, gross and net of paused intervals.',
    ),
  )
  async processingTime(
    @Query() q: ReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const report = await this.reports.processingTime(requestOf(q));
    return this.answer(
      q,
      reply,
      report,
      () =>
        flatTable({ vi: 'Thời gian giải quyết', en: 'Processing time' }, report, [
          ...report.rows.map((r) => ({ key: r.key, label: r.label.vi ?? r.label.en, figures: r.figures })),
          { key: 'total', label: 'Tổng cộng', figures: report.total },
        ]),
      'processing-time',
    );
  }

  @Get('reform-reduction')
  @apply(
    ...ApiReport(
      'Reform reduction per procedure and version',
      'Statutory vs committed vs actual (mean and median net working days of dossiers resolved in the period), in days and percent, per procedure version: before and after a reform.',
    ),
  )
  async reformReduction(
    @Query() q: ReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const report = await this.reports.reformReduction(requestOf(q));
    return this.answer(
      q,
      reply,
      report,
      () =>
        flatTable(
          { vi: 'Cắt giảm thời gian giải quyết', en: 'Reform reduction' },
          report,
          report.rows.map((r) => ({
            key: `${r.procedureCode}@${r.procedureVersion}`,
            label: r.name.vi,
            figures: r,
          })),
        ),
      'reform-reduction',
    );
  }

  @Get('time-savings')
  @apply(
    ...ApiReport(
      'Days saved for citizens',
      'Processing days saved against the statutory due time (positive part and net), trips avoided, travel days saved, optional money figure; the method and parameters are in the answer.',
    ),
  )
  async timeSavings(
    @Query() q: TimeSavingsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const report = await this.reports.timeSavings(timeSavingsRequestOf(q));
    return this.answer(
      q,
      reply,
      report,
      () =>
        flatTable({ vi: 'Thời gian tiết kiệm cho người dân', en: 'Days saved for citizens' }, report, [
          ...report.rows.map((r) => ({ key: r.key, label: r.label.vi ?? r.label.en, figures: r.figures })),
          { key: 'total', label: 'Tổng cộng', figures: report.total },
        ]),
      'time-savings',
    );
  }

  @Get('decision-766')
  @apply(
    ...ApiReport(
      'Decision 766/QĐ-TTg indicators our events support',
      'Share resolved early or on time, average processing time per procedure, online dossier share, services with online dossiers, online payment share, electronic result share, satisfaction; and the indicators that need data the engine does not hold, with the reason.',
    ),
  )
  async decision766(
    @Query() q: ReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const report = await this.reports.decision766(requestOf(q));
    return this.answer(
      q,
      reply,
      report,
      () =>
        flatTable(
          { vi: 'Chỉ số theo Quyết định 766/QĐ-TTg', en: 'Decision 766 indicators' },
          report,
          report.indicators.map((i) => ({
            key: i.code,
            label: i.name.vi,
            figures: { value: i.value, unit: i.unit, method: i.method },
          })),
        ),
      'decision-766',
    );
  }

  @Get('activity')
  @apply(
    ...ApiReport(
      'Supplement rounds, apologies, at-risk alerts and who held the clock',
      'Supplement rounds of dossiers received in the period; apology letters issued and at-risk alerts raised in the period; working days by clock holder (agency steps, partner agency, citizen, payment, other excluded intervals) of dossiers resolved in the period. Time in postal transit is not recorded by any event.',
    ),
  )
  async activity(
    @Query() q: ReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const report = await this.reports.activity(requestOf(q));
    return this.answer(
      q,
      reply,
      report,
      () =>
        flatTable({ vi: 'Bổ sung, xin lỗi, cảnh báo', en: 'Activity' }, report, [
          { key: 'total', label: 'Tổng cộng', figures: report.total },
        ]),
      'activity',
    );
  }

  @Get('series')
  @apply(
    ...ApiReport(
      'A metric by month, quarter or year',
      'Totals of ii06a, processing-time, time-savings or decision-766 for each month, quarter, half-year or year within [from, to]: calendar periods, or with cut=cutoff-15 the official 15th–14th cut-off of Decree 09/2019/NĐ-CP Art. 12.',
    ),
  )
  async series(
    @Query() q: SeriesQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const request: SeriesRequest = {
      ...timeSavingsRequestOf(q, true),
      metric: q.metric,
      bucket: q.bucket ?? 'month',
      cut: q.cut ?? 'calendar',
    };
    const report = await this.reports.series(request);
    return this.answer(
      q,
      reply,
      report,
      () =>
        flatTable(
          { vi: `Chuỗi thời gian ${q.metric}`, en: `Series of ${q.metric}` },
          report,
          report.periods.map((p) => ({ key: p.label, label: `${p.from} – ${p.to}`, figures: p.figures })),
        ),
      `series-${q.metric}`,
    );
  }

  /** JSON as it is, or the table as a CSV / XLSX download with the stamp in headers. */
  private async answer(
    q: ReportQueryDto,
    reply: FastifyReply,
    report: ReportStamp & object,
    table: () => ReportTable,
    name: string,
  ): Promise<unknown> {
    const format = q.format ?? 'json';
    if (format === 'json') return report;
    const built = table();
    const headers = q.headers ?? 'vi';
    const { from, to } = periodDates(q);
    const file = `${name}-${from}-${to}${q.agency === undefined ? '' : `-${q.agency}`}.${format}`;
    void reply.headers({
      ...stampHeaders(built),
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : XLSX,
      'Content-Disposition': `attachment; filename="${file}"`,
    });
    return format === 'csv' ? toCsv(built, headers) : toXlsx(built, headers);
  }
}
