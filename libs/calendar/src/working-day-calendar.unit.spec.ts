import { CalendarYearMissing, InvalidCalendarInput } from './calendar-errors';
import { localInstant, toLocalDateTime } from './local-time';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from './office-hours';
import { OFFICIAL_CALENDAR_2025 } from './official-calendar-2025';
import { OFFICIAL_CALENDAR_2026 } from './official-calendar-2026';
import { prefillOfficialYear, provisionalOfficialYear } from './official-calendar-prefill';
import type { ProcessingDuration } from './processing-time';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar({ officialYears: [OFFICIAL_CALENDAR_2025, OFFICIAL_CALENDAR_2026] });
const at = (dateTime: string): Date => localInstant(dateTime.slice(0, 10), dateTime.slice(11));
/** Local `YYYY-MM-DD HH:MM` (or `null`), so failures read like an appointment slip. */
const local = (instant: Date | null): string | null => {
  if (instant === null) return null;
  const { date, minuteOfDay } = toLocalDateTime(instant);
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  return `${date} ${pad(minuteOfDay / 60)}:${pad(minuteOfDay % 60)}`;
};
const workingDays = (value: number): ProcessingDuration => ({ unit: 'working-days', value });
const calendarDays = (value: number): ProcessingDuration => ({ unit: 'calendar-days', value });

