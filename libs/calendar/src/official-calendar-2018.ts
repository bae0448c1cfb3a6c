// The 2018 calendar for civil servants (Monday-Friday week), shipped so that dossiers carried over into 2019
// (historical imports, the simulator's year) have their deadlines. Labour Code 2012 Art. 115 applied: 2/9 is
// one day, a holiday on a weekly rest day is given back on the next working day.
// Source, as published in the press when the schedule was announced (document text not held here): Tết Mậu Tuất
// "từ thứ Tư ngày 14/2/2018 đến hết thứ Ba ngày 20/2/2018"; 30/4 (Mon) and 1/5 (Tue) off with the weekend
// before; Quốc khánh on Sunday 2/9 given back on Monday 3/9; for Tết Dương lịch 2019, Monday 31/12/2018 swapped
// with Saturday 5/1/2019. Giỗ Tổ Hùng Vương on Wednesday 25/4 (10/3 lunar, as date-holidays gives it).
import type { OfficialYearCalendar } from './official-calendar';
import { compensatoryDayName, PUBLIC_HOLIDAY_NAMES as names, swapDayName } from './public-holiday-names';

export const OFFICIAL_CALENDAR_2018: OfficialYearCalendar = {
  year: 2018,
  status: 'confirmed',
  source:
    'Lịch nghỉ lễ, Tết năm 2018 của cán bộ, công chức, viên chức (theo Thủ tướng Chính phủ); Bộ luật Lao động 2012 Điều 115',
  daysOff: [
    { date: '2018-01-01', name: names.newYear, kind: 'holiday' },
    { date: '2018-02-14', name: names.tet, kind: 'holiday' },
    { date: '2018-02-15', name: names.tet, kind: 'holiday' },
    { date: '2018-02-16', name: names.tet, kind: 'holiday' },
    { date: '2018-02-19', name: names.tet, kind: 'holiday' },
    { date: '2018-02-20', name: names.tet, kind: 'holiday' },
    { date: '2018-04-25', name: names.hungKings, kind: 'holiday' },
    { date: '2018-04-30', name: names.reunification, kind: 'holiday' },
    { date: '2018-05-01', name: names.labourDay, kind: 'holiday' },
    {
      date: '2018-09-03',
      name: compensatoryDayName(names.nationalDay),
      kind: 'compensatory',
      compensates: '2018-09-02',
    },
    { date: '2018-12-31', name: swapDayName(names.newYear), kind: 'swap', compensates: '2019-01-05' },
  ],
  makeUpWorkingDays: [],
  notes: [
    'The numbers of the documents announcing the 2018 schedule were not verified; the days match the published schedule.',
  ],
};
