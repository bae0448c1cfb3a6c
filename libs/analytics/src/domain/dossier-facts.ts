// The facts statistics need about one dossier, folded from its events: the instants that decide in which
// period it was received, resolved, refused or withdrawn, the deadlines as they stood over time (to say
// whether a dossier still open at a period's end was overdue then), the pauses (a dossier waiting for the
// citizen is never overdue), the working-day figures the decider already recorded, and the inputs of the
// time-savings method (channels of submission, supplements and result).
//
// Only event data is used, never a clock or a calendar: the decider recorded every deadline and working-day
// figure, so folding the same events always gives the same facts and a rebuild gives identical reports.
import {
  compareTimeliness,
  type Channel,
  type DossierEvent,
  type NormalisedOnlineLevel,
  type PauseKind,
  type ProcessingDuration,
  type Timeliness,
} from './dossier-event-types';

/** Who held the clock during an interval (pause attribution). */
export type ClockHolder = 'agency' | 'partner-agency' | 'citizen' | 'payment' | 'other-excluded';

/** Terminal outcomes that statistics count; a dossier never received is not counted at all. */
export type CountedOutcome = 'resolved' | 'refused' | 'withdrawn';

export interface FactsPause {
  readonly kind: PauseKind;
  readonly from: string;
  /** The clock stopped after the due instant (imported histories): the dossier stays overdue while it waits. */
  readonly overdue?: true;
  /** When the clock ran again (may lie after the request to resume: the next working period). */
  readonly to?: string;
}

export interface FactsIrregularity {
  readonly rule: string;
  readonly at: string;
  readonly limitAt?: string;
  /** The event that recorded it. */
  readonly eventType: string;
}

/** The committed deadline in force from `from` on (receipt, then each resumption). */
export interface FactsDeadline {
  readonly from: string;
  readonly dueAt: string;
}

export interface DossierFacts {
  readonly dossierId: string;
  readonly procedureCode: string;
  readonly procedureVersion: number;
  readonly agencyCode: string;
  readonly channel: Channel;
  /** The dossier's own online level: `none` unless submitted online. */
  readonly onlineLevel: NormalisedOnlineLevel;
  /** The unit code of the applicant's commune, when the submission gave it (travel costs). */
  readonly applicantLocality?: string;
  readonly onlinePayment: boolean;
  readonly submittedAt: string;
  /** Absent until received: a dossier refused at receipt or withdrawn at intake is never counted. */
  readonly receivedAt?: string;
  readonly legalRegime?: string;
  readonly committedDuration?: ProcessingDuration;
  readonly statutoryDuration?: ProcessingDuration;
  /** The committed deadline on the receipt slip. */
  readonly receiptDueAt?: string;
  readonly deadlines: readonly FactsDeadline[];
  readonly pauses: readonly FactsPause[];
  /** Set by the first terminal event after receipt; a later withdrawal does not undo a resolution. */
  readonly outcome?: CountedOutcome;
  readonly endedAt?: string;
  /** Outcome before receipt (refused-to-receive, withdrawn at intake): kept for completeness only. */
  readonly intakeOutcome?: 'refused-to-receive' | 'withdrawn';
  readonly resolution?: {
    readonly resolvedAt: string;
    readonly dueAt: string;
    readonly statutoryDueAt: string;
    readonly electronic: boolean;
    readonly timelinessDay: Timeliness;
    readonly timelinessMinute: Timeliness;
    readonly workingDaysUsed: number;
    readonly workingDaysBeforeStatutoryDue: number;
    readonly apologised: boolean;
  };
  readonly returnedAt?: string;
  readonly returnMethod?: Channel;
  readonly supplementRounds: number;
  /** Supplements handed in at the counter (a trip each); postal and online supplements are not counted. */
  readonly inPersonSupplements: number;
  readonly pausedWorkingDays: number;
  readonly pausedMs: number;
  /** Working days by who held the clock (agency steps from form 05 lines; pauses by kind). */
  readonly held: Readonly<Record<ClockHolder, number>>;
  readonly apologisedAt?: string;
  readonly atRiskAt?: string;
  /** A refusal to resolve, timed against the committed deadline (absent in events from before that rule). */
  readonly refusal?: {
    readonly refusedAt: string;
    readonly dueAt: string;
    readonly timelinessDay: Timeliness;
    readonly timelinessMinute: Timeliness;
  };
  /** Every clock rule the dossier's history broke, in order (docs/domain/after-the-deadline.md). */
  readonly irregularities?: readonly FactsIrregularity[];
  readonly rating?: number;
  readonly ratedAt?: string;
}

