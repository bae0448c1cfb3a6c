// The 2020 calendar for civil servants (Monday-Friday week), shipped so that dossiers received at the end of
// 2019 have their deadlines. Labour Code 2012 Art. 115 applied: 2/9 is one day.
// Source, as published in the press when the schedule was announced (document text not held here): Tết Canh Tý
// "từ thứ Năm ngày 23/1/2020 đến hết thứ Tư ngày 29/1/2020" (the five Tết days are the weekdays 23, 24, 27, 28
// and 29/1); Giỗ Tổ Hùng Vương on Thursday 2/4; 30/4 (Thu) and 1/5 (Fri); 2/9 on a Wednesday; no swaps.
import type { OfficialYearCalendar } from './official-calendar';
import { PUBLIC_HOLIDAY_NAMES as names } from './public-holiday-names';

export const OFFICIAL_CALENDAR_2020: OfficialYearCalendar = {
  year: 2020,
  status: 'confirmed',
  source:
    'Lịch nghỉ lễ, Tết năm 2020 của cán bộ, công chức, viên chức (theo Thủ tướng Chính phủ); Bộ luật Lao động 2012 Điều 115',
  daysOff: [
    { date: '2020-01-01', name: names.newYear, kind: 'holiday' },
    { date: '2020-01-23', name: names.tet, kind: 'holiday' },
    { date: '2020-01-24', name: names.tet, kind: 'holiday' },
    { date: '2020-01-27', name: names.tet, kind: 'holiday' },
    { date: '2020-01-28', name: names.tet, kind: 'holiday' },
    { date: '2020-01-29', name: names.tet, kind: 'holiday' },
    { date: '2020-04-02', name: names.hungKings, kind: 'holiday' },
    { date: '2020-04-30', name: names.reunification, kind: 'holiday' },
    { date: '2020-05-01', name: names.labourDay, kind: 'holiday' },
    { date: '2020-09-02', name: names.nationalDay, kind: 'holiday' },
  ],
  makeUpWorkingDays: [],
  notes: [
    'The numbers of the documents announcing the 2020 schedule were not verified; the days match the published schedule.',
  ],
};
