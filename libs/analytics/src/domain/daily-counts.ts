// What one dossier adds to the daily II.06a counts: +1 "received" on its local receipt day, and +1 "ended"
// plus its outcome (and timeliness at both granularities) on the local day it ended. The projection keeps
// the counts by applying the difference between a dossier's contributions before and after each event, so
// the counts always equal a recount of the facts (an integration test checks it).
import type { DossierFacts } from './dossier-facts';
import { localDateOf, type LocalDate } from './periods';

export const DAILY_COUNT_COLUMNS = [
  'received',
  'ended',
  'early_day',
  'on_time_day',
  'late_day',
  'late_apologised_day',
  'early_minute',
  'on_time_minute',
  'late_minute',
  'late_apologised_minute',
  'refused',
  'withdrawn',
] as const;
export type DailyCountColumn = (typeof DAILY_COUNT_COLUMNS)[number];

export interface DailyContribution {
  readonly day: LocalDate;
  readonly column: DailyCountColumn;
  readonly delta: number;
}

const TIMELINESS_COLUMN = { early: 'early', 'on-time': 'on_time', late: 'late' } as const;

export function dailyContributions(facts: DossierFacts | undefined): DailyContribution[] {
  if (facts?.receivedAt === undefined) return [];
  const out: DailyContribution[] = [
    { day: localDateOf(Date.parse(facts.receivedAt)), column: 'received', delta: 1 },
  ];
  if (facts.endedAt === undefined || facts.outcome === undefined) return out;
  const day = localDateOf(Date.parse(facts.endedAt));
  const add = (column: DailyCountColumn) => out.push({ day, column, delta: 1 });
  add('ended');
  if (facts.outcome === 'refused') add('refused');
  if (facts.outcome === 'withdrawn') add('withdrawn');
  const r = facts.resolution;
  if (facts.outcome === 'resolved' && r !== undefined) {
    add(`${TIMELINESS_COLUMN[r.timelinessDay]}_day`);
    add(`${TIMELINESS_COLUMN[r.timelinessMinute]}_minute`);
    if (r.apologised && r.timelinessDay === 'late') add('late_apologised_day');
    if (r.apologised && r.timelinessMinute === 'late') add('late_apologised_minute');
  }
  return out;
}

/** after − before, per (day, column), leaving out what did not change. */
export function contributionChanges(
  before: DossierFacts | undefined,
  after: DossierFacts | undefined,
): DailyContribution[] {
  const totals = new Map<string, DailyContribution>();
  const add = (c: DailyContribution, sign: number) => {
    const key = `${c.day}|${c.column}`;
    const delta = (totals.get(key)?.delta ?? 0) + sign * c.delta;
    totals.set(key, { day: c.day, column: c.column, delta });
  };
  for (const c of dailyContributions(before)) add(c, -1);
  for (const c of dailyContributions(after)) add(c, +1);
  return [...totals.values()]
    .filter((c) => c.delta !== 0)
    .sort((a, b) => (a.day + a.column).localeCompare(b.day + b.column));
}
