// What a report is asked for: a period of local dates, a slice, and the presentation choices that change
// figures (granularity, grouping, the days-saved parameters). The API's DTOs and the CLI both build it.
import type { TimelinessGranularity } from '../domain/dossier-event-types';
import { InvalidPeriod, periodOfLabel, type PeriodCut, type SeriesBucket } from '../domain/periods';
import type { Grouping } from '../infrastructure/analytics-queries';
import { InvalidReportPeriod } from './errors';

export interface ReportRequest {
  readonly from: string;
  readonly to: string;
  /** The reporting period named instead of from / to (2025-03, 2025-Q1, 2025-H1, 2025), stamped as asked. */
  readonly period?: string;
  /** How `period` (and a series' buckets) are cut: the official 15th–14th cut-off, or calendar periods. */
  readonly cut?: PeriodCut;
  readonly agency?: string;
  readonly procedure?: string;
  readonly version?: number;
  readonly field?: string;
  readonly channel?: 'counter' | 'post' | 'online';
  readonly onlineLevel?: 'full' | 'partial' | 'none';
  readonly granularity: TimelinessGranularity;
  readonly groupBy: Grouping;
}

export interface TimeSavingsRequest extends ReportRequest {
  readonly tripCostDays?: number;
  readonly hoursPerWorkingDay: number;
  readonly incomePerHour?: number;
}

export const SERIES_METRICS = ['ii06a', 'processing-time', 'time-savings', 'decision-766'] as const;
export type SeriesMetric = (typeof SERIES_METRICS)[number];

export interface SeriesRequest extends TimeSavingsRequest {
  readonly metric: SeriesMetric;
  readonly bucket: SeriesBucket;
  readonly cut: PeriodCut;
}

/**
 * The local dates of a report: `from` and `to` as given, or those of the named `period` under `cut` (default
 * calendar; `cutoff-15` is the official cut-off of Decree 09/2019/NĐ-CP Art. 12, domain/periods.ts).
 * @throws InvalidReportPeriod when both or neither are given, or the label names no period.
 */
export function periodDates(asked: {
  readonly from?: string;
  readonly to?: string;
  readonly period?: string;
  readonly cut?: PeriodCut;
}): { from: string; to: string; period?: string; cut?: PeriodCut } {
  if (asked.period === undefined) {
    if (asked.from === undefined || asked.to === undefined) {
      throw new InvalidReportPeriod('give the period: from and to, or period (with cut)');
    }
    return { from: asked.from, to: asked.to, ...(asked.cut === undefined ? {} : { cut: asked.cut }) };
  }
  if (asked.from !== undefined || asked.to !== undefined) {
    throw new InvalidReportPeriod('give either period or from and to, not both');
  }
  const cut = asked.cut ?? 'calendar';
  try {
    const { from, to } = periodOfLabel(asked.period, cut);
    return { from, to, period: asked.period, cut };
  } catch (error) {
    if (error instanceof InvalidPeriod) throw new InvalidReportPeriod(error.message);
    throw error;
  }
}

/** What the report command is asked for (`npm run report`, and `npm run simulate` over the simulated year). */
export interface SummaryOptions {
  readonly from?: string;
  readonly to?: string;
  readonly period?: string;
  readonly cut?: PeriodCut;
  readonly agency?: string;
  readonly procedure?: string;
  readonly granularity?: TimelinessGranularity;
  readonly groupBy?: Grouping;
  readonly tripCostDays?: number;
  readonly incomePerHour?: number;
}

/** The summary request both commands send, with the report command's defaults (rows per field, by day). */
export function summaryRequestOf(options: SummaryOptions): TimeSavingsRequest {
  return {
    ...periodDates(options),
    ...(options.agency === undefined ? {} : { agency: options.agency }),
    ...(options.procedure === undefined ? {} : { procedure: options.procedure }),
    granularity: options.granularity ?? 'day',
    groupBy: options.groupBy ?? 'field',
    ...(options.tripCostDays === undefined ? {} : { tripCostDays: options.tripCostDays }),
    hoursPerWorkingDay: 8,
    ...(options.incomePerHour === undefined ? {} : { incomePerHour: options.incomePerHour }),
  };
}
