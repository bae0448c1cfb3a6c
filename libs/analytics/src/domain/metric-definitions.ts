// Versioned metric definitions. Every figure the API returns names the definition it was computed by; a
// change of meaning (not of presentation) must bump the version, so a published number can be recomputed
// the way it was computed then.
export const METRIC_DEFINITIONS = {
  ii06a: {
    version: '2',
    summary:
      'II.06a: carried over = received before the period and not ended before it; received by channel and the dossier’s own online level (online full / partial; counter and post dossiers have none); resolved (result issued) early / on time / late against the original committed due instant at the chosen granularity; refused to resolve and withdrawn after receipt, each late when it came after the committed deadline in force then with the clock running; in progress at the period end, overdue when the committed deadline in force then had passed and the clock was running; late split by apology; resolved not collected by the period end. The official form counts refusals and withdrawals among the dossiers dealt with, timed likewise.',
  },
  'processing-time': {
    version: '1',
    summary:
      'Dossiers resolved in the period: working days net of pauses as recorded at resolution, gross = net + paused working days; calendar days from legal receipt to resolution, gross and net of paused intervals. Mean, median and 90th percentile (linear interpolation).',
  },
  'reform-reduction': {
    version: '1',
    summary:
      'Per procedure and version as recorded at receipt: statutory − committed duration (same-day = 1 working day), in days and percent of statutory; actual mean and median net working days of dossiers resolved in the period against both.',
  },
  'time-savings': {
    version: '2',
    summary:
      'Processing days saved against the statutory due instant (positive part and net), trips avoided against an in-person baseline (a trip for each step at the counter: submission, supplement, collection; none by post or online), travel days saved = trips avoided × trip cost (parameter, else procedure cost for the dossier’s agency locality, else procedure default, else agency default, else 1 day), optional money = travel days × hours per day × income per hour.',
  },
  'decision-766': {
    version: '2',
    summary:
      'Decision 766/QĐ-TTg indicators computable from dossier events, each over the decision’s own denominator as the national public-service portal computes it; the others are listed as unsupported.',
  },
  activity: {
    version: '1',
    summary:
      'Supplement rounds of dossiers received in the period, apology letters issued and at-risk alerts raised in the period, working days by who held the clock for dossiers resolved in the period.',
  },
} as const;

export type MetricId = keyof typeof METRIC_DEFINITIONS;

export interface MetricStamp {
  readonly metric: MetricId;
  readonly version: string;
}

export function stampOf(metric: MetricId): MetricStamp {
  return { metric, version: METRIC_DEFINITIONS[metric].version };
}
