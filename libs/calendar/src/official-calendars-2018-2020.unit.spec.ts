import { localInstant, toLocalDateTime } from './local-time';
import { officialYearCalendarProblems } from './official-calendar';
import { OFFICIAL_CALENDAR_2018 } from './official-calendar-2018';
import { OFFICIAL_CALENDAR_2019 } from './official-calendar-2019';
import { OFFICIAL_CALENDAR_2020 } from './official-calendar-2020';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar({
  officialYears: [OFFICIAL_CALENDAR_2018, OFFICIAL_CALENDAR_2019, OFFICIAL_CALENDAR_2020],
});
const at = (dateTime: string): Date => localInstant(dateTime.slice(0, 10), dateTime.slice(11));
const local = (instant: Date | null): string | null => {
  if (instant === null) return null;
  const { date, minuteOfDay } = toLocalDateTime(instant);
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  return `${date} ${pad(minuteOfDay / 60)}:${pad(minuteOfDay % 60)}`;
};

describe('the shipped 2018-2020 official calendars (Labour Code 2012)', () => {
  it('given each year, then it is consistent', () => {
    expect(officialYearCalendarProblems(OFFICIAL_CALENDAR_2018)).toEqual([]);
    expect(officialYearCalendarProblems(OFFICIAL_CALENDAR_2019)).toEqual([]);
    expect(officialYearCalendarProblems(OFFICIAL_CALENDAR_2020)).toEqual([]);
  });

  it('given Tết Kỷ Hợi, then 4-8 February 2019 rest and a 1-day dossier of Friday 1 February is due on the 11th', () => {
    for (const day of ['2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08']) {
      expect(calendar.isWorkingDay(day)).toBe(false);
    }
    expect(calendar.isWorkingDay('2019-02-11')).toBe(true);
    expect(local(calendar.addWorkingTime(at('2019-02-01 10:00'), { unit: 'working-days', value: 1 }))).toBe(
      '2019-02-11 10:00',
    );
  });

  it('given the New Year swap across the two years, then 31/12/2018 rests and Saturday 5/1/2019 works', () => {
    expect(calendar.isWorkingDay('2018-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2019-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2019-01-05')).toBe(true);
    expect(local(calendar.addWorkingTime(at('2018-12-28 09:00'), { unit: 'working-days', value: 3 }))).toBe(
      '2019-01-04 09:00',
    );
  });

  it('given 30/4-1/5 2019, then Monday 29/4 rests and Saturday 4/5 works; 2/9 is a single day', () => {
    expect(calendar.isWorkingDay('2019-04-29')).toBe(false);
    expect(calendar.isWorkingDay('2019-05-04')).toBe(true);
    expect(calendar.isWorkingDay('2019-04-15')).toBe(false); // Hùng Kings on Sunday 14/4, given back
    expect(calendar.isWorkingDay('2019-09-02')).toBe(false);
    expect(calendar.isWorkingDay('2019-09-03')).toBe(true);
    expect(calendar.isWorkingDay('2018-09-03')).toBe(false); // 2/9/2018 was a Sunday
  });

  it('given Tết Canh Tý, then a 7-day dossier received on Monday 20/1/2020 is due on Wednesday 5/2', () => {
    for (const day of ['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29']) {
      expect(calendar.isWorkingDay(day)).toBe(false);
    }
    expect(local(calendar.addWorkingTime(at('2020-01-20 09:00'), { unit: 'working-days', value: 7 }))).toBe(
      '2020-02-05 09:00',
    );
  });
});
