// The 2015 calendar for civil servants (Monday-Friday week), shipped for historical imports. Labour Code 2012
// Art. 115 applied: Tết 5 days, 2/9 one day, a holiday on a weekly rest day given back on the next working day.
// Source: the Prime Minister's decision on Tết Ất Mùi and the 2015 swaps, announced by Bộ LĐTBXH (the proposal
// was Tờ trình 89/TTr-LĐTBXH ngày 20/11/2014; the number of the notice itself was not verified), as published
// in the press (document text not held here):
// - Tết Dương lịch: Saturday 27/12/2014 worked to rest Friday 2/1/2015, so 1-4/1/2015 off.
// - Tết: Tuesday 17/2 to Saturday 21/2/2015 (29 tháng Chạp to mùng 3), Monday 23/2 given back for mùng 3
//   on Saturday 21/2, and Saturday 14/2 worked to rest Monday 16/2: 15-23/2 off.
// - Giỗ Tổ Hùng Vương (Tuesday 28/4), 30/4 (Thu), 1/5 (Fri): Saturday 25/4 worked to rest Wednesday 29/4.
// - Quốc khánh on Wednesday 2/9: one day, no swap (reported on 28/8/2015).
// The lunar dates were checked against a new-moon computation (Tết 19/2, 10/3 lunar on 28/4).
import type { OfficialYearCalendar } from './official-calendar';
import {
  compensatoryDayName,
  makeUpDayName,
  PUBLIC_HOLIDAY_NAMES as names,
  swapDayName,
} from './public-holiday-names';

export const OFFICIAL_CALENDAR_2015: OfficialYearCalendar = {
  year: 2015,
  status: 'confirmed',
  source:
    'Lịch nghỉ lễ, Tết năm 2015 của cán bộ, công chức, viên chức (Thủ tướng Chính phủ đồng ý, Bộ LĐTBXH thông báo; ' +
    'đề xuất: Tờ trình 89/TTr-LĐTBXH ngày 20/11/2014); Bộ luật Lao động 2012 Điều 115',
  daysOff: [
    { date: '2015-01-01', name: names.newYear, kind: 'holiday' },
    { date: '2015-01-02', name: swapDayName(names.newYear), kind: 'swap', compensates: '2014-12-27' },
    { date: '2015-02-16', name: swapDayName(names.tet), kind: 'swap', compensates: '2015-02-14' },
    { date: '2015-02-17', name: names.tet, kind: 'holiday' },
    { date: '2015-02-18', name: names.tet, kind: 'holiday' },
    { date: '2015-02-19', name: names.tet, kind: 'holiday' },
    { date: '2015-02-20', name: names.tet, kind: 'holiday' },
    { date: '2015-02-21', name: names.tet, kind: 'holiday' },
    {
      date: '2015-02-23',
      name: compensatoryDayName(names.tet),
      kind: 'compensatory',
      compensates: '2015-02-21',
    },
    { date: '2015-04-28', name: names.hungKings, kind: 'holiday' },
    { date: '2015-04-29', name: swapDayName(names.reunification), kind: 'swap', compensates: '2015-04-25' },
    { date: '2015-04-30', name: names.reunification, kind: 'holiday' },
    { date: '2015-05-01', name: names.labourDay, kind: 'holiday' },
    { date: '2015-09-02', name: names.nationalDay, kind: 'holiday' },
  ],
  makeUpWorkingDays: [
    { date: '2015-02-14', name: makeUpDayName(names.tet), compensates: '2015-02-16' },
    { date: '2015-04-25', name: makeUpDayName(names.reunification), compensates: '2015-04-29' },
  ],
  notes: [
    'The number and date of the Bộ LĐTBXH notice announcing the decision were not verified; the days match the published schedule.',
    'The New Year swap is paid by Saturday 27/12/2014, which belongs to the 2014 calendar (not shipped): ' +
      'without it that Saturday counts as a rest day.',
  ],
};
