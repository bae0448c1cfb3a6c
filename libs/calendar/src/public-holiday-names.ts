// One spelling of each statutory holiday (Labour Code 2019 Art. 112), shared by the shipped official
// calendars and the prefill, so a proposal and a confirmed calendar can be compared day by day.
import type { LocalizedName } from './official-calendar';

export const PUBLIC_HOLIDAY_NAMES = {
  newYear: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Nguyên Đán', en: 'Lunar New Year (Tết)' },
  hungKings: { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: 'Hung Kings Commemoration' },
  reunification: { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day' },
  labourDay: { vi: 'Ngày Quốc tế Lao động (1/5)', en: 'International Labour Day' },
  nationalDay: { vi: 'Quốc khánh (2/9)', en: 'National Day' },
  nationalDayAdjacent: { vi: 'Quốc khánh (ngày liền kề 2/9)', en: 'National Day (adjacent day)' },
} as const satisfies Record<string, LocalizedName>;

export function compensatoryDayName(holiday: LocalizedName): LocalizedName {
  return { vi: `Nghỉ bù ${holiday.vi}`, en: `Compensatory day for ${holiday.en}` };
}

export function swapDayName(occasion: LocalizedName): LocalizedName {
  return { vi: `Nghỉ hoán đổi dịp ${occasion.vi}`, en: `Swapped day off (${occasion.en})` };
}

export function makeUpDayName(occasion: LocalizedName): LocalizedName {
  return { vi: `Làm bù dịp ${occasion.vi}`, en: `Make-up working day (${occasion.en})` };
}
