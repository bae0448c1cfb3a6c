// Report form II.06a (docs/domain/statistics-ii06a.md) for one period and one slice of dossiers, as a pure classification of each
// dossier's facts. The SQL aggregation in infrastructure/analytics-queries.ts counts the same buckets over
// the read model; an integration test checks that both agree on the same facts.
//
// For a period [S, E):
// - carried over: received before S and not ended before S;
// - received: received in [S, E) (refused at receipt is never received), by channel and online level;
// - resolved / refused / withdrawn: the first terminal event after receipt falls in [S, E); resolved splits
//   early / on time / late against the original committed due instant at day (default) or minute granularity;
// - in progress: received before E and not ended before E; overdue when the committed deadline in force at
//   E has passed and the clock was running at E (a dossier whose clock is stopped, waiting for the citizen
//   or in an excluded interval, is not overdue: its deadline moves when the clock runs again).
// - refused / withdrawn late: the refusal or withdrawal came after the committed deadline in force then, with
//   the clock running (the official form counts them among the dossiers dealt with, timed like results:
//   report-tables.ts, docs/domain/statistics-ii06a.md).
// Each dossier counted at the start (carried over or received) is counted once at the end (resolved,
// refused, withdrawn or in progress), so carried over + received = resolved + refused + withdrawn +
// in progress holds exactly.
import {
  deadlineAt,
  pauseAt,
  sheltersFromOverdue,
  type DossierFacts,
  type FactsPause,
} from './dossier-facts';
import { compareTimeliness, type Timeliness, type TimelinessGranularity } from './dossier-event-types';
import type { PeriodBounds } from './periods';

export type ReceivedAs = 'online-full' | 'online-partial' | 'counter' | 'post';

export interface Ii06aClassification {
  readonly counted: boolean;
  readonly carriedOver: boolean;
  readonly received?: ReceivedAs;
  readonly resolved?: {
    readonly timeliness: Timeliness;
    readonly apologised: boolean;
    readonly collected: boolean;
  };
  readonly refused: boolean;
  readonly withdrawn: boolean;
  /** A refusal or withdrawal in the period that came after the deadline in force, the clock running. */
  readonly endedLate: boolean;
  readonly inProgress?: 'not-yet-due' | 'overdue';
  readonly waitingForCitizen: boolean;
}

export interface Ii06aFigures {
  carriedOver: number;
  received: number;
  receivedOnline: number;
  receivedOnlineFull: number;
  receivedOnlinePartial: number;
  receivedCounterAndPost: number;
  receivedCounter: number;
  receivedPost: number;
  /** carried over + received: the official "total to resolve". */
  toResolve: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  lateWithApology: number;
  lateWithoutApology: number;
  resolvedNotCollected: number;
  refused: number;
  withdrawn: number;
  /** Of the refused: refused after the committed deadline in force then, the clock running. */
  refusedLate: number;
  /** Of the withdrawn: withdrawn after the committed deadline in force then, the clock running. */
  withdrawnLate: number;
  inProgress: number;
  inProgressNotYetDue: number;
  inProgressOverdue: number;
  /** Part of "not yet due": the clock stands still waiting for the citizen's supplement. */
  inProgressWaitingForCitizen: number;
}

export const II06A_FIGURES: readonly (keyof Ii06aFigures)[] = [
  'carriedOver',
  'received',
  'receivedOnline',
  'receivedOnlineFull',
  'receivedOnlinePartial',
  'receivedCounterAndPost',
  'receivedCounter',
  'receivedPost',
  'toResolve',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'lateWithApology',
  'lateWithoutApology',
  'resolvedNotCollected',
  'refused',
  'withdrawn',
  'refusedLate',
  'withdrawnLate',
  'inProgress',
  'inProgressNotYetDue',
  'inProgressOverdue',
  'inProgressWaitingForCitizen',
];

export function emptyIi06a(): Ii06aFigures {
  return Object.fromEntries(II06A_FIGURES.map((k) => [k, 0])) as unknown as Ii06aFigures;
}

const ms = (instant: string) => Date.parse(instant);

