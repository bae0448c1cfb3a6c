// The 2022 calendar for civil servants (Monday-Friday week). Labour Code 2019 Art. 111-112 applied: Tết 5 days,
// 2/9 plus one adjacent day, a holiday on a weekly rest day given back on the next working day.
// Source: Công văn 245/VPCP-KGVX ngày 11/1/2022, conveying the Deputy Prime Minister's agreement with the Bộ
// LĐTBXH proposal "về việc nghỉ Tết Nguyên đán Nhâm Dần từ ngày 31.1.2022 đến hết ngày 4.2.2022 và nghỉ lễ
// Quốc khánh từ ngày 1.9.2022 đến hết ngày 2.9.2022", as quoted in the press (document text not held here).
// Bộ LĐTBXH's implementing notice is cited by a secondary source as Thông báo 119/TB-LĐTBXH (not verified).
// - Tết: Monday 31/1 (29 tháng Chạp, the last day of Tân Sửu) to Friday 4/2 (mùng 4), 9 days with the two
//   weekends; no day falls on a weekend, so no compensatory day and no swap.
// - Quốc khánh: Thursday 1/9 (the adjacent day) and Friday 2/9.
// - From the law alone: 1/1 on a Saturday given back on Monday 3/1; Giỗ Tổ Hùng Vương on Sunday 10/4 given back
//   on Monday 11/4; 30/4 and 1/5 on the weekend given back on Monday 2/5 and Tuesday 3/5.
// 1/1/2023 falls on a Sunday: its compensatory Monday is in the 2023 calendar.
// The lunar dates were checked against a new-moon computation (Tết 1/2, 10/3 lunar on 10/4).
import type { OfficialYearCalendar } from './official-calendar';
import { compensatoryDayName, PUBLIC_HOLIDAY_NAMES as names } from './public-holiday-names';

export const OFFICIAL_CALENDAR_2022: OfficialYearCalendar = {
  year: 2022,
  status: 'confirmed',
  source: 'Công văn 245/VPCP-KGVX ngày 11/1/2022; Bộ luật Lao động 2019 Điều 111-112',
  daysOff: [
    { date: '2022-01-01', name: names.newYear, kind: 'holiday' },
    {
      date: '2022-01-03',
      name: compensatoryDayName(names.newYear),
      kind: 'compensatory',
      compensates: '2022-01-01',
    },
    { date: '2022-01-31', name: names.tet, kind: 'holiday' },
    { date: '2022-02-01', name: names.tet, kind: 'holiday' },
    { date: '2022-02-02', name: names.tet, kind: 'holiday' },
    { date: '2022-02-03', name: names.tet, kind: 'holiday' },
    { date: '2022-02-04', name: names.tet, kind: 'holiday' },
    { date: '2022-04-10', name: names.hungKings, kind: 'holiday' },
    {
      date: '2022-04-11',
      name: compensatoryDayName(names.hungKings),
      kind: 'compensatory',
      compensates: '2022-04-10',
    },
    { date: '2022-04-30', name: names.reunification, kind: 'holiday' },
    { date: '2022-05-01', name: names.labourDay, kind: 'holiday' },
    {
      date: '2022-05-02',
      name: compensatoryDayName(names.reunification),
      kind: 'compensatory',
      compensates: '2022-04-30',
    },
    {
      date: '2022-05-03',
      name: compensatoryDayName(names.labourDay),
      kind: 'compensatory',
      compensates: '2022-05-01',
    },
    { date: '2022-09-01', name: names.nationalDayAdjacent, kind: 'holiday' },
    { date: '2022-09-02', name: names.nationalDay, kind: 'holiday' },
  ],
  makeUpWorkingDays: [],
  notes: [
    'The text of 245/VPCP-KGVX was not read; its number, date and days are as quoted in the press.',
    'Thông báo 119/TB-LĐTBXH (the implementing notice) was not verified.',
  ],
};
