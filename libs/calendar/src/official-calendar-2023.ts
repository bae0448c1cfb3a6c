// The 2023 calendar for civil servants (Monday-Friday week). Labour Code 2019 Art. 111-112 applied: Tết 5 days,
// 2/9 plus one adjacent day, a holiday on a weekly rest day given back on the next working day.
// Source: Công văn 8056/VPCP-KGVX ngày 01/12/2022, conveying the Deputy Prime Minister's agreement with the Bộ
// LĐTBXH proposal, as reported in the press (document text not held here). Bộ LĐTBXH's implementing notice is
// cited by a secondary source as Thông báo 5034/TB-LĐTBXH (not verified).
// - Tết from Friday 20/1/2023 (29 tháng Chạp) to the end of Thursday 26/1/2023 (mùng 5). The Tết days are
//   20-24/1; 30 tháng Chạp and mùng 1 fall on Saturday 21/1 and Sunday 22/1 and are given back on
//   Wednesday 25/1 and Thursday 26/1 (Art. 111(3)). No swap: Friday 27/1 is a working day.
// - Quốc khánh 1-4/9: Friday 1/9 (the adjacent day) and Saturday 2/9, given back on Monday 4/9.
// - From the law alone: 1/1 on a Sunday given back on Monday 2/1; Giỗ Tổ Hùng Vương on Saturday 29/4 (the year
//   has a leap second month) and 30/4 on the Sunday, given back on Tuesday 2/5 and Wednesday 3/5 after the
//   Monday 1/5 holiday: 29/4-3/5 off, as published. Which compensatory day pays for which holiday is not
//   stated by the documents; date order is used, as in the prefill.
// The lunar dates were checked against a new-moon computation (Tết 22/1, 10/3 lunar on 29/4).
import type { OfficialYearCalendar } from './official-calendar';
import { compensatoryDayName, PUBLIC_HOLIDAY_NAMES as names } from './public-holiday-names';

export const OFFICIAL_CALENDAR_2023: OfficialYearCalendar = {
  year: 2023,
  status: 'confirmed',
  source: 'Công văn 8056/VPCP-KGVX ngày 01/12/2022; Bộ luật Lao động 2019 Điều 111-112',
  daysOff: [
    { date: '2023-01-01', name: names.newYear, kind: 'holiday' },
    {
      date: '2023-01-02',
      name: compensatoryDayName(names.newYear),
      kind: 'compensatory',
      compensates: '2023-01-01',
    },
    { date: '2023-01-20', name: names.tet, kind: 'holiday' },
    { date: '2023-01-21', name: names.tet, kind: 'holiday' },
    { date: '2023-01-22', name: names.tet, kind: 'holiday' },
    { date: '2023-01-23', name: names.tet, kind: 'holiday' },
    { date: '2023-01-24', name: names.tet, kind: 'holiday' },
    {
      date: '2023-01-25',
      name: compensatoryDayName(names.tet),
      kind: 'compensatory',
      compensates: '2023-01-21',
    },
    {
      date: '2023-01-26',
      name: compensatoryDayName(names.tet),
      kind: 'compensatory',
      compensates: '2023-01-22',
    },
    { date: '2023-04-29', name: names.hungKings, kind: 'holiday' },
    { date: '2023-04-30', name: names.reunification, kind: 'holiday' },
    { date: '2023-05-01', name: names.labourDay, kind: 'holiday' },
    {
      date: '2023-05-02',
      name: compensatoryDayName(names.hungKings),
      kind: 'compensatory',
      compensates: '2023-04-29',
    },
    {
      date: '2023-05-03',
      name: compensatoryDayName(names.reunification),
      kind: 'compensatory',
      compensates: '2023-04-30',
    },
    { date: '2023-09-01', name: names.nationalDayAdjacent, kind: 'holiday' },
    { date: '2023-09-02', name: names.nationalDay, kind: 'holiday' },
    {
      date: '2023-09-04',
      name: compensatoryDayName(names.nationalDay),
      kind: 'compensatory',
      compensates: '2023-09-02',
    },
  ],
  makeUpWorkingDays: [],
  notes: [
    'The text of 8056/VPCP-KGVX was not read; its number, date and days are as reported in the press.',
    'Thông báo 5034/TB-LĐTBXH (the implementing notice) was not verified.',
  ],
};
