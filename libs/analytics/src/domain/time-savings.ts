// Days saved for citizens (DOMAIN §5). No official formula exists for days, so every figure carries the
// method below and the parameters it was computed with.
//
// - Processing days saved, per resolved dossier: the statutory due instant minus the resolution, in working
//   days (ResultIssued.workingDaysBeforeStatutoryDue, negative when late); reported as the sum of the positive
//   parts and as the net sum.
// - Trips: the in-person baseline is 2 (submit, collect) plus 1 per supplement round. Actual trips counted
//   from the events: 1 for a submission at the counter (online and public-postal submissions need no trip to
//   the office), 1 per supplement handed in at the counter (online and postal supplements need none), and 1
//   to collect the result unless it was returned by post or online or issued electronically. Online payment removes no further trip in this method: an in-person citizen pays
//   during a trip already counted, and the events do not tell whether a fee was due at all.
// - Travel days saved = trips avoided × trip cost in days (the procedure's trip cost for the dossier's
//   locality, else the agency's default, unless the caller fixes one).
// - Optional money figure (Circular 02/2017/TT-VPCP Art. 27: time × income per hour): travel days saved ×
//   working hours per day × the income per hour the caller gives. Fees are not saved by going online in this
//   method and are left out.
import type { DossierFacts } from './dossier-facts';

export const TIME_SAVINGS_METHOD = {
  processingDaysSaved:
    'Σ over dossiers resolved in the period of (statutory due − resolution) in working days; positive part and net.',
  trips:
    'baseline = 2 + supplement rounds; actual = counter submission + counter supplements + in-person collection (none when returned by post / online or issued electronically); avoided = baseline − actual.',
  travelDaysSaved:
    'Σ trips avoided × trip cost in days (procedure trip cost by locality, else agency default, else the tripCostDays parameter).',
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

export interface TimeSavingsParameters {
  /** Fixes the trip cost for every dossier; otherwise per procedure and locality. */
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
