// What one dossier adds to the daily II.06a counts: +1 "received" on its local receipt day, and +1 "ended"
// plus its outcome (and timeliness at both granularities) on the local day it ended; a resolved dossier also
// adds its days saved and trips (time-savings.ts) on that day, so the time-savings report sums days, not
// dossiers. The projection keeps the counts by applying the difference between a dossier's contributions
// before and after each event, so the counts always equal a recount of the facts (an integration test
// checks it).
import type { DossierFacts } from './dossier-facts';
import { localDateOf, type LocalDate } from './periods';
import { tripsOf } from './time-savings';

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
  // Time savings of the dossiers resolved that day: how many, the working days saved before the statutory
  // due time (positive part and net, 4 decimals like the events), the trips of the in-person baseline and
  // the actual ones.
  'resolved',
  'saved_positive',
  'saved_net',
  'trips_baseline',
  'trips_actual',
] as const;
export type DailyCountColumn = (typeof DAILY_COUNT_COLUMNS)[number];
/** Columns holding decimal sums (numeric in SQL); the others are whole counts. */
export const DAILY_DECIMAL_COLUMNS: ReadonlySet<DailyCountColumn> = new Set(['saved_positive', 'saved_net']);

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

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
  const add = (column: DailyCountColumn, delta = 1) => {
    if (delta !== 0) out.push({ day, column, delta });
  };
  add('ended');
  if (facts.outcome === 'refused') add('refused');
  if (facts.outcome === 'withdrawn') add('withdrawn');
  const r = facts.resolution;
  if (facts.outcome === 'resolved' && r !== undefined) {
    add(`${TIMELINESS_COLUMN[r.timelinessDay]}_day`);
    add(`${TIMELINESS_COLUMN[r.timelinessMinute]}_minute`);
    if (r.apologised && r.timelinessDay === 'late') add('late_apologised_day');
    if (r.apologised && r.timelinessMinute === 'late') add('late_apologised_minute');
    const trips = tripsOf(facts);
    add('resolved');
    add('saved_positive', Math.max(0, r.workingDaysBeforeStatutoryDue));
    add('saved_net', r.workingDaysBeforeStatutoryDue);
    add('trips_baseline', trips.baseline);
    add('trips_actual', trips.actual);
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
    // Rounded: the decimal columns carry 4 decimals, and -x + y must not leave a binary remainder.
    const delta = round4((totals.get(key)?.delta ?? 0) + sign * c.delta);
    totals.set(key, { day: c.day, column: c.column, delta });
  };
  for (const c of dailyContributions(before)) add(c, -1);
  for (const c of dailyContributions(after)) add(c, +1);
  return [...totals.values()]
    .filter((c) => c.delta !== 0)
    .sort((a, b) => (a.day + a.column).localeCompare(b.day + b.column));
}
