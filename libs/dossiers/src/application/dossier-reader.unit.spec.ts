import { OFFICIAL_CALENDAR_2026, WorkingDayCalendar } from '../domain/calendar';
import { fold, play } from '../domain/dossier/testing/dossier-spec';
import {
  at,
  calendar,
  commands as c,
  contextFor,
  MARITAL_STATUS,
  sampleProcedure,
} from '../domain/dossier/testing/fixtures';
import { liveClock } from './dossier-reader';

describe('the live clock of a dossier read', () => {
  const marital = sampleProcedure(MARITAL_STATUS);
  const context = contextFor(marital);
  /** Received Tue 10/03/2026 09:00, 1 working day: due Wed 11/03 09:00. */
  const examining = play(context, [
    c.submit(marital, '2026-03-10 08:50'),
    c.receive('2026-03-10 09:00'),
    c.transfer('2026-03-10 09:05'),
  ]);

  it('shows the working time left while the clock runs', () => {
    expect(liveClock(fold(examining), at('2026-03-10 13:00'), calendar)).toEqual({
      clock: 'running',
      asOf: at('2026-03-10 13:00').toISOString(),
      dueAt: at('2026-03-11 09:00').toISOString(),
      statutoryDueAt: at('2026-03-13 09:00').toISOString(),
      appointmentAt: at('2026-03-11 09:00').toISOString(),
      workingDaysLeft: 0.625, // 13:00–16:30 and 07:30–09:00: 5 of 8 hours
      overdue: false,
    });
  });

  it('says since when it is paused', () => {
    const waiting = play(context, [
      c.submit(marital, '2026-03-10 08:50'),
      c.receive('2026-03-10 09:00'),
      c.transfer('2026-03-10 09:05'),
      c.requestSupplement('2026-03-10 10:00'),
    ]);
    expect(liveClock(fold(waiting), at('2026-03-12 10:00'), calendar)).toEqual({
      clock: 'paused',
      asOf: at('2026-03-12 10:00').toISOString(),
      pausedSince: at('2026-03-10 10:00').toISOString(),
      pauseKind: 'supplement',
      dueAt: at('2026-03-11 09:00').toISOString(),
      appointmentAt: at('2026-03-11 09:00').toISOString(),
      workingDaysLeft: 0.875,
      overdue: false,
    });
  });

  it('is unavailable, not an error, when it needs a year with no official calendar', () => {
    const only2026 = new WorkingDayCalendar({ officialYears: [OFFICIAL_CALENDAR_2026] });
    expect(liveClock(fold(examining), new Date('2027-01-10T02:00:00Z'), only2026)).toEqual({
      clock: 'unavailable',
      asOf: '2027-01-10T02:00:00.000Z',
      problem: 'calendar-year-missing',
      year: 2027,
    });
  });
});
