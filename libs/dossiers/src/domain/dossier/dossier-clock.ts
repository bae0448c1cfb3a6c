// The live clock for queries ("3.5 working days left", "paused since…", "overdue"). Pure: `now` and the
// agency's calendar come in; deadlines come from the state, i.e. from the events.
import type { WorkingDayCalendar } from '../calendar';
import type { PauseKind } from './dossier-events';
import type { DossierState } from './dossier-state';
import { isPastDue, restartsPeriod } from './clock-rules';
import { pausedIntervals, workingDaysLeft } from './deadlines';

export type DossierClock =
  /** At intake, refused at intake, or withdrawn before receipt. */
  | { readonly clock: 'not-started' }
  | {
      readonly clock: 'running';
      readonly dueAt: Date;
      readonly statutoryDueAt: Date;
      readonly appointmentAt: Date;
      /** Fractional working days, negative when overdue. */
      readonly workingDaysLeft: number;
      readonly overdue: boolean;
    }
  | {
      readonly clock: 'paused';
      readonly pausedSince: Date;
      readonly pauseKind: PauseKind;
      /** The deadline as it stood when the clock stopped; it moves when the clock resumes. */
      readonly dueAt: Date;
      readonly appointmentAt: Date;
      /** Frozen at the pause; null while a RESTART supplement is awaited (the full period comes back). */
      readonly workingDaysLeft: number | null;
      /** The clock stopped after the due instant (an imported history): waiting hides no lateness. */
      readonly overdue: boolean;
    }
  | {
      readonly clock: 'stopped';
      readonly stoppedAt: Date;
      readonly dueAt: Date;
      readonly appointmentAt: Date;
      /** Working days that were left when the clock stopped (negative: that late). */
      readonly workingDaysLeft: number;
    };

export function dossierClock(state: DossierState, now: Date, calendar: WorkingDayCalendar): DossierClock {
  switch (state.status) {
    case 'empty':
    case 'submitted':
      return { clock: 'not-started' };
    case 'in-progress': {
      const { processing } = state;
      const left = calendar.workingTimeBetween(now, processing.dueAt, pausedIntervals(processing.pauses));
      return {
        clock: 'running',
        dueAt: processing.dueAt,
        statutoryDueAt: processing.statutoryDueAt,
        appointmentAt: processing.appointmentAt,
        workingDaysLeft: left,
        overdue: now > processing.dueAt,
      };
    }
    case 'paused': {
      const { processing } = state;
      const overdue = isPastDue(state.pausedSince, processing.dueAt);
      // A RESTART gives the period back only when it had not run out (decide-processing resumeDeadlines).
      const restarts =
        state.pauseKind === 'supplement' &&
        restartsPeriod(processing.supplementPolicy, state.pausedSince, processing.dueAt);
      return {
        clock: 'paused',
        pausedSince: state.pausedSince,
        pauseKind: state.pauseKind,
        dueAt: processing.dueAt,
        appointmentAt: processing.appointmentAt,
        workingDaysLeft: restarts ? null : workingDaysLeft(calendar, processing, now),
        overdue,
      };
    }
    case 'resolved':
    case 'closed': {
      const { processing } = state;
      if (processing === undefined) return { clock: 'not-started' };
      const stoppedAt =
        state.status === 'resolved'
          ? state.resolution.resolvedAt
          : (state.resolution?.resolvedAt ?? state.closedAt);
      return {
        clock: 'stopped',
        stoppedAt,
        dueAt: processing.dueAt,
        appointmentAt: processing.appointmentAt,
        workingDaysLeft: calendar.workingTimeBetween(
          stoppedAt,
          processing.dueAt,
          pausedIntervals(processing.pauses),
        ),
      };
    }
  }
}
