import {
  OFFICIAL_CALENDAR_2018,
  OFFICIAL_CALENDAR_2019,
  OFFICIAL_CALENDAR_2020,
  toLocalDate,
  WorkingDayCalendar,
} from '../../domain/calendar';
import { parseImportLine } from '../import-dossiers/import-record';
import { simulateYear, type SimulatedProcedure, type YearSimulationInput } from './year-simulation';

const calendar = new WorkingDayCalendar({
  officialYears: [OFFICIAL_CALENDAR_2018, OFFICIAL_CALENDAR_2019, OFFICIAL_CALENDAR_2020],
});

const MARITAL_STATUS: SimulatedProcedure = {
  code: '1.004873',
  agencyCode: '000.31.18.H56',
  onlineLevel: 'full',
  committedDuration: { unit: 'working-days', value: 1 },
  weight: 3,
  form: { applicant: { fullName: 'Cao Thị Hoa', personalId: '056198000111' }, copiesRequested: 1 },
  path: [
    ['SUBMIT_FOR_SIGNATURE', 'specialist'],
    ['APPROVE', 'leader'],
  ],
};
const PRESTIGIOUS_PERSON: SimulatedProcedure = {
  code: '1.004888',
  agencyCode: '000.00.18.H56',
  onlineLevel: 'partial',
  committedDuration: { unit: 'working-days', value: 4 },
  weight: 1,
  form: { reason: 'deceased' },
  path: [
    ['SUBMIT_TO_HEAD', 'specialist'],
    ['APPROVE', 'leader'],
  ],
};

const input = (overrides: Partial<YearSimulationInput> = {}): YearSimulationInput => ({
  year: 2019,
  dossiers: 2_000,
  seed: 42,
  procedures: [MARITAL_STATUS, PRESTIGIOUS_PERSON],
  calendarOf: () => calendar,
  ...overrides,
});

const run = (overrides: Partial<YearSimulationInput> = {}) => [...simulateYear(input(overrides))];
const stepsOf = (record: Record<string, unknown>) => record.steps as { action: string; at: string }[];

describe('a simulated year', () => {
  const year = run();

  it('given the same seed, then the same dossiers, line for line; another seed, another year', () => {
    expect(run().map((r) => JSON.stringify(r.record))).toEqual(year.map((r) => JSON.stringify(r.record)));
    expect(run({ seed: 43 }).map((r) => JSON.stringify(r.record))).not.toEqual(
      year.map((r) => JSON.stringify(r.record)),
    );
  });

  it('then every record is a valid import line with its own external id', () => {
    const ids = new Set(year.map((r) => parseImportLine(JSON.stringify(r.record)).externalId));
    expect(ids.size).toBe(2_000);
  });

  it('then dossiers are received on working days only: none on Tết 2019, some on make-up Saturday 4/5', () => {
    const receiptDays = year.flatMap((r) =>
      stepsOf(r.record)
        .filter((s) => s.action === 'receive' || s.action === 'refuse-receipt')
        .map((s) => toLocalDate(new Date(s.at))),
    );
    expect(receiptDays.every((day) => calendar.isWorkingDay(day))).toBe(true);
    expect(receiptDays.some((day) => day >= '2019-02-04' && day <= '2019-02-08')).toBe(false);
    expect(run({ dossiers: 20_000 }).some((r) => stepsOf(r.record)[0]?.at.startsWith('2019-05-04'))).toBe(
      true,
    );
  });

  it('then about 4.5% are received in the last working days of the year before (carried over)', () => {
    const previousYear = year.filter((r) => stepsOf(r.record)[0].at.startsWith('2018-12'));
    expect(previousYear).toHaveLength(90);
  });

  it('then almost all are resolved early, and the rare outcomes all occur', () => {
    const count = (outcome: string) => year.filter((r) => r.outcome === outcome).length;
    expect(count('early') / year.length).toBeGreaterThan(0.9);
    for (const outcome of ['supplement-then-early', 'withdrawn', 'receipt-refused', 'refused']) {
      expect(count(outcome)).toBeGreaterThan(0);
    }
  });

  it('then a late dossier is resolved after its due instant, and an apology comes a day or more before it', () => {
    const late = run({ dossiers: 20_000 }).filter((r) => r.outcome === 'late-with-apology');
    expect(late.length).toBeGreaterThan(0);
    for (const dossier of late) {
      const steps = stepsOf(dossier.record);
      const received = new Date(steps.find((s) => s.action === 'receive')!.at);
      const due = calendar.addWorkingTime(received, { unit: 'working-days', value: 4 })!;
      const apology = new Date(steps.find((s) => s.action === 'apologise')!.at);
      const issued = new Date(steps.find((s) => s.action === 'issue-result')!.at);
      expect(issued.getTime()).toBeGreaterThan(due.getTime());
      expect(calendar.workingTimeBetween(apology, due)).toBeGreaterThanOrEqual(1);
    }
  });
});
