import { addDays, isoWeekday, localInstant, toLocalDateTime } from './local-time';
import { officialYearCalendarProblems, type OfficialYearCalendar } from './official-calendar';
import { OFFICIAL_CALENDAR_2015 } from './official-calendar-2015';
import { OFFICIAL_CALENDAR_2016 } from './official-calendar-2016';
import { OFFICIAL_CALENDAR_2017 } from './official-calendar-2017';
import { OFFICIAL_CALENDAR_2018 } from './official-calendar-2018';
import { OFFICIAL_CALENDAR_2019 } from './official-calendar-2019';
import { OFFICIAL_CALENDAR_2020 } from './official-calendar-2020';
import { OFFICIAL_CALENDAR_2021 } from './official-calendar-2021';
import { OFFICIAL_CALENDAR_2022 } from './official-calendar-2022';
import { OFFICIAL_CALENDAR_2023 } from './official-calendar-2023';
import { OFFICIAL_CALENDAR_2024 } from './official-calendar-2024';
import { OFFICIAL_CALENDAR_2025 } from './official-calendar-2025';
import { OFFICIAL_CALENDAR_2026 } from './official-calendar-2026';
import { WorkingDayCalendar } from './working-day-calendar';

const NEW_YEARS: readonly OfficialYearCalendar[] = [
  OFFICIAL_CALENDAR_2015,
  OFFICIAL_CALENDAR_2016,
  OFFICIAL_CALENDAR_2017,
  OFFICIAL_CALENDAR_2021,
  OFFICIAL_CALENDAR_2022,
  OFFICIAL_CALENDAR_2023,
  OFFICIAL_CALENDAR_2024,
];
// Every year shipped, so that a swap paid in the neighbouring year can be followed across the boundary.
const ALL_YEARS: readonly OfficialYearCalendar[] = [
  ...NEW_YEARS,
  OFFICIAL_CALENDAR_2018,
  OFFICIAL_CALENDAR_2019,
  OFFICIAL_CALENDAR_2020,
  OFFICIAL_CALENDAR_2025,
  OFFICIAL_CALENDAR_2026,
].sort((a, b) => a.year - b.year);

// Labour Code 2012 Art. 115 lists 10 holiday days (2/9 one day); Labour Code 2019 Art. 112 lists 11.
const statutoryHolidayDays = (year: number): number => (year >= 2021 ? 11 : 10);

const at = (dateTime: string): Date => localInstant(dateTime.slice(0, 10), dateTime.slice(11));
const local = (instant: Date | null): string | null => {
  if (instant === null) return null;
  const { date, minuteOfDay } = toLocalDateTime(instant);
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  return `${date} ${pad(minuteOfDay / 60)}:${pad(minuteOfDay % 60)}`;
};
const isWeekend = (date: string): boolean => isoWeekday(date) >= 6;
const datesFrom = (first: string, last: string): string[] => {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
};

