// The confirmed 2025 calendar for civil servants (Monday-Friday week).
// Source: Công văn 8726/VPCP-KGVX ngày 26/11/2024 conveying the Prime Minister's decision on Tết Ất Tỵ and the
// 2025 holidays, as published: Tết "từ ngày 25/1 đến hết ngày 2/2/2025" (26 tháng Chạp to mùng 5, so the five
// Tết days are the weekdays 27-31/1); 30/4-1/5 "nghỉ 5 ngày, từ ngày 30/4 đến hết ngày 4/5/2025 (hoán đổi ngày
// làm việc thứ Sáu ngày 2/5 sang thứ Bảy 26/4/2025)"; Quốc khánh "từ ngày 30/8 đến hết ngày 2/9/2025", i.e.
// 1/9 (Mon) is the adjacent day. 1/1 (Wed) and Giỗ Tổ Hùng Vương on Monday 7/4 follow from the law alone.
import type { OfficialYearCalendar } from './official-calendar';
import { makeUpDayName, PUBLIC_HOLIDAY_NAMES as names, swapDayName } from './public-holiday-names';

export const OFFICIAL_CALENDAR_2025: OfficialYearCalendar = {
  year: 2025,
  status: 'confirmed',
  source: 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Bộ luật Lao động 2019 Điều 111-112',
  daysOff: [
    { date: '2025-01-01', name: names.newYear, kind: 'holiday' },
    { date: '2025-01-27', name: names.tet, kind: 'holiday' },
    { date: '2025-01-28', name: names.tet, kind: 'holiday' },
    { date: '2025-01-29', name: names.tet, kind: 'holiday' },
    { date: '2025-01-30', name: names.tet, kind: 'holiday' },
    { date: '2025-01-31', name: names.tet, kind: 'holiday' },
    { date: '2025-04-07', name: names.hungKings, kind: 'holiday' },
    { date: '2025-04-30', name: names.reunification, kind: 'holiday' },
    { date: '2025-05-01', name: names.labourDay, kind: 'holiday' },
    { date: '2025-05-02', name: swapDayName(names.reunification), kind: 'swap', compensates: '2025-04-26' },
    { date: '2025-09-01', name: names.nationalDayAdjacent, kind: 'holiday' },
    { date: '2025-09-02', name: names.nationalDay, kind: 'holiday' },
  ],
  makeUpWorkingDays: [
    { date: '2025-04-26', name: makeUpDayName(names.reunification), compensates: '2025-05-02' },
  ],
  notes: [
    'Whether 8726/VPCP-KGVX also fixed the Quốc khánh days was not verified against the document text.',
  ],
};
