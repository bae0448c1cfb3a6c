/**
 * Analytics: the agencies' official statistics (II.06a), processing times, reform reductions, days saved for
 * citizens and Decision 766 indicators, computed from the dossier events into a rebuildable read model and
 * served under /v1/analytics (JSON, CSV, XLSX) and by `npm run report`.
 */
export * from './domain';
export { AnalyticsModule } from './analytics.module';
export { AnalyticsFacts1763780000900 } from './infrastructure/migrations/1763780000900-analytics-facts';
export { AnalyticsDailyCounts1763780000910 } from './infrastructure/migrations/1763780000910-analytics-daily-counts';
export { AnalyticsDailySavings1763780004000 } from './infrastructure/migrations/1763780004000-analytics-daily-savings';
export { AnalyticsAwaitingCollection1763780004100 } from './infrastructure/migrations/1763780004100-analytics-awaiting-collection';
export { AnalyticsApplicantLocality1763780006000 } from './infrastructure/migrations/1763780006000-analytics-applicant-locality';
export { DossierFactsProjection } from './infrastructure/projections/dossier-facts.projection';
export {
  AnalyticsReports,
  type Ii06aReport,
  type SummaryReport,
  type ReportStamp,
} from './application/analytics-reports';
export {
  summaryRequestOf,
  type ReportRequest,
  type SummaryOptions,
  type TimeSavingsRequest,
} from './application/report-request';
export { GROUPINGS, type Grouping } from './infrastructure/analytics-queries';
export { rowLabel } from './application/report-tables';
export { renderSummaryText, reportSummary, type SummaryTextOptions } from './application/report-text';