export function classifyIi06a(
  facts: DossierFacts,
  { startMs, endMs }: PeriodBounds,
  granularity: TimelinessGranularity = 'day',
): Ii06aClassification {
  const none: Ii06aClassification = {
    counted: false,
    carriedOver: false,
    refused: false,
    withdrawn: false,
    endedLate: false,
    waitingForCitizen: false,
  };
  if (facts.receivedAt === undefined) return none;
  const received = ms(facts.receivedAt);
  const ended = facts.endedAt === undefined ? Number.POSITIVE_INFINITY : ms(facts.endedAt);
  if (received >= endMs || ended < startMs) return none;
  const carriedOver = received < startMs;
  const receivedAs: ReceivedAs | undefined = carriedOver
    ? undefined
    : facts.channel === 'online'
      ? facts.onlineLevel === 'full'
        ? 'online-full'
        : 'online-partial'
      : facts.channel;
  const endsInPeriod = ended < endMs;
  const resolution = facts.resolution;
  const resolved =
    endsInPeriod && facts.outcome === 'resolved' && resolution !== undefined
      ? {
          timeliness: granularity === 'day' ? resolution.timelinessDay : resolution.timelinessMinute,
          apologised: resolution.apologised,
          collected: facts.returnedAt !== undefined && ms(facts.returnedAt) < endMs,
        }
      : undefined;
  const endedOtherwise = endsInPeriod && (facts.outcome === 'refused' || facts.outcome === 'withdrawn');
  // A refusal recorded with its timeliness (facts.refusal) is timed so; a withdrawal, or a refusal recorded
  // before that rule, against the deadline in force when it came, unless the clock stood still then.
  const refusal = facts.outcome === 'refused' ? facts.refusal : undefined;
  const dueAtEnd = endedOtherwise ? deadlineAt(facts, ended) : undefined;
  const endedLate =
    endedOtherwise &&
    (refusal !== undefined
      ? (granularity === 'day' ? refusal.timelinessDay : refusal.timelinessMinute) === 'late'
      : dueAtEnd !== undefined &&
        !isSheltered(pauseAt(facts, ended)) &&
        compareTimeliness(new Date(ended), new Date(dueAtEnd), granularity) === 'late');
  let inProgress: Ii06aClassification['inProgress'];
  let waitingForCitizen = false;
  if (!endsInPeriod) {
    const pause = pauseAt(facts, endMs);
    const due = deadlineAt(facts, endMs);
    waitingForCitizen = pause?.kind === 'supplement';
    // A dossier waiting for the citizen is not overdue, unless it already was when the clock stopped.
    inProgress = !isSheltered(pause) && due !== undefined && ms(due) < endMs ? 'overdue' : 'not-yet-due';
  }
  return {
    counted: true,
    carriedOver,
    ...(receivedAs === undefined ? {} : { received: receivedAs }),
    ...(resolved === undefined ? {} : { resolved }),
    refused: endsInPeriod && facts.outcome === 'refused',
    withdrawn: endsInPeriod && facts.outcome === 'withdrawn',
    endedLate,
    ...(inProgress === undefined ? {} : { inProgress }),
    waitingForCitizen,
  };
}

/** Adds one classified dossier to the figures (mutates and returns them). */
export function countIi06a(figures: Ii06aFigures, c: Ii06aClassification): Ii06aFigures {
  if (!c.counted) return figures;
  if (c.carriedOver) figures.carriedOver++;
  if (c.received !== undefined) {
    figures.received++;
    if (c.received === 'online-full') figures.receivedOnlineFull++;
    if (c.received === 'online-partial') figures.receivedOnlinePartial++;
    if (c.received === 'counter') figures.receivedCounter++;
    if (c.received === 'post') figures.receivedPost++;
  }
  figures.receivedOnline = figures.receivedOnlineFull + figures.receivedOnlinePartial;
  figures.receivedCounterAndPost = figures.receivedCounter + figures.receivedPost;
  figures.toResolve = figures.carriedOver + figures.received;
  if (c.resolved !== undefined) {
    figures.resolved++;
    if (c.resolved.timeliness === 'early') figures.resolvedEarly++;
    if (c.resolved.timeliness === 'on-time') figures.resolvedOnTime++;
    if (c.resolved.timeliness === 'late') {
      figures.resolvedLate++;
      if (c.resolved.apologised) figures.lateWithApology++;
      else figures.lateWithoutApology++;
    }
    if (!c.resolved.collected) figures.resolvedNotCollected++;
  }
  if (c.refused) figures.refused++;
  if (c.withdrawn) figures.withdrawn++;
  if (c.refused && c.endedLate) figures.refusedLate++;
  if (c.withdrawn && c.endedLate) figures.withdrawnLate++;
  if (c.inProgress !== undefined) {
    figures.inProgress++;
    if (c.inProgress === 'overdue') figures.inProgressOverdue++;
    else figures.inProgressNotYetDue++;
    if (c.waitingForCitizen) figures.inProgressWaitingForCitizen++;
  }
  return figures;
}

/** II.06a over a set of dossiers' facts: the reference the SQL aggregation is tested against. */
export function summariseIi06a(
  facts: readonly DossierFacts[],
  bounds: PeriodBounds,
  granularity: TimelinessGranularity = 'day',
): Ii06aFigures {
  return facts.reduce(
    (figures, f) => countIi06a(figures, classifyIi06a(f, bounds, granularity)),
    emptyIi06a(),
  );
}

/** The identity of docs/domain/statistics-ii06a.md; the difference (0 when it holds). */
export function identityGap(f: Ii06aFigures): number {
  return f.carriedOver + f.received - (f.resolved + f.refused + f.withdrawn + f.inProgress);
}

function isSheltered(pause: FactsPause | undefined): boolean {
  return pause !== undefined && sheltersFromOverdue(pause);
}
