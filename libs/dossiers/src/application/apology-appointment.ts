// How late the new appointment of form 04 (apology and new appointment) may be. The decider checks that it is
// later than the appointment it replaces and that form 04 comes in time (domain/dossier/decide-resolution.ts);
// it sets no upper bound, and a date such as 2999-01-01 was accepted, shown to the citizen and to the
// worklists. The law sets none either: form 04 is an apology *and a request to extend the processing time*
// (docs/domain/lifecycle-and-forms.md). So the bound here is that of an extension: **at most the committed
// processing time again**, counted from the later of the committed and the statutory due instants, on the
// dossier's calendar and deadline mode. Asking for more than the whole period the agency committed to is
// not an extension any more: it is a typing error (2999 for 2026, 2062 for 2026), or a dossier that should
// be refused or withdrawn. A same-day or half-day procedure may still move the appointment by one working
// day; a paused dossier's due instant will move by its pause, so the time paused so far is added.
//
// This is an application rule over the decider's state, checked after the decider accepted the command
// (its refusals keep their order and their 403/409 answers); a refusal is a 422 problem document.
import type { ProcessingDuration } from '../domain/calendar';
import type { DossierContext, DossierState, ProcessingRecord } from '../domain/dossier';
import { RescheduledAppointmentTooLate } from './errors';

/** What an apology may add to the due instant: the committed duration, at least one working day. */
export function apologyExtension(committed: ProcessingDuration): ProcessingDuration {
  switch (committed.unit) {
    case 'same-day':
      return { unit: 'working-days', value: 1 };
    case 'working-days':
      return { unit: 'working-days', value: Math.max(1, committed.value) };
    case 'calendar-days':
      return { unit: 'calendar-days', value: Math.max(1, committed.value) };
  }
}

/** The latest new appointment form 04 may give for a dossier in this processing, `pausedForMs` into a pause. */
export function latestApologyAppointment(
  context: Pick<DossierContext, 'calendar'>,
  processing: Pick<ProcessingRecord, 'dueAt' | 'statutoryDueAt' | 'committedDuration' | 'deadlineMode'>,
  pausedForMs = 0,
): Date {
  const due = Math.max(processing.dueAt.getTime(), processing.statutoryDueAt.getTime()) + pausedForMs;
  const latest = context.calendar.addWorkingTime(
    new Date(due),
    apologyExtension(processing.committedDuration),
    {
      mode: processing.deadlineMode,
    },
  );
  if (latest === null) throw new Error('Invariant: no pause was given, so the extension has an end');
  return latest;
}

/** @throws RescheduledAppointmentTooLate when `newAppointmentAt` is later than latestApologyAppointment. */
export function assertApologyAppointmentWithinLimit(
  context: Pick<DossierContext, 'calendar'>,
  state: DossierState,
  newAppointmentAt: Date,
  now: Date,
): void {
  if (state.status !== 'in-progress' && state.status !== 'paused') return; // the decider has refused it
  const pausedForMs =
    state.status === 'paused' ? Math.max(0, now.getTime() - state.pausedSince.getTime()) : 0;
  const latest = latestApologyAppointment(context, state.processing, pausedForMs);
  if (!(newAppointmentAt.getTime() <= latest.getTime())) {
    throw new RescheduledAppointmentTooLate(
      newAppointmentAt,
      latest,
      state.processing.dueAt,
      state.processing.committedDuration,
    );
  }
}
