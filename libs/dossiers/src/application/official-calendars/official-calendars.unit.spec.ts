import type { RecordedEvent } from '@tthc/event-store';
import { localInstant, OFFICIAL_CALENDAR_2026, prefillOfficialYear } from '../../domain/calendar';
import {
  agencyCalendar,
  currentOfficialYears,
  refreshOfficialYears,
  rememberOfficialYear,
  useOfficialYearsSource,
} from '../agency-calendar';
import {
  decideOfficialCalendar,
  foldOfficialCalendar,
  type OfficialCalendarDocument,
} from './official-calendar-decider';
import { InvalidOfficialCalendar, OfficialCalendarAlreadyConfirmed } from './official-calendar-errors';

const proposal2027 = prefillOfficialYear(2027);
const document2027: OfficialCalendarDocument = {
  source: 'Công văn (test) 2027',
  daysOff: proposal2027.daysOff,
  makeUpWorkingDays: [],
};
const recorded = (type: string, data: unknown): RecordedEvent => ({ type, data }) as unknown as RecordedEvent;

describe('official calendar decider', () => {
  it('proposes, confirms, then amends only with a reason', () => {
    const [proposed] = decideOfficialCalendar(
      { status: 'none' },
      { type: 'ProposeOfficialCalendar', year: 2027 },
    );
    expect(proposed).toMatchObject({
      type: 'OfficialCalendarProposed',
      data: { calendar: { status: 'proposed' } },
    });
    const state = foldOfficialCalendar([recorded(proposed.type, proposed.data)]);
    const [confirmed] = decideOfficialCalendar(state, {
      type: 'SaveOfficialCalendar',
      year: 2027,
      document: document2027,
    });
    expect(confirmed.type).toBe('OfficialCalendarConfirmed');
    const after = foldOfficialCalendar([
      recorded(proposed.type, proposed.data),
      recorded(confirmed.type, confirmed.data),
    ]);
    expect(() => decideOfficialCalendar(after, { type: 'ProposeOfficialCalendar', year: 2027 })).toThrow(
      OfficialCalendarAlreadyConfirmed,
    );
    const changed = { ...document2027, source: 'Công văn (test) 2027, sửa đổi' };
    expect(() =>
      decideOfficialCalendar(after, { type: 'SaveOfficialCalendar', year: 2027, document: changed }),
    ).toThrow(InvalidOfficialCalendar);
    expect(
      decideOfficialCalendar(after, {
        type: 'SaveOfficialCalendar',
        year: 2027,
        document: changed,
        reason: 'x',
      }),
    ).toMatchObject([{ type: 'OfficialCalendarAmended', data: { reason: 'x' } }]);
    expect(
      decideOfficialCalendar(after, {
        type: 'SaveOfficialCalendar',
        year: 2027,
        document: document2027,
        reason: 'x',
      }),
    ).toEqual([]);
  });

  it('lists every problem of an inconsistent document', () => {
    try {
      decideOfficialCalendar(
        { status: 'none' },
        {
          type: 'SaveOfficialCalendar',
          year: 2027,
          document: {
            source: ' ',
            daysOff: [{ ...proposal2027.daysOff[0], date: '2026-12-31' }],
            makeUpWorkingDays: [],
          },
        },
      );
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidOfficialCalendar);
      expect((error as InvalidOfficialCalendar).problems.length).toBe(2);
    }
  });
});

const SHIPPED_YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

describe('agency calendar over the confirmed years', () => {
  afterEach(() => useOfficialYearsSource(undefined));

  it('falls back to the shipped years, and reaches a year once it is confirmed', async () => {
    const before = agencyCalendar(undefined);
    const generationBefore = currentOfficialYears().generation;
    expect(before.loadedYears).toEqual(SHIPPED_YEARS);
    // 2027 has no confirmed calendar yet: it is derived from the law, and said to be provisional.
    expect(before.isWorkingDay('2027-03-02')).toBe(true);
    expect(
      before.provisionalYearsBetween(
        localInstant('2026-12-31', '10:00'),
        localInstant('2027-01-04', '10:00'),
      ),
    ).toEqual([2027]);

    const confirmed = { ...proposal2027, ...document2027, status: 'confirmed' as const };
    useOfficialYearsSource(async () => [confirmed]);
    await refreshOfficialYears();
    // Cached calendars are keyed on the generation, so a new one is built once a year is confirmed.
    expect(currentOfficialYears().generation).toBeGreaterThan(generationBefore);
    const calendar = agencyCalendar(undefined);
    expect(calendar.loadedYears).toEqual([...SHIPPED_YEARS, 2027]);
    expect(
      calendar.provisionalYearsBetween(
        localInstant('2026-12-31', '10:00'),
        localInstant('2027-01-04', '10:00'),
      ),
    ).toEqual([]);
    expect(calendar.isWorkingDay('2027-03-02')).toBe(true);
    expect(calendar.isWorkingDay(proposal2027.daysOff[0].date)).toBe(false);
    expect(
      calendar.addWorkingTime(localInstant('2026-12-31', '10:00'), { unit: 'working-days', value: 1 }),
    ).toEqual(localInstant('2027-01-04', '10:00'));
  });

  it('uses a year confirmed in this process at once, and an amended shipped year over the shipped one', () => {
    useOfficialYearsSource(async () => []);
    const amended2026 = { ...OFFICIAL_CALENDAR_2026, daysOff: [], makeUpWorkingDays: [], source: 'amended' };
    rememberOfficialYear(amended2026);
    expect(agencyCalendar(undefined).isWorkingDay('2026-09-02')).toBe(true);
  });
});
