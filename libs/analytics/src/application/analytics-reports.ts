// The reports: each one reads the analytics read model (and the registry's and directory's read models for
// names, fields, trip costs and the agency roll-up) in one REPEATABLE READ, READ ONLY transaction, so the
// figures and the watermark they are stamped with come from the same snapshot. Every report carries its
// metric definition and version, the events it was computed from and the parameters it was asked with.
//
// Used by the HTTP API and by the report command alike (a plain class over a DataSource, so the command
// needs no Nest container).
import type { DataSource, QueryRunner } from 'typeorm';
import {
  decision766Indicators,
  DECISION_766_UNSUPPORTED,
  type Indicator,
  type UnsupportedIndicator,
} from '../domain/decision-766';
import type { Ii06aFigures } from '../domain/ii06a';
import { METRIC_DEFINITIONS, type MetricId } from '../domain/metric-definitions';
import { boundsOf, InvalidPeriod, seriesPeriods, type PeriodBounds } from '../domain/periods';
import { durationInDays, reduction, type DurationInDays, type Reduction } from '../domain/reform-reduction';
import { TIME_SAVINGS_METHOD, withMoney, type TimeSavingsFigures } from '../domain/time-savings';
import {
  addIi06a,
  queryActivity,
  queryDecision766Counts,
  queryIi06a,
  queryProcessingTime,
  queryReform,
  queryTimeSavings,
  queryWatermark,
  type ActivityFigures,
  type DistributionRow,
  type ProcessingMeasure,
  type SliceFilters,
  type Watermark,
} from '../infrastructure/analytics-queries';
import { completeIi06a } from '../infrastructure/analytics-queries';
import { agencyScope, currentAgencies, subUnitRollUp, type SubUnitRollUp } from './agency-scope';
import { InvalidReportGrouping, InvalidReportPeriod } from './errors';
import type { ReportRequest, SeriesRequest, TimeSavingsRequest } from './report-request';

export const FACTS_PROJECTION = 'analytics-dossier-facts';

export interface ReportStamp {
  readonly definition: { readonly metric: MetricId; readonly version: string; readonly summary: string };
  readonly computedFrom: Watermark;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly scope: {
    readonly agency: string | null;
    readonly agencyName: { readonly vi: string | null; readonly en: string | null } | null;
    readonly agencies: readonly string[] | null;
  };
}

export interface Row<T> {
  readonly key: string;
  readonly label: { readonly vi: string | null; readonly en: string | null };
  readonly figures: T;
}

export interface Ii06aReport extends ReportStamp {
  readonly report: 'ii06a';
  readonly total: Ii06aFigures;
  readonly rows: readonly Row<Ii06aFigures>[];
}

export type ProcessingFigures = { readonly count: number } & Record<ProcessingMeasure, DistributionRow>;

export interface ProcessingTimeReport extends ReportStamp {
  readonly report: 'processing-time';
  readonly total: ProcessingFigures;
  readonly rows: readonly Row<ProcessingFigures>[];
}

export interface ReformRowView {
  readonly procedureCode: string;
  readonly procedureVersion: number;
  readonly name: { readonly vi: string | null; readonly en: string | null };
  readonly statutory: DurationInDays;
  readonly committed: DurationInDays;
  readonly reform: Reduction;
  readonly resolved: number;
  readonly actualMeanWorkingDays: number | null;
  readonly actualMedianWorkingDays: number | null;
  readonly actualVsStatutory: Reduction;
  readonly actualVsCommitted: Reduction;
}

export interface ReformReductionReport extends ReportStamp {
  readonly report: 'reform-reduction';
  readonly rows: readonly ReformRowView[];
}

export interface TimeSavingsReport extends ReportStamp {
  readonly report: 'time-savings';
  readonly method: typeof TIME_SAVINGS_METHOD;
  readonly total: TimeSavingsFigures;
  readonly rows: readonly Row<TimeSavingsFigures>[];
}

export interface Decision766Report extends ReportStamp {
  readonly report: 'decision-766';
  readonly indicators: readonly Indicator[];
  readonly unsupported: readonly UnsupportedIndicator[];
}

export interface ActivityReport extends ReportStamp {
  readonly report: 'activity';
  readonly total: ActivityFigures;
}

