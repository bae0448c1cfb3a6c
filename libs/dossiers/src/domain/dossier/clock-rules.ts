// What may still happen to a dossier's clock once its committed due instant has passed, and the acts the law
// bounds otherwise (docs/domain/after-the-deadline.md). Each rule is checked here once; the decider calls it
// for every act, live and imported alike:
// - live (`settings.onIrregularity: 'refuse'`), an act the law forbids answers with the rule's error (409);
// - an imported history (`'record'`) keeps what happened and the event names the rule it broke, so that the
//   history is counted as it happened and listed among the irregularities.
// Acts the law times but cannot be refused (a result issued late without an apology, a refusal notice after
// the deadline) are recorded in both modes.
import type { DossierSettings } from './dossier-context';
import type { Instant } from './instant';
import { toInstant } from './instant';

export const IRREGULARITY_RULES = [
  /** A supplement requested once the committed due instant had passed. */
  'supplement-after-deadline',
  /** A supplement requested after the procedure's request window (N working days after receipt). */
  'supplement-window-closed',
  /** More supplement rounds than the law allows (once, unless a sector law says otherwise). */
  'supplement-rounds-exceeded',
  /** An excluded interval started once the committed due instant had passed. */
  'excluded-interval-after-deadline',
  /** Form 04 issued later than one working day before the due instant. */
  'apology-too-late',
  /** A result issued after the due instant with no apology (form 04) issued. */
  'late-without-apology',
  /** A refusal to resolve notified after the due instant: the notice must come within the period. */
  'refusal-after-deadline',
] as const;

export type IrregularityRule = (typeof IRREGULARITY_RULES)[number];

/** One broken rule, with the instants (and count) it was measured by. */
export interface Irregularity {
  readonly rule: IrregularityRule;
  /** When the act happened. */
  readonly at: Instant;
  /** The instant the act was due by (the due instant, the window's end, the apology's latest time). */
  readonly limitAt?: Instant;
  /** For counted rules: how many the law allows, and which this act was. */
  readonly allowed?: number;
  readonly count?: number;
}

/**
 * The irregularities an act gives: [] when the rule holds. When it is broken and the deployment refuses such
 * acts live, `refusal()` is thrown instead (the domain error naming the rule and the instants); an act the
 * law times but cannot refuse (a late refusal notice, a late result) has no `refusal` and is recorded in both
 * modes.
 */
export function admit(
  settings: Pick<DossierSettings, 'onIrregularity'>,
  broken: boolean,
  irregularity: () => Irregularity,
  refusal?: () => Error,
): Irregularity[] {
  if (!broken) return [];
  if (settings.onIrregularity === 'refuse' && refusal !== undefined) throw refusal();
  return [irregularity()];
}

/** Whether the clock had run out at `at`: strictly after the due instant (the due minute itself is in time). */
export function isPastDue(at: Date, dueAt: Date): boolean {
  return at.getTime() > dueAt.getTime();
}

/**
 * Whether a supplement gives the full period again (RESTART): only when the clock stopped before the due
 * instant. A period that had run out is not given back, so lateness stays late. The decider, evolve and the
 * live clock all ask this one question.
 */
export function restartsPeriod(policy: string, pausedSince: Date, dueAt: Date): boolean {
  return policy === 'RESTART' && !isPastDue(pausedSince, dueAt);
}

/** `{ irregularities }` for an event's data, or nothing when there are none. */
export function irregularitiesField(found: readonly Irregularity[]): { irregularities?: Irregularity[] } {
  return found.length === 0 ? {} : { irregularities: [...found] };
}

export const irregularityAt = (
  rule: IrregularityRule,
  at: Date,
  limitAt?: Date,
  counted?: { allowed: number; count: number },
): Irregularity => ({
  rule,
  at: toInstant(at),
  ...(limitAt === undefined ? {} : { limitAt: toInstant(limitAt) }),
  ...(counted === undefined ? {} : counted),
});
