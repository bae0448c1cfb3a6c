import { isoWeekday } from './local-time';
import {
  officialYearCalendarProblems,
  type OfficialYearCalendar,
  yearAwaitingConfirmation,
} from './official-calendar';
import { OFFICIAL_CALENDAR_2025 } from './official-calendar-2025';
import { OFFICIAL_CALENDAR_2026 } from './official-calendar-2026';

const daysOffOfKind = (calendar: OfficialYearCalendar, kind: string): string[] =>
  calendar.daysOff.filter((day) => day.kind === kind).map((day) => day.date);

describe('shipped official calendars', () => {
  describe('given the confirmed 2026 calendar', () => {
    it('when validated, then it has no problems and cites its source', () => {
      expect(officialYearCalendarProblems(OFFICIAL_CALENDAR_2026)).toEqual([]);
      expect(OFFICIAL_CALENDAR_2026.status).toBe('confirmed');
      expect(OFFICIAL_CALENDAR_2026.source).toContain('12729/VPCP-KGVX');
    });

    it('when reading Tết, then the weekdays 16-20 Feb of the 14-22 Feb break are days off', () => {
      const tet = OFFICIAL_CALENDAR_2026.daysOff.filter((day) => day.date.startsWith('2026-02'));
      expect(tet.map((day) => day.date)).toEqual([
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
      ]);
    });

    it('when reading swaps, then each swapped weekday is paid by a make-up Saturday', () => {
      expect(daysOffOfKind(OFFICIAL_CALENDAR_2026, 'swap')).toEqual(['2026-01-02', '2026-08-31']);
      expect(OFFICIAL_CALENDAR_2026.makeUpWorkingDays.map((day) => [day.date, day.compensates])).toEqual([
        ['2026-01-10', '2026-01-02'],
        ['2026-08-22', '2026-08-31'],
      ]);
      for (const day of OFFICIAL_CALENDAR_2026.makeUpWorkingDays) expect(isoWeekday(day.date)).toBe(6);
    });

    it('when reading Giỗ Tổ on Sunday 26/4, then Monday 27/4 is its compensatory day', () => {
      expect(OFFICIAL_CALENDAR_2026.daysOff.find((day) => day.kind === 'compensatory')).toMatchObject({
        date: '2026-04-27',
        compensates: '2026-04-26',
      });
    });

    it('when reading Quốc khánh, then 1/9 (Tue) is the adjacent day of 2/9 (Wed)', () => {
      expect(daysOffOfKind(OFFICIAL_CALENDAR_2026, 'holiday')).toEqual(
        expect.arrayContaining(['2026-09-01', '2026-09-02']),
      );
    });
  });

  describe('given the confirmed 2025 calendar', () => {
    it('when validated, then Tết is 27-31 Jan and Friday 2/5 is swapped with Saturday 26/4', () => {
      expect(officialYearCalendarProblems(OFFICIAL_CALENDAR_2025)).toEqual([]);
      expect(
        daysOffOfKind(OFFICIAL_CALENDAR_2025, 'holiday').filter((date) => date.startsWith('2025-01-')),
      ).toEqual(['2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
      expect(daysOffOfKind(OFFICIAL_CALENDAR_2025, 'swap')).toEqual(['2025-05-02']);
      expect(OFFICIAL_CALENDAR_2025.makeUpWorkingDays).toEqual([
        expect.objectContaining({ date: '2025-04-26', compensates: '2025-05-02' }),
      ]);
    });
  });

  describe('given an inconsistent calendar', () => {
    it('when validated, then every problem is listed for the administrator', () => {
      const broken: OfficialYearCalendar = {
        year: 2026,
        status: 'confirmed',
        source: ' ',
        daysOff: [
          { date: '2026-05-01', name: { vi: 'a', en: 'a' }, kind: 'holiday' },
          { date: '2026-05-01', name: { vi: 'b', en: 'b' }, kind: 'holiday' },
          { date: '2027-01-01', name: { vi: 'c', en: 'c' }, kind: 'holiday' },
          { date: '2026-13-01', name: { vi: 'd', en: 'd' }, kind: 'holiday' },
          { date: '2026-04-27', name: { vi: 'e', en: 'e' }, kind: 'compensatory' },
        ],
        makeUpWorkingDays: [{ date: '2026-03-11', name: { vi: 'f', en: 'f' }, compensates: '2026-03-13' }],
      };
      expect(officialYearCalendarProblems(broken)).toEqual([
        'source is empty: cite the legal document',
        '2026-05-01 is listed more than once',
        'day off (holiday) 2027-01-01 is not in 2026',
        'day off (holiday): "2026-13-01" is not a YYYY-MM-DD date',
        'compensatory day 2026-04-27 does not say which holiday it compensates',
        'make-up working day 2026-03-11 is already a weekday',
        'make-up working day 2026-03-11 compensates 2026-03-13, which is not a swap day off',
      ]);
    });
  });
});

describe('yearAwaitingConfirmation', () => {
  it('given 30 September, then nothing is awaited yet', () => {
    expect(yearAwaitingConfirmation('2026-09-30', new Set([2026]))).toBeUndefined();
  });

  it('given 1 October with next year unconfirmed, then next year is awaited until it is confirmed', () => {
    expect(yearAwaitingConfirmation('2026-10-01', new Set([2026]))).toBe(2027);
    expect(yearAwaitingConfirmation('2026-12-08', new Set([2026]))).toBe(2027);
    expect(yearAwaitingConfirmation('2026-12-08', new Set([2026, 2027]))).toBeUndefined();
  });
});
