// The confirmed 2026 calendar for civil servants (công chức, viên chức; Monday-Friday week).
// Sources, as reported in the press on the day the documents were issued (document text not held here):
// - Tết and Quốc khánh: Văn phòng Chính phủ, 13/10/2025, conveying the Prime Minister's approval of the Ministry
//   of Home Affairs' proposal: "nghỉ Tết Âm lịch từ thứ Bảy ngày 14/2/2026 (27 tháng Chạp năm Ất Tỵ) đến hết Chủ
//   nhật ngày 22/2/2026 (mùng 6 tháng Giêng năm Bính Ngọ)"; Quốc khánh "từ thứ Bảy ngày 29/8/2026 đến hết thứ Tư
//   ngày 2/9/2026", swapping Monday 31/8 with Saturday 22/8.
// - Tết Dương lịch: Văn bản 12729/VPCP-KGVX ngày 25/12/2025: "nghỉ 4 ngày liên tục từ thứ năm (1/1/2026) đến
//   hết chủ nhật (4/1/2026); hoán đổi từ ngày làm việc thứ sáu (2/1/2026) sang ngày nghỉ hằng tuần thứ bảy
//   (10/1/2026)".
// - Giỗ Tổ Hùng Vương falls on Sunday 26/4/2026 (10/3 lunar, confirmed by date-holidays), so Monday 27/4 is the
//   compensatory day of Labour Code 2019 Art. 111(3); 30/4 (Thu) and 1/5 (Fri) with no swap.
import type { OfficialYearCalendar } from './official-calendar';
import {
  compensatoryDayName,
  makeUpDayName,
  PUBLIC_HOLIDAY_NAMES as names,
  swapDayName,
} from './public-holiday-names';

export const OFFICIAL_CALENDAR_2026: OfficialYearCalendar = {
  year: 2026,
  status: 'confirmed',
  source:
    'Văn bản VPCP ngày 13/10/2025 (ý kiến Thủ tướng về nghỉ Tết Âm lịch, Quốc khánh 2026); ' +
    'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch 2026); Bộ luật Lao động 2019 Điều 111-112',
  daysOff: [
    { date: '2026-01-01', name: names.newYear, kind: 'holiday' },
    { date: '2026-01-02', name: swapDayName(names.newYear), kind: 'swap', compensates: '2026-01-10' },
    { date: '2026-02-16', name: names.tet, kind: 'holiday' },
    { date: '2026-02-17', name: names.tet, kind: 'holiday' },
    { date: '2026-02-18', name: names.tet, kind: 'holiday' },
    { date: '2026-02-19', name: names.tet, kind: 'holiday' },
    { date: '2026-02-20', name: names.tet, kind: 'holiday' },
    { date: '2026-04-26', name: names.hungKings, kind: 'holiday' },
    {
      date: '2026-04-27',
      name: compensatoryDayName(names.hungKings),
      kind: 'compensatory',
      compensates: '2026-04-26',
    },
    { date: '2026-04-30', name: names.reunification, kind: 'holiday' },
    { date: '2026-05-01', name: names.labourDay, kind: 'holiday' },
    { date: '2026-08-31', name: swapDayName(names.nationalDay), kind: 'swap', compensates: '2026-08-22' },
    { date: '2026-09-01', name: names.nationalDayAdjacent, kind: 'holiday' },
    { date: '2026-09-02', name: names.nationalDay, kind: 'holiday' },
  ],
  makeUpWorkingDays: [
    { date: '2026-01-10', name: makeUpDayName(names.newYear), compensates: '2026-01-02' },
    { date: '2026-08-22', name: makeUpDayName(names.nationalDay), compensates: '2026-08-31' },
  ],
  notes: [
    'The number of the 13/10/2025 VPCP document was not verified; the days match the published schedule.',
    'Private-sector employers may schedule differently; this calendar is for public administration.',
  ],
};
