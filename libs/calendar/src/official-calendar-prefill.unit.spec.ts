import { InvalidCalendarInput } from './calendar-errors';
import { officialYearCalendarProblems, type OfficialYearCalendar } from './official-calendar';
import { OFFICIAL_CALENDAR_2019 } from './official-calendar-2019';
import { OFFICIAL_CALENDAR_2025 } from './official-calendar-2025';
import { OFFICIAL_CALENDAR_2026 } from './official-calendar-2026';
import { nationalDayAdjacentDay, prefillOfficialYear } from './official-calendar-prefill';

const dates = (
  calendar: OfficialYearCalendar,
  kinds: readonly string[] = ['holiday', 'compensatory', 'swap'],
) => calendar.daysOff.filter((day) => kinds.includes(day.kind)).map((day) => day.date);

/** Days off only in `a`, days off only in `b`, make-up days of each. */
function difference(a: OfficialYearCalendar, b: OfficialYearCalendar) {
  const [inA, inB] = [new Set(dates(a)), new Set(dates(b))];
  return {
    onlyIn1st: [...inA].filter((date) => !inB.has(date)),
    onlyIn2nd: [...inB].filter((date) => !inA.has(date)),
    makeUp1st: a.makeUpWorkingDays.map((day) => day.date),
    makeUp2nd: b.makeUpWorkingDays.map((day) => day.date),
  };
}

describe('prefillOfficialYear', () => {
  describe('given 2026', () => {
    const proposal = prefillOfficialYear(2026);

    it('when prefilled, then it is a valid proposal for an administrator, not a confirmed calendar', () => {
      expect(proposal.status).toBe('proposed');
      expect(proposal.year).toBe(2026);
      expect(officialYearCalendarProblems(proposal)).toEqual([]);
      expect(proposal.notes?.join(' ')).toContain('make-up working days');
    });

    it('when prefilled, then the lunar dates come from date-holidays and the law adds the rest', () => {
      expect(dates(proposal)).toEqual([
        '2026-01-01',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-04-26',
        '2026-04-27',
        '2026-04-30',
        '2026-05-01',
        '2026-09-01',
        '2026-09-02',
      ]);
      expect(proposal.daysOff.find((day) => day.date === '2026-04-27')).toMatchObject({
        kind: 'compensatory',
        compensates: '2026-04-26',
      });
    });

    it('when compared with the official 2026 calendar, then only the two decided swaps are missing', () => {
      expect(difference(proposal, OFFICIAL_CALENDAR_2026)).toEqual({
        onlyIn1st: [],
        onlyIn2nd: ['2026-01-02', '2026-08-31'],
        makeUp1st: [],
        makeUp2nd: ['2026-01-10', '2026-08-22'],
      });
    });
  });

  describe('given 2025', () => {
    it('when compared with the official calendar, then Tết is a day late and the 2/5 swap is missing', () => {
      // The proposal takes giao thừa..mùng 4 (28/1-1/2, Saturday 1/2 compensated on Monday 3/2); the Prime
      // Minister chose 27-31/1 instead.
      expect(difference(prefillOfficialYear(2025), OFFICIAL_CALENDAR_2025)).toEqual({
        onlyIn1st: ['2025-02-01', '2025-02-03'],
        onlyIn2nd: ['2025-01-27', '2025-05-02'],
        makeUp1st: [],
        makeUp2nd: ['2025-04-26'],
      });
    });
  });

  describe('given holidays on weekends', () => {
    it('when 2023 has Giỗ Tổ on Saturday 29/4 and 30/4 on Sunday, then they are given back after 1/5 (Mon)', () => {
      const proposal = prefillOfficialYear(2023);
      const compensatory = proposal.daysOff.filter((day) => day.kind === 'compensatory');
      expect(compensatory.map((day) => [day.date, day.compensates])).toEqual(
        expect.arrayContaining([
          ['2023-05-02', '2023-04-29'],
          ['2023-05-03', '2023-04-30'],
          ['2023-09-04', '2023-09-02'],
        ]),
      );
    });

    it('when 2022 has 30/4 on Saturday and 1/5 on Sunday, then Monday 2/5 and Tuesday 3/5 are off', () => {
      const proposal = prefillOfficialYear(2022);
      expect(dates(proposal, ['compensatory'])).toEqual(
        expect.arrayContaining(['2022-04-11', '2022-05-02', '2022-05-03']),
      );
    });

    it('when Tết spans a weekend, then each weekend Tết day gets its own next working day', () => {
      // 2027: lunar new year Saturday 6/2, so the proposal is Fri 5/2 .. Tue 9/2 plus Wed 10/2 and Thu 11/2.
      expect(dates(prefillOfficialYear(2027)).filter((date) => date.startsWith('2027-02'))).toEqual([
        '2027-02-05',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-02-11',
      ]);
    });
  });

  describe('given the weekday of 2/9', () => {
    it.each([
      [2021, 'Thursday', '2021-09-03'],
      [2022, 'Friday', '2022-09-01'],
      [2023, 'Saturday', '2023-09-01'],
      [2024, 'Monday', '2024-09-03'],
      [2025, 'Tuesday', '2025-09-01'],
      [2026, 'Wednesday', '2026-09-01'],
      [2029, 'Sunday', '2029-09-03'],
    ])('when 2/9/%i is a %s, then the adjacent day proposed is %s', (year, _weekday, expected) => {
      expect(nationalDayAdjacentDay(year)).toBe(expected);
    });
  });

  describe('given a year before the Labour Code 2019 applied', () => {
    it('when 2019 is prefilled, then the Labour Code 2012 applies: five Tết days, 2/9 alone', () => {
      const proposal = prefillOfficialYear(2019);
      expect(proposal.source).toContain('Bộ luật Lao động 2012');
      expect(dates(proposal).filter((date) => date.startsWith('2019-09'))).toEqual(['2019-09-02']);
      expect(proposal.daysOff.filter((day) => day.name.vi === 'Tết Nguyên Đán')).toHaveLength(5);
      // Compared with the confirmed 2019: only the decided swap (29/4 for Saturday 4/5, and 31/12/2018 for
      // Saturday 5/1); the confirmed year lists Giỗ Tổ's Sunday 14/4 by its compensatory Monday alone.
      expect(difference(proposal, OFFICIAL_CALENDAR_2019)).toEqual({
        onlyIn1st: ['2019-04-14'],
        onlyIn2nd: ['2019-04-29'],
        makeUp1st: [],
        makeUp2nd: ['2019-01-05', '2019-05-04'],
      });
    });

    it('when 2010 is prefilled, then the 1994 code as amended in 2007 applies: four Tết days', () => {
      const proposal = prefillOfficialYear(2010);
      expect(proposal.source).toContain('1994');
      expect(proposal.daysOff.filter((day) => day.name.vi === 'Tết Nguyên Đán')).toHaveLength(4);
    });

    it('when a year is outside what the law lets us derive, then it is rejected', () => {
      expect(() => prefillOfficialYear(2006)).toThrow(InvalidCalendarInput);
      expect(() => prefillOfficialYear(2100)).toThrow(InvalidCalendarInput);
      expect(() => prefillOfficialYear(2026.5)).toThrow(InvalidCalendarInput);
    });
  });
});
