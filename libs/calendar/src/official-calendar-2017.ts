// The 2017 calendar for civil servants (Monday-Friday week), shipped for historical imports. Labour Code 2012
// Art. 115 applied: Tết 5 days, 2/9 one day, a holiday on a weekly rest day given back on the next working day.
// Source: the Prime Minister's decision on Tết Đinh Dậu, which he authorised the Minister of Bộ LĐTBXH to
// announce, as published in the press (document text not held here; the number was not verified):
// - Tết Dương lịch on Sunday 1/1/2017, given back on Monday 2/1.
// - Tết "từ 26/1 đến 1/2/2017 (tức 29 tháng Chạp năm Bính Thân đến mùng 5 tháng Giêng năm Đinh Dậu)": mùng 1
//   and mùng 2 fall on Saturday 28/1 and Sunday 29/1 and are given back on mùng 4 and mùng 5 (31/1 and 1/2);
//   "tổng cộng có 7 ngày nghỉ và không hoán đổi".
// - Giỗ Tổ Hùng Vương on Thursday 6/4; 30/4 on a Sunday, given back on Tuesday 2/5 (1/5 is a Monday).
// - Quốc khánh on Saturday 2/9, given back on Monday 4/9.
// The lunar dates were checked against a new-moon computation (Tết 28/1, 10/3 lunar on 6/4).
import type { OfficialYearCalendar } from './official-calendar';
import { compensatoryDayName, PUBLIC_HOLIDAY_NAMES as names } from './public-holiday-names';

export const OFFICIAL_CALENDAR_2017: OfficialYearCalendar = {
  year: 2017,
  status: 'confirmed',
  source:
    'Lịch nghỉ lễ, Tết năm 2017 của cán bộ, công chức, viên chức (Thủ tướng Chính phủ quyết định, Bộ LĐTBXH thông báo); ' +
    'Bộ luật Lao động 2012 Điều 115',
  daysOff: [
    { date: '2017-01-01', name: names.newYear, kind: 'holiday' },
    {
      date: '2017-01-02',
      name: compensatoryDayName(names.newYear),
      kind: 'compensatory',
      compensates: '2017-01-01',
    },
    { date: '2017-01-26', name: names.tet, kind: 'holiday' },
    { date: '2017-01-27', name: names.tet, kind: 'holiday' },
    { date: '2017-01-28', name: names.tet, kind: 'holiday' },
    { date: '2017-01-29', name: names.tet, kind: 'holiday' },
    { date: '2017-01-30', name: names.tet, kind: 'holiday' },
    {
      date: '2017-01-31',
      name: compensatoryDayName(names.tet),
      kind: 'compensatory',
      compensates: '2017-01-28',
    },
    {
      date: '2017-02-01',
      name: compensatoryDayName(names.tet),
      kind: 'compensatory',
      compensates: '2017-01-29',
    },
    { date: '2017-04-06', name: names.hungKings, kind: 'holiday' },
    { date: '2017-04-30', name: names.reunification, kind: 'holiday' },
    { date: '2017-05-01', name: names.labourDay, kind: 'holiday' },
    {
      date: '2017-05-02',
      name: compensatoryDayName(names.reunification),
      kind: 'compensatory',
      compensates: '2017-04-30',
    },
    { date: '2017-09-02', name: names.nationalDay, kind: 'holiday' },
    {
      date: '2017-09-04',
      name: compensatoryDayName(names.nationalDay),
      kind: 'compensatory',
      compensates: '2017-09-02',
    },
  ],
  makeUpWorkingDays: [],
  notes: [
    'The numbers of the documents announcing the 2017 schedule were not verified; the days match the published schedule.',
  ],
};
