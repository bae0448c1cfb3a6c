// Days saved for citizens (docs/domain/time-savings.md). No official formula exists for days, so every figure carries the
// method below and the parameters it was computed with.
//
// - Processing days saved, per resolved dossier: the statutory due instant minus the resolution, in working
//   days (ResultIssued.workingDaysBeforeStatutoryDue, negative when late); reported as the sum of the positive
//   parts and as the net sum.
// - Trips: the in-person baseline is 2 (submit, collect) plus 1 per supplement round. Actual trips follow the
//   channel of every step, from the events: 1 for a submission at the counter (online and public-postal
//   submissions need no trip to the office), 1 per supplement handed in at the counter (supplements by post or
//   online need none), and 1 to collect the result unless it was returned by post or online, or, not returned
//   yet, issued electronically. Online payment removes no further trip in this method: an in-person citizen
//   pays during a trip already counted, and the events do not tell whether a fee was due at all.
// - Travel days saved = trips avoided × the dossier's trip cost in days (tripCostDaysOf below): the caller's
//   `tripCostDays` when given, else the procedure version's `tripCost.byLocality` for the locality, else its
//   `tripCost.defaultDays`, else the agency's default trip cost, else 1 day. The locality is the applicant's
//   commune when the submission gave its unit code (`applicantLocality`), else the dossier's agency stands
//   for it (the address itself is free text inside the sealed applicant).
//   docs/domain/time-savings.md.
// - Optional money figure (Circular 02/2017/TT-VPCP Art. 27: time × income per hour): travel days saved ×
//   working hours per day × the income per hour the caller gives. Fees are not saved by going online in this
//   method and are left out.
import type { DossierFacts } from './dossier-facts';

export const TIME_SAVINGS_METHOD = {
  processingDaysSaved:
    'Σ over dossiers resolved in the period of (statutory due − resolution) in working days; positive part and net.',
  trips:
    'baseline = 2 + supplement rounds; actual = counter submission + supplements handed in at the counter (none by post or online) + collection at the counter (none when returned by post / online, or not yet returned and issued electronically); avoided = baseline − actual.',
  travelDaysSaved:
    'Σ trips avoided × trip cost in days; the trip cost of a dossier is the tripCostDays parameter when given, ' +
    'else the procedure version’s cost for the locality (the applicant’s commune when the submission gave ' +
    'its unit code, else the dossier’s agency), else the procedure version’s default cost, else the agency’s default, ' +
    'else 1 day.',
  money:
    'travel days saved × hoursPerWorkingDay × incomePerHour (Circular 02/2017/TT-VPCP Art. 27), when incomePerHour is given.',
} as const;

export interface Trips {
  readonly baseline: number;
  readonly actual: number;
}

export function tripsOf(facts: DossierFacts): Trips {
  const baseline = 2 + facts.supplementRounds;
  const submission = facts.channel === 'counter' ? 1 : 0;
  const collection =
    facts.returnMethod !== undefined
      ? facts.returnMethod === 'counter'
        ? 1
        : 0
      : facts.resolution?.electronic === true
        ? 0
        : 1;
  return { baseline, actual: submission + facts.inPersonSupplements + collection };
}

/** Where a dossier's trip cost can come from (the registry's procedure version, the agency directory). */
export interface TripCostSources {
  /** The procedure version's `tripCost`, when the registry holds the version. */
  readonly procedure?: {
    readonly defaultDays: number;
    readonly byLocality?: Readonly<Record<string, number>>;
  };
  /** The agency's default trip cost, when the directory holds the agency. */
  readonly agencyDefaultDays?: number;
}

/**
 * The locality whose trip cost applies: the dossier's agency. The applicant's own locality is not in the events
 * in clear (see the header), so this is the best non-personal locality the facts hold.
 */
/** The applicant's locality when the submission gave it, else the dossier's agency stands for it. */
export const localityOf = (facts: Pick<DossierFacts, 'agencyCode' | 'applicantLocality'>): string =>
  facts.applicantLocality ?? facts.agencyCode;

/** A dossier's trip cost in days, in the precedence TIME_SAVINGS_METHOD states (the SQL applies the same). */
export function tripCostDaysOf(
  facts: Pick<DossierFacts, 'agencyCode' | 'applicantLocality'>,
  sources: TripCostSources,
  tripCostDays?: number,
): number {
  if (tripCostDays !== undefined) return tripCostDays;
  const byLocality = sources.procedure?.byLocality ?? {};
  const locality = localityOf(facts);
  if (Object.hasOwn(byLocality, locality)) return byLocality[locality];
  return sources.procedure?.defaultDays ?? sources.agencyDefaultDays ?? 1;
}

export interface TimeSavingsParameters {
  /** Fixes the trip cost for every dossier; otherwise tripCostDaysOf's precedence. */
  readonly tripCostDays?: number;
  readonly hoursPerWorkingDay: number;
  readonly incomePerHour?: number;
}

export interface TimeSavingsFigures {
  resolved: number;
  processingDaysSavedPositive: number;
  processingDaysSavedNet: number;
  tripsBaseline: number;
  tripsActual: number;
  tripsAvoided: number;
  travelDaysSaved: number;
  money: number | null;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** The reference computation over facts; `tripCost` gives a dossier's trip cost in days. */
export function summariseTimeSavings(
  facts: readonly DossierFacts[],
  inPeriod: (f: DossierFacts) => boolean,
  tripCost: (f: DossierFacts) => number,
  parameters: TimeSavingsParameters,
): TimeSavingsFigures {
  const out: TimeSavingsFigures = {
    resolved: 0,
    processingDaysSavedPositive: 0,
    processingDaysSavedNet: 0,
    tripsBaseline: 0,
    tripsActual: 0,
    tripsAvoided: 0,
    travelDaysSaved: 0,
    money: null,
  };
  for (const f of facts) {
    if (f.outcome !== 'resolved' || f.resolution === undefined || !inPeriod(f)) continue;
    const saved = f.resolution.workingDaysBeforeStatutoryDue;
    const trips = tripsOf(f);
    out.resolved++;
    out.processingDaysSavedPositive += Math.max(0, saved);
    out.processingDaysSavedNet += saved;
    out.tripsBaseline += trips.baseline;
    out.tripsActual += trips.actual;
    out.tripsAvoided += trips.baseline - trips.actual;
    out.travelDaysSaved += (trips.baseline - trips.actual) * (parameters.tripCostDays ?? tripCost(f));
  }
  return withMoney(
    {
      ...out,
      processingDaysSavedPositive: round4(out.processingDaysSavedPositive),
      processingDaysSavedNet: round4(out.processingDaysSavedNet),
      travelDaysSaved: round4(out.travelDaysSaved),
    },
    parameters,
  );
}

export function withMoney(
  figures: TimeSavingsFigures,
  parameters: TimeSavingsParameters,
): TimeSavingsFigures {
  return {
    ...figures,
    money:
      parameters.incomePerHour === undefined
        ? null
        : Math.round(figures.travelDaysSaved * parameters.hoursPerWorkingDay * parameters.incomePerHour),
  };
}
