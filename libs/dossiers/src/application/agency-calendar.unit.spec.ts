import { DEFAULT_OFFICE_HOURS, localInstant } from '../domain/calendar';
import { agencyCalendar, officeHoursOf } from './agency-calendar';

const KHANH_HOA = [
  { from: '07:00', to: '11:30' },
  { from: '13:30', to: '17:00' },
];

describe('agency calendars', () => {
  it('uses the default office hours for an agency not in the directory', () => {
    expect(officeHoursOf(undefined)).toBe(DEFAULT_OFFICE_HOURS);
    expect(officeHoursOf({ periods: [], saturdayReception: false })).toBe(DEFAULT_OFFICE_HOURS);
  });

  it('takes the directory’s periods, Monday to Friday', () => {
    expect(officeHoursOf({ periods: KHANH_HOA, saturdayReception: false })).toEqual({
      periods: [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      workingWeekdays: [1, 2, 3, 4, 5],
    });
  });

  it('reads Saturday reception as the morning periods, not processing time', () => {
    expect(officeHoursOf({ periods: KHANH_HOA, saturdayReception: true }).saturdayReception).toEqual({
      periods: [{ start: '07:00', end: '11:30' }],
      countsForProcessing: false,
    });
  });

  it('builds a calendar with the shipped official years and the agency’s hours', () => {
    const calendar = agencyCalendar({ periods: KHANH_HOA, saturdayReception: false });
    expect(calendar.loadedYears).toEqual([
      2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    expect(calendar.workingDayMinutes).toBe(8 * 60);
    // Friday 13 February 2026, 16:45: still open in Khánh Hòa (closes 17:00), closed by the default hours.
    expect(calendar.isReceptionOpen(localInstant('2026-02-13', '16:45'))).toBe(true);
    expect(agencyCalendar(undefined).isReceptionOpen(localInstant('2026-02-13', '16:45'))).toBe(false);
  });
});
