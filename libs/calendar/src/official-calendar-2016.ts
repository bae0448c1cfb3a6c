// The 2016 calendar for civil servants (Monday-Friday week), shipped for historical imports. Labour Code 2012
// Art. 115 applied: Tết 5 days, 2/9 one day, a holiday on a weekly rest day given back on the next working day.
// Source: Thông báo 4659/TB-LĐTBXH ngày 13/11/2015 on the 2016 holidays, after the Government agreed at its
// October 2015 meeting, as reported in the press (document text not held here):
// - Tết Bính Thân "từ ngày 6/2/2016 đến hết ngày 14/2/2016" (28 tháng Chạp to mùng 7), with no swap. The
//   holidays are 7-11/2: Sunday 7/2 is the last day of the year (tháng Chạp had 29 days) and is given back on
//   Friday 12/2.
// - Giỗ Tổ Hùng Vương on Saturday 16/4, given back on Monday 18/4.
// - 30/4 and 1/5 on Saturday and Sunday, given back on Monday 2/5 and Tuesday 3/5.
// - Quốc khánh on Friday 2/9. The press summary says no day of 2016 was swapped.
// 1/1/2017 falls on a Sunday: its compensatory Monday is in the 2017 calendar.
// The lunar dates were checked against a new-moon computation (Tết 8/2, 10/3 lunar on 16/4).
import type { OfficialYearCalendar } from './official-calendar';
import { compensatoryDayName, PUBLIC_HOLIDAY_NAMES as names } from './public-holiday-names';

export const OFFICIAL_CALENDAR_2016: OfficialYearCalendar = {
  year: 2016,
  status: 'confirmed',
  source: 'Thông báo 4659/TB-LĐTBXH ngày 13/11/2015 (nghỉ lễ, Tết năm 2016); Bộ luật Lao động 2012 Điều 115',
  daysOff: [
    { date: '2016-01-01', name: names.newYear, kind: 'holiday' },
    { date: '2016-02-07', name: names.tet, kind: 'holiday' },
    { date: '2016-02-08', name: names.tet, kind: 'holiday' },
    { date: '2016-02-09', name: names.tet, kind: 'holiday' },
    { date: '2016-02-10', name: names.tet, kind: 'holiday' },
    { date: '2016-02-11', name: names.tet, kind: 'holiday' },
    {
      date: '2016-02-12',
      name: compensatoryDayName(names.tet),
      kind: 'compensatory',
      compensates: '2016-02-07',
    },
    { date: '2016-04-16', name: names.hungKings, kind: 'holiday' },
    {
      date: '2016-04-18',
      name: compensatoryDayName(names.hungKings),
      kind: 'compensatory',
      compensates: '2016-04-16',
    },
    { date: '2016-04-30', name: names.reunification, kind: 'holiday' },
    { date: '2016-05-01', name: names.labourDay, kind: 'holiday' },
    {
      date: '2016-05-02',
      name: compensatoryDayName(names.reunification),
      kind: 'compensatory',
      compensates: '2016-04-30',
    },
    {
      date: '2016-05-03',
      name: compensatoryDayName(names.labourDay),
      kind: 'compensatory',
      compensates: '2016-05-01',
    },
    { date: '2016-09-02', name: names.nationalDay, kind: 'holiday' },
  ],
  makeUpWorkingDays: [],
  notes: [
    'The number and date of Thông báo 4659/TB-LĐTBXH are as the press reported them; its text was not read.',
  ],
};
