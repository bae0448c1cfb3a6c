import { OFFICIAL_CALENDAR_2026, WorkingDayCalendar } from '../../domain/calendar';
import { atRiskLookaheadMs } from './at-risk-scheduler';

const HOUR = 3_600_000;
const calendar = new WorkingDayCalendar({ officialYears: [OFFICIAL_CALENDAR_2026] });

describe('the at-risk look-ahead', () => {
  it('given the default 12 working hours, then dossiers due within 24 hours are selected', () => {
    expect(atRiskLookaheadMs(12)).toBe(24 * HOUR);
  });

  it('given less than a working day, then as many calendar hours; given three days, then 72 hours', () => {
    expect(atRiskLookaheadMs(4)).toBe(4 * HOUR);
    expect(atRiskLookaheadMs(24)).toBe(72 * HOUR);
  });

  it.each([4, 8, 12, 20, 24, 40])(
    'given %i working hours, then no window of the look-ahead in March 2026 holds more working time',
    (hours) => {
      const span = atRiskLookaheadMs(hours);
      // Every start on the quarter hour across two weeks, weekends and office hours included.
      for (let t = Date.UTC(2026, 2, 1); t < Date.UTC(2026, 2, 15); t += HOUR / 4) {
        const workingDays = calendar.workingTimeBetween(new Date(t), new Date(t + span));
        expect(workingDays * 8).toBeLessThanOrEqual(hours + 1e-9);
      }
    },
  );
});