describe('WorkingDayCalendar', () => {
  describe('given the official 2025 and 2026 calendars and default office hours (07:30-12:00, 13:00-16:30)', () => {
    it('when asked for the length of a working day, then it is 480 minutes', () => {
      expect(calendar.workingDayMinutes).toBe(480);
      expect(calendar.deadlineMode).toBe('WORKING_HOURS');
      expect(calendar.loadedYears).toEqual([2025, 2026]);
    });

    it('when asked about ordinary days, then weekdays work and weekends rest', () => {
      expect(calendar.isWorkingDay('2026-03-09')).toBe(true);
      expect(calendar.isWorkingDay('2026-03-14')).toBe(false);
      expect(calendar.isWorkingDay('2026-03-15')).toBe(false);
      expect(calendar.nextWorkingDay('2026-03-13')).toBe('2026-03-16');
    });

    it('when asked about Tết 2026, then 16-20 Feb are days off and Friday 13/02 is followed by Monday 23/02', () => {
      for (const date of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
        expect(calendar.isWorkingDay(date)).toBe(false);
      }
      expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    });

    it('when asked about a make-up Saturday, then it is a working day and its swapped weekday is not', () => {
      expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
      expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
      expect(calendar.nextWorkingDay('2026-01-09')).toBe('2026-01-10');
      expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
      expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
    });

    it('when asked about Quốc khánh 2026, then 31/8 (swap), 1/9 (adjacent day) and 2/9 are off', () => {
      expect(['2026-08-31', '2026-09-01', '2026-09-02'].map((date) => calendar.isWorkingDay(date))).toEqual([
        false,
        false,
        false,
      ]);
      expect(calendar.nextWorkingDay('2026-08-28')).toBe('2026-09-03');
      expect(calendar.isWorkingDay('2026-08-22')).toBe(true);
    });

    it('when a holiday fell on a Sunday, then its compensatory Monday is a day off', () => {
      expect(calendar.isWorkingDay('2026-04-26')).toBe(false);
      expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
      expect(calendar.nextWorkingDay('2026-04-24')).toBe('2026-04-28');
    });
  });

  describe('given a year with no official calendar loaded', () => {
    it('when asked whether a day works, then CalendarYearMissing names the year', () => {
      expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarYearMissing);
      expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(expect.objectContaining({ year: 2027 }));
    });

    it('when a deadline runs into it, then it fails rather than guessing', () => {
      expect(() => calendar.addWorkingTime(at('2026-12-30 10:00'), workingDays(3))).toThrow(
        CalendarYearMissing,
      );
    });

    it('when measuring up to the last evening of a loaded year, then the next year is not consulted', () => {
      expect(calendar.workingTimeBetween(at('2026-12-31 07:30'), at('2026-12-31 23:59'))).toBe(1);
    });

    it('when the prefilled proposal is loaded deliberately, then the year works; without consent it is refused', () => {
      // 31/12 is day 1, Friday 1/1/2027 a holiday, Monday 4/1 day 2, Tuesday 5/1 day 3.
      expect(() => new WorkingDayCalendar({ officialYears: [prefillOfficialYear(2027)] })).toThrow(
        InvalidCalendarInput,
      );
      const sandbox = new WorkingDayCalendar({
        officialYears: [OFFICIAL_CALENDAR_2026, prefillOfficialYear(2027)],
        acceptProposedYears: true,
      });
      expect(local(sandbox.addWorkingTime(at('2026-12-30 10:00'), workingDays(3)))).toBe('2027-01-05 10:00');
    });

    it('when the same year is given twice, then the configuration is rejected', () => {
      expect(
        () => new WorkingDayCalendar({ officialYears: [OFFICIAL_CALENDAR_2026, OFFICIAL_CALENDAR_2026] }),
      ).toThrow(InvalidCalendarInput);
    });
  });

  describe('effectiveReceipt', () => {
    describe('given the 15:00 cut-off', () => {
      const counter = { channel: 'counter', cutoff: '15:00' } as const;

      it('when received at 14:59 or at 15:00 sharp, then the clock starts at receipt', () => {
        expect(local(calendar.effectiveReceipt(at('2026-03-10 14:59'), counter))).toBe('2026-03-10 14:59');
        expect(local(calendar.effectiveReceipt(at('2026-03-10 15:00'), counter))).toBe('2026-03-10 15:00');
      });

      it('when received after 15:00, then the clock starts at the start of the next working day', () => {
        expect(local(calendar.effectiveReceipt(at('2026-03-10 15:01'), counter))).toBe('2026-03-11 07:30');
        expect(local(calendar.effectiveReceipt(at('2026-02-13 15:30'), counter))).toBe('2026-02-23 07:30');
      });

      it('when there is no cut-off for the procedure, then 15:30 counts from 15:30', () => {
        expect(local(calendar.effectiveReceipt(at('2026-03-10 15:30'), { channel: 'counter' }))).toBe(
          '2026-03-10 15:30',
        );
      });
    });

    describe('given an online submission outside office hours', () => {
      const online = { channel: 'online', cutoff: '15:00' } as const;

      it.each([
        ['at 22:00 on a Tuesday', '2026-03-10 22:00', '2026-03-11 07:30'],
        ['on a Sunday', '2026-03-08 10:00', '2026-03-09 07:30'],
        ['at 06:00', '2026-03-10 06:00', '2026-03-10 07:30'],
        ['over lunch', '2026-03-10 12:15', '2026-03-10 13:00'],
        ['on Friday night before Tết', '2026-02-13 22:00', '2026-02-23 07:30'],
        ['on Sunday 26/4 before the compensatory Monday', '2026-04-26 09:00', '2026-04-28 07:30'],
        ['on the Friday swapped for a make-up Saturday', '2026-01-02 09:00', '2026-01-05 07:30'],
        ['on the evening before a make-up Saturday', '2026-01-09 20:00', '2026-01-10 07:30'],
      ])('when submitted %s, then it counts from the next working period', (_when, submitted, expected) => {
        expect(local(calendar.effectiveReceipt(at(submitted), online))).toBe(expected);
      });
    });
  });

  describe('addWorkingTime in WORKING_HOURS mode', () => {
    it('when a dossier received Friday 13/02/2026 10:00 has 1 working day, then it is due Monday 23/02 10:00', () => {
      expect(local(calendar.addWorkingTime(at('2026-02-13 10:00'), workingDays(1)))).toBe('2026-02-23 10:00');
    });

    it('when N whole days start inside office hours, then the deadline is the same clock time N working days later', () => {
      expect(local(calendar.addWorkingTime(at('2026-03-09 10:00'), workingDays(3)))).toBe('2026-03-12 10:00');
      expect(local(calendar.addWorkingTime(at('2026-03-09 14:20'), workingDays(5)))).toBe('2026-03-16 14:20');
    });

    it('when the time runs out exactly at the end of a period, then the deadline is that end, not the next start', () => {
      expect(local(calendar.addWorkingTime(at('2026-03-09 07:30'), workingDays(1)))).toBe('2026-03-09 16:30');
      expect(local(calendar.addWorkingTime(at('2026-03-09 07:30'), workingDays(270 / 480)))).toBe(
        '2026-03-09 12:00',
      );
    });

    it('when the deadline crosses a make-up Saturday, then the Saturday counts as a working day', () => {
      expect(local(calendar.addWorkingTime(at('2026-01-08 10:00'), workingDays(2)))).toBe('2026-01-10 10:00');
      expect(local(calendar.addWorkingTime(at('2025-04-25 10:00'), workingDays(1)))).toBe('2025-04-26 10:00');
    });

    it('when the deadline crosses 30/4-1/5 2025 and its swapped Friday, then it skips to Monday 5/5', () => {
      expect(local(calendar.addWorkingTime(at('2025-04-29 10:00'), workingDays(1)))).toBe('2025-05-05 10:00');
    });

    it('when the deadline crosses Quốc khánh 2026, then the adjacent day 1/9 and the swapped 31/8 are skipped', () => {
      expect(local(calendar.addWorkingTime(at('2026-08-28 10:00'), workingDays(1)))).toBe('2026-09-03 10:00');
    });

    it('when the deadline crosses a compensatory day, then it is skipped too', () => {
      expect(local(calendar.addWorkingTime(at('2026-04-24 10:00'), workingDays(1)))).toBe('2026-04-28 10:00');
    });

    describe('given fractional days', () => {
      it.each([
        [0.25, '2026-03-09 11:00', '2026-03-09 14:00'],
        [0.5, '2026-03-09 11:00', '2026-03-09 16:00'],
        [0.5, '2026-03-09 07:30', '2026-03-09 11:30'],
        [0.5, '2026-03-09 10:00', '2026-03-09 15:00'],
        [0.5, '2026-02-13 15:00', '2026-02-23 10:00'],
        [1.5, '2026-03-09 10:00', '2026-03-10 15:00'],
        [0.25, '2026-03-09 12:30', '2026-03-09 15:00'],
      ])(
        'when %f day starts at %s, then it is due at %s (lunch does not count)',
        (value, start, expected) => {
          expect(local(calendar.addWorkingTime(at(start), workingDays(value)))).toBe(expected);
        },
      );
    });

    it('when the duration is zero, then the deadline is the start', () => {
      expect(local(calendar.addWorkingTime(at('2026-03-09 10:00'), workingDays(0)))).toBe('2026-03-09 10:00');
    });

    it('when the duration is negative or not a number, then it is rejected', () => {
      expect(() => calendar.addWorkingTime(at('2026-03-09 10:00'), workingDays(-1))).toThrow(
        InvalidCalendarInput,
      );
      expect(() => calendar.addWorkingTime(at('2026-03-09 10:00'), workingDays(Number.NaN))).toThrow(
        InvalidCalendarInput,
      );
    });
  });

  describe('addWorkingTime in END_OF_NTH_WORKING_DAY mode (receipt day = day 0)', () => {
    const endOfDay = { mode: 'END_OF_NTH_WORKING_DAY' } as const;

    it.each([
      ['1 day from Monday 10:00', '2026-03-09 10:00', 1, '2026-03-10 16:30'],
      ['3 days from Monday 10:00', '2026-03-09 10:00', 3, '2026-03-12 16:30'],
      ['1 day from Monday 07:30', '2026-03-09 07:30', 1, '2026-03-10 16:30'],
      ['0.5 day (rounds up to a whole day)', '2026-03-09 10:00', 0.5, '2026-03-10 16:30'],
      ['1.5 days', '2026-03-09 10:00', 1.5, '2026-03-11 16:30'],
      ['1 day from Friday before Tết', '2026-02-13 10:00', 1, '2026-02-23 16:30'],
      ['1 day from a Sunday (day 0 is Monday)', '2026-03-08 10:00', 1, '2026-03-10 16:30'],
      ['0 days (same day)', '2026-03-09 10:00', 0, '2026-03-09 16:30'],
      ['1 day across a make-up Saturday', '2026-01-09 10:00', 1, '2026-01-10 16:30'],
    ])('when %s, then it is due at the end of office hours of %s', (_case, start, value, expected) => {
      expect(local(calendar.addWorkingTime(at(start), workingDays(value), endOfDay))).toBe(expected);
    });

    it('when the whole deployment uses the mode, then it is the default for every call', () => {
      const deployment = new WorkingDayCalendar({
        officialYears: [OFFICIAL_CALENDAR_2026],
        deadlineMode: 'END_OF_NTH_WORKING_DAY',
      });
      expect(local(deployment.addWorkingTime(at('2026-03-09 10:00'), workingDays(1)))).toBe(
        '2026-03-10 16:30',
      );
      expect(
        local(deployment.addWorkingTime(at('2026-03-09 10:00'), workingDays(1), { mode: 'WORKING_HOURS' })),
      ).toBe('2026-03-10 10:00');
    });
  });

  describe('addWorkingTime for same-day procedures', () => {
    const counter = { channel: 'counter', cutoff: '15:00' } as const;

    it('when received before the cut-off, then the result is due at the end of that day', () => {
      const start = calendar.effectiveReceipt(at('2026-03-10 14:00'), counter);
      expect(local(calendar.addWorkingTime(start, { unit: 'same-day' }))).toBe('2026-03-10 16:30');
    });

    it('when received after the cut-off, then the result is due the next working day', () => {
      const start = calendar.effectiveReceipt(at('2026-03-10 15:10'), counter);
      expect(local(calendar.addWorkingTime(start, { unit: 'same-day' }))).toBe('2026-03-11 16:30');
    });

    it('when received on Friday 13/02/2026 after the cut-off, then it is due after Tết', () => {
      const start = calendar.effectiveReceipt(at('2026-02-13 15:10'), counter);
      expect(local(calendar.addWorkingTime(start, { unit: 'same-day' }))).toBe('2026-02-23 16:30');
    });
  });

  describe('addWorkingTime in calendar days (Civil Code Art. 147-148)', () => {
    it('when the last day is a working day, then the deadline keeps the clock time', () => {
      expect(local(calendar.addWorkingTime(at('2026-03-09 10:00'), calendarDays(7)))).toBe(
        '2026-03-16 10:00',
      );
    });

    it('when the last day is a Saturday, then the period ends with the next working day', () => {
      expect(local(calendar.addWorkingTime(at('2026-03-04 10:00'), calendarDays(10)))).toBe(
        '2026-03-16 16:30',
      );
    });

    it('when the last day falls in Tết, then it rolls forward to the end of Monday 23/02', () => {
      expect(local(calendar.addWorkingTime(at('2026-02-10 10:00'), calendarDays(7)))).toBe(
        '2026-02-23 16:30',
      );
    });

    it('when the last day is a make-up Saturday, then it is a working day and stays', () => {
      expect(local(calendar.addWorkingTime(at('2025-12-31 10:00'), calendarDays(10)))).toBe(
        '2026-01-10 10:00',
      );
    });

    it('when the mode is END_OF_NTH_WORKING_DAY, then the deadline is the end of office hours', () => {
      const endOfDay = { mode: 'END_OF_NTH_WORKING_DAY' } as const;
      expect(local(calendar.addWorkingTime(at('2026-03-09 10:00'), calendarDays(7), endOfDay))).toBe(
        '2026-03-16 16:30',
      );
    });

    it('when the value is not a whole number, then it is rejected', () => {
      expect(() => calendar.addWorkingTime(at('2026-03-09 10:00'), calendarDays(1.5))).toThrow(
        InvalidCalendarInput,
      );
    });
  });

  describe('given an agency with Saturday-morning reception', () => {
    const withSaturday = (countsForProcessing: boolean): OfficeHours => ({
      ...DEFAULT_OFFICE_HOURS,
      saturdayReception: { periods: [{ start: '07:30', end: '11:30' }], countsForProcessing },
    });
    const receptionOnly = new WorkingDayCalendar({
      officialYears: [OFFICIAL_CALENDAR_2026],
      officeHours: withSaturday(false),
    });
    const processing = new WorkingDayCalendar({
      officialYears: [OFFICIAL_CALENDAR_2026],
      officeHours: withSaturday(true),
    });

    it('when a citizen comes on Saturday morning, then the desk is open but the clock starts on Monday', () => {
      expect(receptionOnly.isReceptionOpen(at('2026-03-14 09:00'))).toBe(true);
      expect(receptionOnly.isReceptionOpen(at('2026-03-14 12:00'))).toBe(false);
      expect(calendar.isReceptionOpen(at('2026-03-14 09:00'))).toBe(false);
      expect(receptionOnly.isWorkingDay('2026-03-14')).toBe(false);
      expect(local(receptionOnly.effectiveReceipt(at('2026-03-14 09:00'), { channel: 'counter' }))).toBe(
        '2026-03-16 07:30',
      );
    });

    it('when the Saturday lies inside an official break, then the desk is closed', () => {
      expect(receptionOnly.isReceptionOpen(at('2026-02-14 09:00'))).toBe(false);
      expect(receptionOnly.isReceptionOpen(at('2026-04-25 09:00'))).toBe(false);
      expect(receptionOnly.isReceptionOpen(at('2026-08-29 09:00'))).toBe(false);
    });

    it('when Saturday is configured to count for processing, then its minutes count but it is not a working day', () => {
      expect(processing.isWorkingDay('2026-03-14')).toBe(false);
      expect(local(processing.effectiveReceipt(at('2026-03-14 09:00'), { channel: 'counter' }))).toBe(
        '2026-03-14 09:00',
      );
      // Friday 10:00-16:30 gives 330 minutes, Saturday 07:30-10:00 the other 150.
      expect(local(processing.addWorkingTime(at('2026-03-13 10:00'), workingDays(1)))).toBe(
        '2026-03-14 10:00',
      );
    });

    it('when office hours are inconsistent, then every problem is reported', () => {
      expect(
        () =>
          new WorkingDayCalendar({
            officialYears: [OFFICIAL_CALENDAR_2026],
            officeHours: {
              periods: [
                { start: '07:30', end: '12:00' },
                { start: '11:00', end: '16:30' },
                { start: '17:00', end: '16:00' },
              ],
              workingWeekdays: [],
            },
          }),
      ).toThrow(
        expect.objectContaining({
          problems: [
            'working periods: 17:00-16:00 does not end after it starts',
            'working periods overlap',
            'no working weekdays',
          ],
        }),
      );
    });
  });
});

