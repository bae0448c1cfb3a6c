// What the decider interprets a dossier with: the compiled procedure version the dossier runs on, the
// receiving agency's working-day calendar, and the deployment's settings (docs/domain/working-time.md, docs/domain/statistics-ii06a.md [config]).
import type { CompiledProcedure } from '@tthc/procedures';
import type { DeadlineMode, TimelinessGranularity, WorkingDayCalendar } from '../calendar';

export interface DossierSettings {
  /** How a duration in days becomes a deadline (docs/domain/working-time.md); `WORKING_HOURS` by default. */
  readonly deadlineMode: DeadlineMode;
  /** Early / on time / late on local dates (default) or on whole minutes (docs/domain/statistics-ii06a.md). */
  readonly timelinessGranularity: TimelinessGranularity;
  /**
   * Fallback for the supplement request window, used only when a definition carries none; published
   * definitions write out their own `supplementRequestWindow` (default 3, docs/domain/working-time.md).
   */
  readonly supplementWindowWorkingDays: number;
  /**
   * FlagAtRisk raises DossierAtRisk once the working time left falls to `atRiskShare` of the committed
   * period, but never less than `atRiskMinWorkingHours` nor more than `atRiskWorkingHours` (office hours), so
   * a one-day procedure is not flagged the minute it is received (docs/domain/after-the-deadline.md).
   */
  readonly atRiskWorkingHours: number;
  readonly atRiskShare: number;
  readonly atRiskMinWorkingHours: number;
  /** Supplement rounds after acceptance the law allows on one dossier (once; docs/domain/after-the-deadline.md). */
  readonly supplementRoundsLimit: number;
  /**
   * What an act that breaks a clock rule gets (clock-rules.ts): `refuse` on the live command path (a 409
   * naming the rule), `record` for a historical import, which keeps what happened and flags it.
   */
  readonly onIrregularity: 'refuse' | 'record';
}

export const DEFAULT_DOSSIER_SETTINGS: DossierSettings = {
  deadlineMode: 'WORKING_HOURS',
  timelinessGranularity: 'day',
  supplementWindowWorkingDays: 3,
  // At most 1.5 working days: the flag still leaves half a day to issue form 04, due 1 working day ahead.
  atRiskWorkingHours: 12,
  atRiskShare: 0.25,
  atRiskMinWorkingHours: 2,
  supplementRoundsLimit: 1,
  onIrregularity: 'refuse',
};

export interface DossierContext {
  readonly procedure: CompiledProcedure;
  readonly calendar: WorkingDayCalendar;
  readonly settings: DossierSettings;
}
