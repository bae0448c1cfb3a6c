// The 2021 calendar for civil servants (Monday-Friday week), the first year of Labour Code 2019 (Art. 111-112):
// Tết 5 days, 2/9 plus one adjacent day, a holiday on a weekly rest day given back on the next working day.
// Source: the Prime Minister's decision on Tết Tân Sửu and Quốc khánh 2021, announced by Bộ LĐTBXH in Thông báo
// 4875/TB-LĐTBXH (number as cited by secondary sources; its date and text were not verified), as published in
// the press (document text not held here):
// - Tết "7 ngày liên tục, từ ngày 10 đến hết ngày 16-2-2021 (từ 29 tháng Chạp năm Canh Tý đến hết ngày mùng 5
//   tháng Giêng năm Tân Sửu)": the Tết days are 10-14/2; mùng 2 and mùng 3 fall on Saturday 13/2 and Sunday
//   14/2 and are given back on Monday 15/2 and Tuesday 16/2. No swap.
// - Quốc khánh "4 ngày liên tiếp": Thursday 2/9 and the adjacent Friday 3/9, with the weekend.
// - 1/1 (Fri) and Giỗ Tổ Hùng Vương on Wednesday 21/4 follow from the law alone; 1/5 falls on a Saturday and is
//   given back on Monday 3/5.
// 1/1/2022 falls on a Saturday: its compensatory Monday is in the 2022 calendar.
// The lunar dates were checked against a new-moon computation (Tết 12/2, 10/3 lunar on 21/4).
import type { OfficialYearCalendar } from './official-calendar';
import { compensatoryDayName, PUBLIC_HOLIDAY_NAMES as names } from './public-holiday-names';

export const OFFICIAL_CALENDAR_2021: OfficialYearCalendar = {
  year: 2021,
  status: 'confirmed',
  source:
    'Thông báo 4875/TB-LĐTBXH (nghỉ Tết Âm lịch và Quốc khánh năm 2021; số theo nguồn thứ cấp, ngày ban hành chưa kiểm tra); ' +
    'Bộ luật Lao động 2019 Điều 111-112',
  daysOff: [
    { date: '2021-01-01', name: names.newYear, kind: 'holiday' },
    { date: '2021-02-10', name: names.tet, kind: 'holiday' },
    { date: '2021-02-11', name: names.tet, kind: 'holiday' },
    { date: '2021-02-12', name: names.tet, kind: 'holiday' },
    { date: '2021-02-13', name: names.tet, kind: 'holiday' },
    { date: '2021-02-14', name: names.tet, kind: 'holiday' },
    {
      date: '2021-02-15',
      name: compensatoryDayName(names.tet),
      kind: 'compensatory',
      compensates: '2021-02-13',
    },
    {
      date: '2021-02-16',
      name: compensatoryDayName(names.tet),
      kind: 'compensatory',
      compensates: '2021-02-14',
    },
    { date: '2021-04-21', name: names.hungKings, kind: 'holiday' },
    { date: '2021-04-30', name: names.reunification, kind: 'holiday' },
    { date: '2021-05-01', name: names.labourDay, kind: 'holiday' },
    {
      date: '2021-05-03',
      name: compensatoryDayName(names.labourDay),
      kind: 'compensatory',
      compensates: '2021-05-01',
    },
    { date: '2021-09-02', name: names.nationalDay, kind: 'holiday' },
    { date: '2021-09-03', name: names.nationalDayAdjacent, kind: 'holiday' },
  ],
  makeUpWorkingDays: [],
  notes: [
    'Thông báo 4875/TB-LĐTBXH: one secondary source ties this number to 2021, another to 2022; the number and date were not verified against the document. The days match the published schedule.',
  ],
};