describe('a year with no confirmed calendar', () => {
  const shipped = { officialYears: [OFFICIAL_CALENDAR_2025, OFFICIAL_CALENDAR_2026] };

  it('given a calendar that derives missing years, when a 20-working-day deadline reaches into 2027, then it is computed and said to be provisional', () => {
    const engine = new WorkingDayCalendar({ ...shipped, provisionalForMissingYears: true });
    const receivedAt = localInstant('2026-12-08', '09:00');
    const due = engine.addWorkingTime(receivedAt, { unit: 'working-days', value: 20 });
    // 1/1/2027 (Friday) is New Year's Day by the law alone.
    expect(due).toEqual(localInstant('2027-01-06', '09:00'));
    expect(engine.isWorkingDay('2027-01-01')).toBe(false);
    expect(engine.provisionalYearsBetween(receivedAt, due as Date)).toEqual([2027]);
    expect(engine.provisionalYearsBetween(receivedAt, localInstant('2026-12-30', '09:00'))).toEqual([]);
    expect(engine.loadedYears).toEqual([2025, 2026]);
  });

  it('given the provisional 2027, then Tết follows the lunar calendar and the Labour Code 2019', () => {
    const engine = new WorkingDayCalendar({ ...shipped, provisionalForMissingYears: true });
    // Lunar new year: Saturday 6/2/2027; the law's five days from giao thừa (5/2) to mùng 4 (9/2), with the
    // weekend days given back on the next working days (10-11/2).
    for (const day of ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']) {
      expect(engine.isWorkingDay(day)).toBe(false);
    }
    expect(engine.isWorkingDay('2027-02-12')).toBe(true);
    expect(provisionalOfficialYear(2027)).toMatchObject({ year: 2027, status: 'provisional' });
  });

  it('given a calendar that refuses missing years, or a year the law cannot derive, then CalendarYearMissing', () => {
    const strict = new WorkingDayCalendar(shipped);
    expect(() => strict.isWorkingDay('2027-01-04')).toThrow(CalendarYearMissing);
    expect(
      strict.provisionalYearsBetween(
        localInstant('2026-12-08', '09:00'),
        localInstant('2027-01-08', '09:00'),
      ),
    ).toEqual([]);
    const engine = new WorkingDayCalendar({ ...shipped, provisionalForMissingYears: true });
    expect(() => engine.isWorkingDay('2006-05-02')).toThrow(CalendarYearMissing);
  });
});
