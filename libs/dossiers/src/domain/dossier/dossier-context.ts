// What the decider interprets a dossier with: the compiled procedure version the dossier runs on, the
// receiving agency's working-day calendar, and the deployment's settings (DOMAIN §3–4 [config]).
import type { CompiledProcedure } from '@tthc/procedures';
import type { DeadlineMode, TimelinessGranularity, WorkingDayCalendar } from '../calendar';

export interface DossierSettings {
  /** How a duration in days becomes a deadline (DOMAIN §3); `WORKING_HOURS` by default. */
  readonly deadlineMode: DeadlineMode;
  /** Early / on time / late on local dates (default) or on whole minutes (DOMAIN §4). */
  readonly timelinessGranularity: TimelinessGranularity;
  /**
   * Fallback for the supplement request window, used only when a definition carries none; published
   * definitions write out their own `supplementRequestWindow` (default 3, DOMAIN §2).
   */
  readonly supplementWindowWorkingDays: number;
  /** FlagAtRisk raises DossierAtRisk once this little working time (in office hours) is left. */
  readonly atRiskWorkingHours: number;
}

export const DEFAULT_DOSSIER_SETTINGS: DossierSettings = {
  deadlineMode: 'WORKING_HOURS',
  timelinessGranularity: 'day',
  supplementWindowWorkingDays: 3,
  // 1.5 working days: the flag still leaves half a day to issue form 04, which is due 1 working day ahead.
  atRiskWorkingHours: 12,
};

export interface DossierContext {
  readonly procedure: CompiledProcedure;
  readonly calendar: WorkingDayCalendar;
  readonly settings: DossierSettings;
}