describe('the official calendars of 2015-2017 (Labour Code 2012) and 2021-2024 (Labour Code 2019)', () => {
  const calendar = new WorkingDayCalendar({ officialYears: ALL_YEARS });

  describe('given each new year on its own', () => {
    it.each(NEW_YEARS.map((year) => [year.year, year] as const))(
      'when %i is checked, then it is consistent, confirmed and cites its source',
      (_, year) => {
        expect(officialYearCalendarProblems(year)).toEqual([]);
        expect(year.status).toBe('confirmed');
        expect(year.source).toMatch(/Bộ luật Lao động (2012 Điều 115|2019 Điều 111-112)/);
      },
    );

    it.each(NEW_YEARS.map((year) => [year.year, year] as const))(
      'when the holidays of %i are counted, then they are the statutory days, each weekend one given back once',
      (_, year) => {
        const holidays = year.daysOff.filter((day) => day.kind === 'holiday');
        expect(holidays).toHaveLength(statutoryHolidayDays(year.year));
        const weekendHolidays = holidays.filter((day) => isWeekend(day.date)).map((day) => day.date);
        const compensatory = year.daysOff.filter((day) => day.kind === 'compensatory');
        expect(compensatory.map((day) => day.compensates).sort()).toEqual(weekendHolidays.sort());
        for (const day of compensatory) {
          expect(isWeekend(day.date)).toBe(false);
          expect(day.date > day.compensates!).toBe(true);
        }
      },
    );
  });

  describe('given every shipped year 2015-2026', () => {
    it('when each swap is followed, then its make-up Saturday lists it back, across the year boundary too', () => {
      const makeUpDays = new Map(ALL_YEARS.flatMap((year) => year.makeUpWorkingDays).map((d) => [d.date, d]));
      const swaps = new Map(
        ALL_YEARS.flatMap((year) => year.daysOff)
          .filter((day) => day.kind === 'swap')
          .map((day) => [day.date, day]),
      );
      const loaded = new Set(ALL_YEARS.map((year) => year.year));
      const unresolved: string[] = [];
      for (const swap of swaps.values()) {
        const paidBy = swap.compensates!;
        if (!loaded.has(Number(paidBy.slice(0, 4)))) {
          unresolved.push(`${swap.date}->${paidBy}`);
          continue;
        }
        expect(makeUpDays.get(paidBy)?.compensates).toBe(swap.date);
      }
      for (const makeUp of makeUpDays.values()) {
        expect(swaps.get(makeUp.compensates)?.compensates).toBe(makeUp.date);
      }
      // The only link out of the shipped years: 2/1/2015 was paid by Saturday 27/12/2014.
      expect(unresolved).toEqual(['2015-01-02->2014-12-27']);
    });

    it('when the years are listed, then they run without a gap from 2015 to 2026', () => {
      expect(ALL_YEARS.map((year) => year.year)).toEqual([
        2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
      ]);
    });
  });

  describe('given 2015 (Tết Ất Mùi, swaps at New Year, Tết and 30/4)', () => {
    it('when Tết comes, then 16-23 February rest, Saturday 14 February works and a 3-day dossier of Thursday 12 February is due on the 24th', () => {
      for (const day of datesFrom('2015-02-15', '2015-02-23')) expect(calendar.isWorkingDay(day)).toBe(false);
      expect(calendar.isWorkingDay('2015-02-14')).toBe(true);
      expect(calendar.isWorkingDay('2015-02-24')).toBe(true);
      expect(local(calendar.addWorkingTime(at('2015-02-12 10:00'), { unit: 'working-days', value: 3 }))).toBe(
        '2015-02-24 10:00',
      );
    });

    it('when the other swaps come, then 2/1 and 29/4 rest, Saturday 25/4 works, 2/9 is a single day', () => {
      expect(calendar.isWorkingDay('2015-01-02')).toBe(false);
      expect(calendar.isWorkingDay('2015-04-25')).toBe(true);
      for (const day of ['2015-04-28', '2015-04-29', '2015-04-30', '2015-05-01']) {
        expect(calendar.isWorkingDay(day)).toBe(false);
      }
      expect(calendar.isWorkingDay('2015-09-02')).toBe(false);
      expect(calendar.isWorkingDay('2015-09-03')).toBe(true);
    });
  });

  describe('given 2016 (Tết Bính Thân, no swap)', () => {
    it('when Tết comes, then 8-12 February rest and a 2-day dossier of Friday 5 February is due on Tuesday the 16th', () => {
      for (const day of datesFrom('2016-02-08', '2016-02-12')) expect(calendar.isWorkingDay(day)).toBe(false);
      expect(calendar.isWorkingDay('2016-02-15')).toBe(true);
      expect(local(calendar.addWorkingTime(at('2016-02-05 09:00'), { unit: 'working-days', value: 2 }))).toBe(
        '2016-02-16 09:00',
      );
    });

    it('when a holiday falls on a weekend, then the next working day rests instead', () => {
      expect(calendar.isWorkingDay('2016-04-18')).toBe(false); // Hùng Kings on Saturday 16/4
      expect(calendar.isWorkingDay('2016-05-02')).toBe(false); // 30/4 on a Saturday
      expect(calendar.isWorkingDay('2016-05-03')).toBe(false); // 1/5 on a Sunday
      expect(calendar.isWorkingDay('2016-05-04')).toBe(true);
    });
  });

  describe('given 2017 (Tết Đinh Dậu, no swap)', () => {
    it('when Tết comes, then 26 January-1 February rest and a 2-day dossier of Wednesday 25 January is due on Friday 3 February', () => {
      for (const day of ['2017-01-26', '2017-01-27', '2017-01-30', '2017-01-31', '2017-02-01']) {
        expect(calendar.isWorkingDay(day)).toBe(false);
      }
      expect(calendar.isWorkingDay('2017-02-02')).toBe(true);
      expect(local(calendar.addWorkingTime(at('2017-01-25 14:00'), { unit: 'working-days', value: 2 }))).toBe(
        '2017-02-03 14:00',
      );
    });

    it('when New Year 2017 falls on a Sunday, then a deadline from 30/12/2016 skips Monday 2 January', () => {
      expect(calendar.isWorkingDay('2017-01-02')).toBe(false);
      expect(local(calendar.addWorkingTime(at('2016-12-30 10:00'), { unit: 'working-days', value: 1 }))).toBe(
        '2017-01-03 10:00',
      );
      expect(calendar.isWorkingDay('2017-05-02')).toBe(false); // 30/4 on a Sunday
      expect(calendar.isWorkingDay('2017-09-04')).toBe(false); // 2/9 on a Saturday
    });
  });

  describe('given 2021 (Tết Tân Sửu, first year with the adjacent National Day)', () => {
    it('when Tết comes, then 10-16 February rest and a 1-day dossier of Tuesday 9 February is due on the 17th', () => {
      for (const day of ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16']) {
        expect(calendar.isWorkingDay(day)).toBe(false);
      }
      expect(local(calendar.addWorkingTime(at('2021-02-09 10:00'), { unit: 'working-days', value: 1 }))).toBe(
        '2021-02-17 10:00',
      );
    });

    it('when 1/5 and 2/9 come, then Monday 3/5 and Friday 3/9 rest', () => {
      expect(calendar.isWorkingDay('2021-05-03')).toBe(false);
      expect(calendar.isWorkingDay('2021-09-02')).toBe(false);
      expect(calendar.isWorkingDay('2021-09-03')).toBe(false);
      expect(calendar.isWorkingDay('2021-09-06')).toBe(true);
    });
  });

  describe('given 2022 (Tết Nhâm Dần)', () => {
    it('when New Year falls on a Saturday, then a 3-day dossier of 30/12/2021 skips Monday 3 January', () => {
      expect(calendar.isWorkingDay('2021-12-31')).toBe(true);
      expect(calendar.isWorkingDay('2022-01-03')).toBe(false);
      expect(local(calendar.addWorkingTime(at('2021-12-30 09:00'), { unit: 'working-days', value: 3 }))).toBe(
        '2022-01-05 09:00',
      );
    });

    it('when Tết comes, then 31 January-4 February rest and a 1-day dossier of Friday 28 January is due on 7 February', () => {
      for (const day of datesFrom('2022-01-31', '2022-02-04')) expect(calendar.isWorkingDay(day)).toBe(false);
      expect(local(calendar.addWorkingTime(at('2022-01-28 15:00'), { unit: 'working-days', value: 1 }))).toBe(
        '2022-02-07 15:00',
      );
      expect(calendar.isWorkingDay('2022-04-11')).toBe(false); // Hùng Kings on Sunday 10/4
      expect(calendar.isWorkingDay('2022-09-01')).toBe(false); // the adjacent day is before 2/9
      expect(calendar.isWorkingDay('2022-09-05')).toBe(true);
    });
  });

  describe('given 2023 (Tết Quý Mão, Hùng Kings on a Saturday)', () => {
    it('when Tết comes, then 20-26 January rest, Friday 27 works and a 2-day dossier of Thursday 19 January is due on the 30th', () => {
      for (const day of ['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']) {
        expect(calendar.isWorkingDay(day)).toBe(false);
      }
      expect(calendar.isWorkingDay('2023-01-27')).toBe(true);
      expect(local(calendar.addWorkingTime(at('2023-01-19 09:00'), { unit: 'working-days', value: 2 }))).toBe(
        '2023-01-30 09:00',
      );
    });

    it('when Hùng Kings, 30/4 and 2/9 fall on weekends, then 2-3 May and Monday 4 September rest', () => {
      for (const day of ['2023-05-01', '2023-05-02', '2023-05-03'])
        expect(calendar.isWorkingDay(day)).toBe(false);
      expect(calendar.isWorkingDay('2023-05-04')).toBe(true);
      expect(calendar.isWorkingDay('2023-09-01')).toBe(false);
      expect(calendar.isWorkingDay('2023-09-04')).toBe(false);
    });
  });

  describe('given 2024 (Tết Giáp Thìn, the 30/4 swap)', () => {
    it('when Tết comes, then 8-14 February rest and a 1-day dossier of Wednesday 7 February is due on the 15th', () => {
      for (const day of ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14']) {
        expect(calendar.isWorkingDay(day)).toBe(false);
      }
      expect(local(calendar.addWorkingTime(at('2024-02-07 10:00'), { unit: 'working-days', value: 1 }))).toBe(
        '2024-02-15 10:00',
      );
    });

    it('when 30/4 comes, then Monday 29/4 rests, Saturday 4/5 works and a 3-day dossier of Friday 26/4 is due that Saturday', () => {
      expect(calendar.isWorkingDay('2024-04-29')).toBe(false);
      expect(calendar.isWorkingDay('2024-05-04')).toBe(true);
      expect(local(calendar.addWorkingTime(at('2024-04-26 09:00'), { unit: 'working-days', value: 3 }))).toBe(
        '2024-05-04 09:00',
      );
      expect(calendar.isWorkingDay('2024-09-03')).toBe(false);
    });
  });
});
