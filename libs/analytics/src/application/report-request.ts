// What a report is asked for: a period of local dates, a slice, and the presentation choices that change
// figures (granularity, grouping, the days-saved parameters). The API's DTOs and the CLI both build it.
import type { TimelinessGranularity } from '../domain/dossier-event-types';
import type { PeriodCut, SeriesBucket } from '../domain/periods';
import type { Grouping } from '../infrastructure/analytics-queries';

export interface ReportRequest {
  readonly from: string;
  readonly to: string;
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
