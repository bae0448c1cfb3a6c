// The 2019 calendar for civil servants (Monday-Friday week), the year of the reform reports in shared/seeds
// (Khánh Vĩnh district). Labour Code 2012 Art. 115 applied: 2/9 is one day, a holiday on a weekly rest day is
// given back on the next working day.
// Source, as published in the press when the schedule was announced (document text not held here): Tết Kỷ Hợi
// "từ thứ Bảy ngày 2/2/2019 đến hết Chủ nhật ngày 10/2/2019" (the five Tết days are the weekdays 4-8/2);
// Giỗ Tổ Hùng Vương on Sunday 14/4 given back on Monday 15/4; 30/4-1/5 "từ thứ Bảy 27/4 đến hết thứ Tư 1/5",
// swapping Monday 29/4 with Saturday 4/5; Saturday 5/1/2019 worked for the 31/12/2018 swap; 2/9 on a Monday.
import type { OfficialYearCalendar } from './official-calendar';
import {
  compensatoryDayName,
  makeUpDayName,
  PUBLIC_HOLIDAY_NAMES as names,
  swapDayName,
} from './public-holiday-names';

export const OFFICIAL_CALENDAR_2019: OfficialYearCalendar = {
  year: 2019,
  status: 'confirmed',
  source:
    'Lịch nghỉ lễ, Tết năm 2019 của cán bộ, công chức, viên chức (theo Thủ tướng Chính phủ); Bộ luật Lao động 2012 Điều 115',
  daysOff: [
    { date: '2019-01-01', name: names.newYear, kind: 'holiday' },
    { date: '2019-02-04', name: names.tet, kind: 'holiday' },
    { date: '2019-02-05', name: names.tet, kind: 'holiday' },
    { date: '2019-02-06', name: names.tet, kind: 'holiday' },
    { date: '2019-02-07', name: names.tet, kind: 'holiday' },
    { date: '2019-02-08', name: names.tet, kind: 'holiday' },
    {
      date: '2019-04-15',
      name: compensatoryDayName(names.hungKings),
      kind: 'compensatory',
      compensates: '2019-04-14',
    },
    { date: '2019-04-29', name: swapDayName(names.reunification), kind: 'swap', compensates: '2019-05-04' },
    { date: '2019-04-30', name: names.reunification, kind: 'holiday' },
    { date: '2019-05-01', name: names.labourDay, kind: 'holiday' },
    { date: '2019-09-02', name: names.nationalDay, kind: 'holiday' },
  ],
  makeUpWorkingDays: [
    { date: '2019-01-05', name: makeUpDayName(names.newYear), compensates: '2018-12-31' },
    { date: '2019-05-04', name: makeUpDayName(names.reunification), compensates: '2019-04-29' },
  ],
  notes: [
    'The numbers of the documents announcing the 2019 schedule were not verified; the days match the published schedule.',
    'Giỗ Tổ Hùng Vương itself (Sunday 14/4) is a weekly rest day; only its compensatory Monday is listed.',
  ],
};