export interface SummaryReport {
  readonly report: 'summary';
  readonly ii06a: Ii06aReport;
  readonly processingTime: ProcessingTimeReport;
  readonly reformReduction: ReformReductionReport;
  readonly timeSavings: TimeSavingsReport;
  readonly decision766: Decision766Report;
  readonly activity: ActivityReport;
}

export interface SeriesReport extends Omit<ReportStamp, 'definition'> {
  readonly report: 'series';
  readonly definition: ReportStamp['definition'];
  readonly bucket: string;
  readonly cut: string;
  readonly periods: readonly {
    readonly label: string;
    readonly from: string;
    readonly to: string;
    readonly figures: unknown;
  }[];
}

/** Everything a report reads, resolved once per request inside the snapshot. */
interface Context {
  readonly runner: QueryRunner;
  readonly bounds: PeriodBounds;
  readonly filters: SliceFilters;
  readonly base: Omit<ReportStamp, 'definition'>;
  /** With groupBy=sub-unit: the unit's rows and their labels. */
  readonly subUnits?: SubUnitRollUp;
}

const definitionOf = (metric: MetricId) => ({
  metric,
  version: METRIC_DEFINITIONS[metric].version,
  summary: METRIC_DEFINITIONS[metric].summary,
});

function parametersOf(request: ReportRequest | TimeSavingsRequest): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(request)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** The sub-units' rows in code order, then the unit's own row. */
function ownRowLast<T extends { readonly key: string }>(rows: T[], subUnits: SubUnitRollUp | undefined): T[] {
  if (subUnits === undefined) return rows;
  return [...rows.filter((r) => r.key !== subUnits.own), ...rows.filter((r) => r.key === subUnits.own)];
}

export class AnalyticsReports {
  constructor(private readonly db: DataSource) {}

  ii06a(request: ReportRequest): Promise<Ii06aReport> {
    return this.inSnapshot(request, (c) => this.ii06aIn(c, request));
  }

  processingTime(request: ReportRequest): Promise<ProcessingTimeReport> {
    return this.inSnapshot(request, (c) => this.processingTimeIn(c, request));
  }

  reformReduction(request: ReportRequest): Promise<ReformReductionReport> {
    return this.inSnapshot(request, (c) => this.reformIn(c));
  }

  timeSavings(request: TimeSavingsRequest): Promise<TimeSavingsReport> {
    return this.inSnapshot(request, (c) => this.timeSavingsIn(c, request));
  }

  decision766(request: ReportRequest): Promise<Decision766Report> {
    return this.inSnapshot(request, (c) => this.decision766In(c, request));
  }

  activity(request: ReportRequest): Promise<ActivityReport> {
    return this.inSnapshot(request, (c) => this.activityIn(c));
  }

  /** Every report for one period and slice, from one snapshot (the report command prints it). */
  summary(request: TimeSavingsRequest): Promise<SummaryReport> {
    return this.inSnapshot(request, async (c) => ({
      report: 'summary',
      ii06a: await this.ii06aIn(c, request),
      processingTime: await this.processingTimeIn(c, request),
      reformReduction: await this.reformIn(c),
      timeSavings: await this.timeSavingsIn(c, request),
      decision766: await this.decision766In(c, request),
      activity: await this.activityIn(c),
    }));
  }

  /** One metric for each month / quarter / year of the period (totals only). */
  series(request: SeriesRequest): Promise<SeriesReport> {
    let periods: ReturnType<typeof seriesPeriods>;
    try {
      periods = seriesPeriods({ from: request.from, to: request.to }, request.bucket, request.cut);
    } catch (error) {
      if (error instanceof InvalidPeriod) throw new InvalidReportPeriod(error.message);
      throw error;
    }
    const whole: TimeSavingsRequest = { ...request, groupBy: 'none' };
    return this.inSnapshot(whole, async (c) => {
      const out = [];
      for (const period of periods) {
        const sub: Context = { ...c, bounds: boundsOf(period) };
        const asked = { ...whole, from: period.from, to: period.to };
        const figures =
          request.metric === 'ii06a'
            ? (await this.ii06aIn(sub, asked)).total
            : request.metric === 'processing-time'
              ? (await this.processingTimeIn(sub, asked)).total
              : request.metric === 'time-savings'
                ? (await this.timeSavingsIn(sub, asked)).total
                : (await this.decision766In(sub, asked)).indicators;
        out.push({ label: period.label, from: period.from, to: period.to, figures });
      }
      return {
        report: 'series',
        ...c.base,
        parameters: parametersOf(request),
        definition: definitionOf(request.metric),
        bucket: request.bucket,
        cut: request.cut,
        periods: out,
      };
    });
  }