const NO_HOLD: Record<ClockHolder, number> = {
  agency: 0,
  'partner-agency': 0,
  citizen: 0,
  payment: 0,
  'other-excluded': 0,
};

/** Which holder a pause kind charges: the citizen supplements, a partner agency verifies, fees are paid. */
export function holderOfPause(kind: PauseKind): ClockHolder {
  switch (kind) {
    case 'supplement':
      return 'citizen';
    case 'inter-agency-verification':
      return 'partner-agency';
    case 'financial-obligation':
      return 'payment';
    default:
      return 'other-excluded';
  }
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const ms = (instant: string) => Date.parse(instant);

/** Folds one event into the facts; `undefined` until a DossierSubmitted opened the dossier. */
export function evolveFacts(facts: DossierFacts | undefined, event: DossierEvent): DossierFacts | undefined {
  if (event.type === 'DossierSubmitted') {
    if (facts !== undefined) return facts;
    const d = event.data;
    return {
      dossierId: d.dossierId,
      procedureCode: d.procedureCode,
      procedureVersion: d.procedureVersion,
      agencyCode: d.agencyCode,
      channel: d.channel,
      // The level the dossier was submitted at: none at the counter and by post, whatever the procedure
      // offers. Events from before the intake recorded the dossier's level carry the procedure's level for
      // every channel, so the channel decides here (docs/domain/online-service-levels.md).
      onlineLevel: d.channel === 'online' ? d.onlineLevel : 'none',
      ...(d.applicantLocality === undefined ? {} : { applicantLocality: d.applicantLocality }),
      onlinePayment: d.channel === 'online' && typeof d.paymentReference === 'string',
      submittedAt: d.submittedAt,
      deadlines: [],
      pauses: [],
      supplementRounds: 0,
      inPersonSupplements: 0,
      pausedWorkingDays: 0,
      pausedMs: 0,
      held: NO_HOLD,
    };
  }
  if (facts === undefined) return undefined;
  return withIrregularities(evolveOpenFacts(facts, event), event);
}

/** Appends the irregularities an event recorded, whatever else the event changed. */
function withIrregularities(facts: DossierFacts, event: DossierEvent): DossierFacts {
  const recorded = (
    event.data as { irregularities?: readonly { rule: string; at: string; limitAt?: string }[] }
  ).irregularities;
  if (recorded === undefined || recorded.length === 0) return facts;
  return {
    ...facts,
    irregularities: [
      ...(facts.irregularities ?? []),
      ...recorded.map(({ rule, at, limitAt }) => ({
        rule,
        at,
        ...(limitAt === undefined ? {} : { limitAt }),
        eventType: event.type,
      })),
    ],
  };
}

function evolveOpenFacts(facts: DossierFacts, event: DossierEvent): DossierFacts {
  const open = facts.outcome === undefined && facts.intakeOutcome === undefined;
  switch (event.type) {
    case 'DossierReceived': {
      const d = event.data;
      if (facts.receivedAt !== undefined) return facts;
      return {
        ...facts,
        receivedAt: d.receivedAt,
        legalRegime: d.legalRegime,
        committedDuration: d.committedDuration,
        statutoryDuration: d.statutoryDuration,
        receiptDueAt: d.dueAt,
        deadlines: [{ from: d.receivedAt, dueAt: d.dueAt }],
      };
    }
    case 'ReceiptRefused':
      return facts.receivedAt === undefined && open
        ? { ...facts, intakeOutcome: 'refused-to-receive' }
        : facts;
    case 'DossierHandedOver': {
      const d = event.data;
      const holder: ClockHolder = d.fromAgency === facts.agencyCode ? 'agency' : 'partner-agency';
      return { ...facts, held: add(facts.held, holder, d.workingDaysUsed) };
    }
    case 'DossierApproved':
      return { ...facts, held: add(facts.held, 'agency', event.data.stepWorkingDaysUsed) };
    case 'SupplementRequested':
      return {
        ...facts,
        supplementRounds: event.data.round,
        pauses: [
          ...facts.pauses,
          {
            kind: 'supplement',
            from: event.data.requestedAt,
            ...(event.data.startedOverdue ? { overdue: true as const } : {}),
          },
        ],
      };
    case 'ExcludedIntervalStarted':
      return {
        ...facts,
        pauses: [
          ...facts.pauses,
          {
            kind: event.data.kind,
            from: event.data.startedAt,
            ...(event.data.startedOverdue ? { overdue: true as const } : {}),
          },
        ],
      };
    case 'SupplementProvided':
    case 'ExcludedIntervalEnded': {
      const d = event.data;
      const supplement = event.type === 'SupplementProvided' ? event.data : undefined;
      const resumedAt = supplement?.resumedAt ?? (d as { endedAt: string }).endedAt;
      const last = facts.pauses[facts.pauses.length - 1];
      if (last === undefined || last.to !== undefined) return facts;
      return {
        ...facts,
        pauses: [...facts.pauses.slice(0, -1), { ...last, to: resumedAt }],
        deadlines: [...facts.deadlines, { from: resumedAt, dueAt: d.dueAt }],
        pausedWorkingDays: round4(facts.pausedWorkingDays + d.pausedWorkingDays),
        pausedMs: facts.pausedMs + Math.max(0, ms(resumedAt) - ms(last.from)),
        held: add(facts.held, holderOfPause(last.kind), d.pausedWorkingDays),
        // Only a supplement handed in at the counter is a trip; by post or online it needs none.
        inPersonSupplements:
          supplement !== undefined && supplement.channel === 'counter'
            ? facts.inPersonSupplements + 1
            : facts.inPersonSupplements,
      };
    }
    case 'ResultIssued': {
      const d = event.data;
      if (!open || facts.receivedAt === undefined) return facts;
      return {
        ...facts,
        outcome: 'resolved',
        endedAt: d.resolvedAt,
        resolution: {
          resolvedAt: d.resolvedAt,
          dueAt: d.dueAt,
          statutoryDueAt: d.statutoryDueAt,
          electronic: d.electronic,
          timelinessDay: compareTimeliness(new Date(d.resolvedAt), new Date(d.dueAt), 'day'),
          timelinessMinute: compareTimeliness(new Date(d.resolvedAt), new Date(d.dueAt), 'minute'),
          workingDaysUsed: d.workingDaysUsed,
          workingDaysBeforeStatutoryDue: d.workingDaysBeforeStatutoryDue,
          apologised: d.apologised,
        },
      };
    }
    case 'ResolutionRefused': {
      if (!open || facts.receivedAt === undefined) return facts;
      const { refusedAt, dueAt } = event.data;
      return {
        ...facts,
        outcome: 'refused',
        endedAt: refusedAt,
        ...(dueAt === undefined
          ? {}
          : {
              refusal: {
                refusedAt,
                dueAt,
                timelinessDay: compareTimeliness(new Date(refusedAt), new Date(dueAt), 'day'),
                timelinessMinute: compareTimeliness(new Date(refusedAt), new Date(dueAt), 'minute'),
              },
            }),
      };
    }
    case 'DossierWithdrawn': {
      if (!open) return facts;
      if (facts.receivedAt === undefined) return { ...facts, intakeOutcome: 'withdrawn' };
      const at = event.data.withdrawnAt;
      // A dossier withdrawn while paused: its last pause ends with it (as evolve does).
      const last = facts.pauses[facts.pauses.length - 1];
      const pauses =
        last !== undefined && last.to === undefined
          ? [...facts.pauses.slice(0, -1), { ...last, to: at }]
          : facts.pauses;
      return { ...facts, outcome: 'withdrawn', endedAt: at, pauses };
    }
    case 'ResultReturned':
      return { ...facts, returnedAt: event.data.returnedAt, returnMethod: event.data.method };
    case 'ApologyIssued':
      return facts.apologisedAt === undefined ? { ...facts, apologisedAt: event.data.issuedAt } : facts;
    case 'DossierAtRisk':
      return facts.atRiskAt === undefined ? { ...facts, atRiskAt: event.data.flaggedAt } : facts;
    case 'DossierRated':
      return { ...facts, rating: event.data.score, ratedAt: event.data.ratedAt };
    default:
      return facts;
  }
}

function add(
  held: Readonly<Record<ClockHolder, number>>,
  holder: ClockHolder,
  days: number,
): Record<ClockHolder, number> {
  return { ...held, [holder]: round4(held[holder] + days) };
}

/** The committed deadline in force at `instant` (the last one that started before it). */
export function deadlineAt(facts: DossierFacts, instant: number): string | undefined {
  let due: string | undefined;
  for (const deadline of facts.deadlines) if (ms(deadline.from) < instant) due = deadline.dueAt;
  return due ?? facts.receiptDueAt;
}

/**
 * The pause that stops the clock at `instant`, if any. A pause that began after the due instant stops no
 * lateness: see `sheltersFromOverdue`.
 */
export function pauseAt(facts: DossierFacts, instant: number): FactsPause | undefined {
  return facts.pauses.find(
    (pause) => ms(pause.from) < instant && (pause.to === undefined || ms(pause.to) >= instant),
  );
}

/** Whether a pause keeps its dossier out of "in progress, overdue": only one that began before the due instant. */
export function sheltersFromOverdue(pause: FactsPause): boolean {
  return pause.overdue !== true;
}
