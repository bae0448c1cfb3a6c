// The 2024 calendar for civil servants (Monday-Friday week). Labour Code 2019 Art. 111-112 applied: Tết 5 days,
// 2/9 plus one adjacent day, a holiday on a weekly rest day given back on the next working day.
// Sources, as reported in the press (document text not held here):
// - Tết and Quốc khánh: Bộ LĐTBXH's notice of the Prime Minister's decision, Thông báo 5015/TB-LĐTBXH ngày
//   22/11/2023 (number and date as cited by a secondary source, not verified against the document). Tết from
//   Thursday 8/2/2024 (29 tháng Chạp Quý Mão) to the end of Wednesday 14/2/2024 (mồng 5 tháng Giêng Giáp
//   Thìn): five Tết days (8-12/2) and two days given back for mùng 1 and mùng 2 on Saturday 10/2 and Sunday
//   11/2 (Art. 111(3)). Quốc khánh from Saturday 31/8 to the end of Tuesday 3/9, i.e. Monday 2/9 and the
//   adjacent Tuesday 3/9.
// - 30/4-1/5: Công văn 2450/VPCP-KGVX ngày 12/4/2024, the Prime Minister agreeing to swap Monday 29/4 with
//   Saturday 4/5, so 27/4-1/5 off. Bộ LĐTBXH's notice of it is cited by a secondary source as Thông báo
//   1570/TB-LĐTBXH (not verified).
// - From the law alone: 1/1 on a Monday; Giỗ Tổ Hùng Vương on Thursday 18/4, no swap.
// The lunar dates were checked against a new-moon computation (Tết 10/2, 10/3 lunar on 18/4).
import type { OfficialYearCalendar } from './official-calendar';
import {
  compensatoryDayName,
  makeUpDayName,
  PUBLIC_HOLIDAY_NAMES as names,
  swapDayName,
} from './public-holiday-names';

export const OFFICIAL_CALENDAR_2024: OfficialYearCalendar = {
  year: 2024,
  status: 'confirmed',
  source:
    'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Tết Âm lịch, Quốc khánh 2024); ' +
    'Công văn 2450/VPCP-KGVX ngày 12/4/2024 (hoán đổi dịp 30/4-1/5); Bộ luật Lao động 2019 Điều 111-112',
  daysOff: [
    { date: '2024-01-01', name: names.newYear, kind: 'holiday' },
    { date: '2024-02-08', name: names.tet, kind: 'holiday' },
    { date: '2024-02-09', name: names.tet, kind: 'holiday' },
    { date: '2024-02-10', name: names.tet, kind: 'holiday' },
    { date: '2024-02-11', name: names.tet, kind: 'holiday' },
    { date: '2024-02-12', name: names.tet, kind: 'holiday' },
    {
      date: '2024-02-13',
      name: compensatoryDayName(names.tet),
      kind: 'compensatory',
      compensates: '2024-02-10',
    },
    {
      date: '2024-02-14',
      name: compensatoryDayName(names.tet),
      kind: 'compensatory',
      compensates: '2024-02-11',
    },
    { date: '2024-04-18', name: names.hungKings, kind: 'holiday' },
    { date: '2024-04-29', name: swapDayName(names.reunification), kind: 'swap', compensates: '2024-05-04' },
    { date: '2024-04-30', name: names.reunification, kind: 'holiday' },
    { date: '2024-05-01', name: names.labourDay, kind: 'holiday' },
    { date: '2024-09-02', name: names.nationalDay, kind: 'holiday' },
    { date: '2024-09-03', name: names.nationalDayAdjacent, kind: 'holiday' },
  ],
  makeUpWorkingDays: [
    { date: '2024-05-04', name: makeUpDayName(names.reunification), compensates: '2024-04-29' },
  ],
  notes: [
    'The texts of 5015/TB-LĐTBXH and 2450/VPCP-KGVX were not read; their numbers, dates and days are as reported (5015 by a secondary source only).',
    'Thông báo 1570/TB-LĐTBXH (the notice of the 30/4 swap) was not verified.',
  ],
};