  private async inSnapshot<T>(request: ReportRequest, work: (context: Context) => Promise<T>): Promise<T> {
    let bounds: PeriodBounds;
    try {
      bounds = boundsOf({ from: request.from, to: request.to });
    } catch (error) {
      if (error instanceof InvalidPeriod) throw new InvalidReportPeriod(error.message);
      throw error;
    }
    if (request.groupBy === 'sub-unit' && request.agency === undefined) {
      throw new InvalidReportGrouping(
        'groupBy=sub-unit needs an agency: the unit whose sub-units make the rows',
      );
    }
    const runner = this.db.createQueryRunner();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      const computedFrom = await queryWatermark(runner, FACTS_PROJECTION);
      const scope = request.agency === undefined ? undefined : await agencyScope(runner, request.agency);
      const current =
        request.groupBy === 'agency'
          ? new Map([...(await currentAgencies(runner))].map(([code, today]) => [code, today.code]))
          : undefined;
      // The sub-units valid on the period's last day, and the unit's own row.
      const subUnits =
        request.groupBy === 'sub-unit' && scope !== undefined
          ? await subUnitRollUp(runner, scope, request.to)
          : undefined;
      const filters: SliceFilters = {
        ...(scope === undefined ? {} : { agencies: scope.codes }),
        ...(request.procedure === undefined ? {} : { procedure: request.procedure }),
        ...(request.version === undefined ? {} : { version: request.version }),
        ...(request.field === undefined ? {} : { field: request.field }),
        ...(request.channel === undefined ? {} : { channel: request.channel }),
        ...(request.onlineLevel === undefined ? {} : { onlineLevel: request.onlineLevel }),
        ...(current === undefined ? {} : { currentAgency: current }),
        ...(subUnits === undefined ? {} : { subUnits }),
      };
      const base: Omit<ReportStamp, 'definition'> = {
        computedFrom,
        parameters: parametersOf(request),
        scope: {
          agency: scope?.code ?? null,
          agencyName: scope === undefined ? null : { vi: scope.nameVi, en: scope.nameEn },
          agencies: scope?.codes ?? null,
        },
      };
      const result = await work({
        runner,
        bounds,
        filters,
        base,
        ...(subUnits === undefined ? {} : { subUnits }),
      });
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async labels(
    c: Context,
    keys: readonly { key: string; vi: string | null; en: string | null }[],
    request: ReportRequest,
  ) {
    if (request.groupBy === 'sub-unit') {
      return keys.map((k) => c.subUnits?.labels.get(k.key) ?? { vi: null, en: null });
    }
    if (request.groupBy !== 'agency') return keys.map((k) => ({ vi: k.vi, en: k.en }));
    const directory = await currentAgencies(c.runner);
    return keys.map((k) => {
      const agency = directory.get(k.key);
      return { vi: agency?.nameVi ?? null, en: agency?.nameEn ?? null };
    });
  }

  private async ii06aIn(c: Context, request: ReportRequest): Promise<Ii06aReport> {
    const groups = ownRowLast(
      await queryIi06a(c.runner, c.bounds, c.filters, request.groupBy, request.granularity),
      c.subUnits,
    );
    const labels = await this.labels(c, groups, request);
    const total = groups.reduce((sum, g) => addIi06a(sum, g.figures), completeIi06a({}));
    return {
      report: 'ii06a',
      definition: definitionOf('ii06a'),
      ...c.base,
      total,
      rows:
        request.groupBy === 'none'
          ? []
          : groups.map((g, i) => ({ key: g.key, label: labels[i], figures: g.figures })),
    };
  }

  private async processingTimeIn(c: Context, request: ReportRequest): Promise<ProcessingTimeReport> {
    const [whole] = await queryProcessingTime(c.runner, c.bounds, c.filters, 'none');
    const empty: DistributionRow = { count: 0, mean: null, median: null, p90: null };
    const total: ProcessingFigures =
      whole === undefined
        ? { count: 0, workingNet: empty, workingGross: empty, calendarGross: empty, calendarNet: empty }
        : { count: whole.count, ...whole.measures };
    const groups =
      request.groupBy === 'none'
        ? []
        : ownRowLast(await queryProcessingTime(c.runner, c.bounds, c.filters, request.groupBy), c.subUnits);
    const labels = await this.labels(c, groups, request);
    return {
      report: 'processing-time',
      definition: definitionOf('processing-time'),
      ...c.base,
      total,
      rows: groups.map((g, i) => ({
        key: g.key,
        label: labels[i],
        figures: { count: g.count, ...g.measures },
      })),
    };
  }

  private async reformIn(c: Context): Promise<ReformReductionReport> {
    const rows = await queryReform(c.runner, c.bounds, c.filters);
    const asDays = (d: { value: number; unit: string }): DurationInDays =>
      durationInDays(
        d.unit === 'same-day'
          ? { unit: 'same-day' }
          : { unit: d.unit === 'calendar-days' ? 'calendar-days' : 'working-days', value: d.value },
      );
    return {
      report: 'reform-reduction',
      definition: definitionOf('reform-reduction'),
      ...c.base,
      rows: rows.map((row) => {
        const statutory = asDays(row.statutory);
        const committed = asDays(row.committed);
        return {
          procedureCode: row.procedureCode,
          procedureVersion: row.procedureVersion,
          name: { vi: row.nameVi, en: row.nameEn },
          statutory,
          committed,
          reform: reduction(statutory, committed),
          resolved: row.resolved,
          actualMeanWorkingDays: row.actualMean,
          actualMedianWorkingDays: row.actualMedian,
          actualVsStatutory: reduction(statutory, row.actualMean),
          actualVsCommitted: reduction(committed, row.actualMean),
        };
      }),
    };
  }

  private async timeSavingsIn(c: Context, request: TimeSavingsRequest): Promise<TimeSavingsReport> {
    const figuresOf = (
      row: Awaited<ReturnType<typeof queryTimeSavings>>[number] | undefined,
    ): TimeSavingsFigures =>
      withMoney(
        {
          resolved: row?.resolved ?? 0,
          processingDaysSavedPositive: row?.processingDaysSavedPositive ?? 0,
          processingDaysSavedNet: row?.processingDaysSavedNet ?? 0,
          tripsBaseline: row?.tripsBaseline ?? 0,
          tripsActual: row?.tripsActual ?? 0,
          tripsAvoided: (row?.tripsBaseline ?? 0) - (row?.tripsActual ?? 0),
          travelDaysSaved: row?.travelDaysSaved ?? 0,
          money: null,
        },
        request,
      );
    const [whole] = await queryTimeSavings(c.runner, c.bounds, c.filters, 'none', request.tripCostDays);
    const groups =
      request.groupBy === 'none'
        ? []
        : ownRowLast(
            await queryTimeSavings(c.runner, c.bounds, c.filters, request.groupBy, request.tripCostDays),
            c.subUnits,
          );
    const labels = await this.labels(c, groups, request);
    return {
      report: 'time-savings',
      definition: definitionOf('time-savings'),
      ...c.base,
      method: TIME_SAVINGS_METHOD,
      total: figuresOf(whole),
      rows: groups.map((g, i) => ({ key: g.key, label: labels[i], figures: figuresOf(g) })),
    };
  }

  private async decision766In(c: Context, request: ReportRequest): Promise<Decision766Report> {
    const [ii06a] = await queryIi06a(c.runner, c.bounds, c.filters, 'none', request.granularity);
    const byProcedure = await queryProcessingTime(c.runner, c.bounds, c.filters, 'procedure', 'received');
    const counts = await queryDecision766Counts(c.runner, c.bounds, c.filters);
    return {
      report: 'decision-766',
      definition: definitionOf('decision-766'),
      ...c.base,
      indicators: decision766Indicators({
        ii06a: ii06a?.figures ?? completeIi06a({}),
        meanWorkingDaysByProcedure: byProcedure.map((g) => ({
          procedureCode: g.key,
          mean: g.measures.workingNet.mean,
          resolved: g.count,
        })),
        ...counts,
      }),
      unsupported: DECISION_766_UNSUPPORTED,
    };
  }

  private async activityIn(c: Context): Promise<ActivityReport> {
    return {
      report: 'activity',
      definition: definitionOf('activity'),
      ...c.base,
      total: await queryActivity(c.runner, c.bounds, c.filters),
    };
  }
}
