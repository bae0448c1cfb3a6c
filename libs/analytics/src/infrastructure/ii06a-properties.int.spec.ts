// Properties of the official figures over generated histories (fast-check): dossiers driven through the real
// decider (random procedure lengths, PAUSE and RESTART, every channel, supplements and excluded intervals
// before and after the deadline, apologies, refusals, withdrawals, results, some still open), kept as an
// imported history keeps them (an act that breaks a clock rule is recorded, not refused), written to a real
// PostgreSQL event store and projected. For every generated history and period:
// - the SQL report equals a reference computed here, straight from the events, written independently of the
//   analytics domain (differential test), column by column;
// - the II.06a identity holds: carried over + received = resolved + refused + withdrawn + in progress;
// - a pause never lowers lateness: a dossier that was overdue at some instant is never resolved early or on
//   time, and once overdue while in progress it never turns back to "not yet due";
// - a rebuild from zero gives the same figures;
// - the area drill-down (groupBy=sub-unit, as the API asks it) of a district over its two communes and the
//   district itself, all three receiving dossiers: each row equals the reference over that unit's dossiers,
//   and the rows add up to the total, which equals the reference over the three units.
// The seed is printed on failure (fast-check's report); a failing seed is kept as a regular test below.
import fc from 'fast-check';
import type { QueryRunner } from 'typeorm';
import { catchUp, PostgresEventStore, rebuildProjection } from '@tthc/event-store';
import type { TestDatabase } from '@tthc/testing';
import { OFFICIAL_CALENDAR_2025, OFFICIAL_CALENDAR_2026, WorkingDayCalendar } from '@tthc/calendar';
import {
  decide,
  DEFAULT_DOSSIER_SETTINGS,
  evolve,
  initialState,
  type DossierCommand,
  type DossierContext,
  type DossierEvent,
  type DossierState,
} from '@tthc/dossiers';
import { compileProcedure, loadSampleCatalogue, type CompiledProcedure } from '@tthc/procedures';
import { DomainError } from '@tthc/shared-kernel';
// The sample application of the marital status certificate, as the decider's own tests submit it.
import { applicant, maritalStatusApplication } from '../../../dossiers/src/domain/dossier/testing/fixtures';
import { boundsOf } from '../domain/periods';
import { DossierFactsProjection } from './projections/dossier-facts.projection';
import { createAnalyticsTestDatabase, withQueryRunner } from './testing/analytics-test-database';
import { II06A_FIGURES, type Ii06aFigures } from '../domain/ii06a';
import { queryIi06a, queryTimeSavings } from './analytics-queries';
import { AnalyticsReports } from '../application/analytics-reports';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A district and two of its communes; the district also receives dossiers itself (its own row).
const DISTRICT = '000.00.18.H56';
const COMMUNES = ['000.31.18.H56', '000.32.18.H56'] as const;
const AGENCIES = [DISTRICT, ...COMMUNES] as const;
type Agency = (typeof AGENCIES)[number];
const ORIGIN = Date.parse('2025-11-03T00:30:00Z'); // Monday 3 November 2025, 07:30 local

// ---- the reference, from the events alone -------------------------------------------------------------

/** Local (UTC+07:00) day number, written here independently of the calendar lib. */
const localDay = (ms: number): number => Math.floor((ms + 7 * HOUR) / DAY);
const at = (instant: string): number => Date.parse(instant);

interface ReferenceDossier {
  readonly channel: string;
  readonly onlineLevel: string;
  readonly receivedAt?: number;
  readonly apologised: boolean;
  readonly supplementRounds: number;
  readonly counterSupplements: number;
  readonly electronic: boolean;
  readonly returnedAt?: number;
  readonly returnMethod?: string;
  /** Working days before the statutory deadline the decider recorded with the result. */
  readonly savedDays?: number;
  readonly end?: {
    readonly kind: 'resolved' | 'refused' | 'withdrawn';
    readonly at: number;
    readonly dueAt?: number;
  };
  /** Committed deadlines, each in force from its instant. */
  readonly deadlines: readonly { readonly from: number; readonly dueAt: number }[];
  readonly pauses: readonly {
    readonly kind: string;
    readonly from: number;
    to?: number;
    readonly overdue: boolean;
  }[];
}

function referenceOf(events: readonly DossierEvent[]): ReferenceDossier {
  let d: {
    channel: string;
    onlineLevel: string;
    receivedAt?: number;
    end?: ReferenceDossier['end'];
    deadlines: { from: number; dueAt: number }[];
    pauses: { kind: string; from: number; to?: number; overdue: boolean }[];
    apologised: boolean;
    supplementRounds: number;
    counterSupplements: number;
    electronic: boolean;
    returnedAt?: number;
    returnMethod?: string;
    savedDays?: number;
  } = {
    channel: '',
    onlineLevel: 'none',
    deadlines: [],
    pauses: [],
    apologised: false,
    supplementRounds: 0,
    counterSupplements: 0,
    electronic: false,
  };
  for (const event of events) {
    const data = event.data as Record<string, unknown>;
    const ended = d.end !== undefined;
    switch (event.type) {
      case 'DossierSubmitted':
        d = { ...d, channel: data.channel as string, onlineLevel: data.onlineLevel as string };
        break;
      case 'DossierReceived':
        d.receivedAt = at(data.receivedAt as string);
        d.deadlines.push({ from: d.receivedAt, dueAt: at(data.dueAt as string) });
        break;
      case 'SupplementRequested':
      case 'ExcludedIntervalStarted':
        if (event.type === 'SupplementRequested') d.supplementRounds += 1;
        d.pauses.push({
          kind: event.type === 'SupplementRequested' ? 'supplement' : 'excluded',
          from: at((data.requestedAt ?? data.startedAt) as string),
          overdue: data.startedOverdue === true,
        });
        break;
      case 'SupplementProvided':
      case 'ExcludedIntervalEnded': {
        if (event.type === 'SupplementProvided' && data.channel === 'counter') d.counterSupplements += 1;
        const resumed = at((data.resumedAt ?? data.endedAt) as string);
        d.pauses[d.pauses.length - 1].to = resumed;
        d.deadlines.push({ from: resumed, dueAt: at(data.dueAt as string) });
        break;
      }
      case 'ResultReturned':
        d.returnedAt = at(data.returnedAt as string);
        d.returnMethod = data.method as string;
        break;
      case 'ApologyIssued':
        if (!ended) d.apologised = true;
        break;
      case 'ResultIssued':
        if (!ended && d.receivedAt !== undefined) {
          d.end = { kind: 'resolved', at: at(data.resolvedAt as string), dueAt: at(data.dueAt as string) };
          d.electronic = data.electronic === true;
          d.savedDays = data.workingDaysBeforeStatutoryDue as number;
        }
        break;
      case 'ResolutionRefused':
        if (!ended && d.receivedAt !== undefined)
          d.end = { kind: 'refused', at: at(data.refusedAt as string) };
        break;
      case 'DossierWithdrawn':
        if (!ended && d.receivedAt !== undefined) {
          d.end = { kind: 'withdrawn', at: at(data.withdrawnAt as string) };
          const open = d.pauses[d.pauses.length - 1];
          if (open !== undefined && open.to === undefined) open.to = d.end.at;
        }
        break;
      default:
        break;
    }
  }
  return d;
}

const deadlineAt = (d: ReferenceDossier, t: number): number | undefined =>
  d.deadlines.filter((deadline) => deadline.from < t).at(-1)?.dueAt ?? d.deadlines[0]?.dueAt;
const pauseAt = (d: ReferenceDossier, t: number) =>
  d.pauses.find((p) => p.from < t && (p.to === undefined || p.to >= t));
const overdueAt = (d: ReferenceDossier, t: number): boolean => {
  const pause = pauseAt(d, t);
  const due = deadlineAt(d, t);
  return (pause === undefined || pause.overdue) && due !== undefined && due < t;
};

type Figures = Record<string, number>;

function referenceFigures(dossiers: readonly ReferenceDossier[], start: number, end: number): Figures {
  const f: Figures = {
    carriedOver: 0,
    receivedCounter: 0,
    receivedPost: 0,
    receivedOnlineFull: 0,
    receivedOnlinePartial: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    lateWithApology: 0,
    lateWithoutApology: 0,
    resolvedNotCollected: 0,
    refused: 0,
    withdrawn: 0,
    refusedLate: 0,
    withdrawnLate: 0,
    inProgress: 0,
    inProgressOverdue: 0,
    inProgressWaitingForCitizen: 0,
  };
  for (const d of dossiers) {
    if (d.receivedAt === undefined) continue;
    const endAt = d.end?.at ?? Number.POSITIVE_INFINITY;
    if (d.receivedAt < start && endAt >= start) f.carriedOver += 1;
    if (d.receivedAt >= start && d.receivedAt < end) {
      if (d.channel === 'online')
        f[d.onlineLevel === 'full' ? 'receivedOnlineFull' : 'receivedOnlinePartial'] += 1;
      else f[d.channel === 'post' ? 'receivedPost' : 'receivedCounter'] += 1;
    }
    if (d.end !== undefined && d.end.at >= start && d.end.at < end) {
      if (d.end.kind !== 'resolved') {
        // Refused or withdrawn after the deadline in force then, the clock running (or stopped overdue).
        const pause = pauseAt(d, d.end.at);
        const due = deadlineAt(d, d.end.at);
        const sheltered = pause !== undefined && !pause.overdue;
        if (!sheltered && due !== undefined && localDay(d.end.at) > localDay(due))
          f[`${d.end.kind}Late`] += 1;
      }
      if (d.end.kind === 'resolved' && (d.returnedAt === undefined || d.returnedAt >= end)) {
        f.resolvedNotCollected += 1;
      }
      if (d.end.kind === 'resolved') {
        const difference = localDay(d.end.at) - localDay(d.end.dueAt!);
        f[difference < 0 ? 'resolvedEarly' : difference === 0 ? 'resolvedOnTime' : 'resolvedLate'] += 1;
        if (difference > 0) f[d.apologised ? 'lateWithApology' : 'lateWithoutApology'] += 1;
      } else f[d.end.kind] += 1;
    }
    if (d.receivedAt < end && endAt >= end) {
      f.inProgress += 1;
      if (overdueAt(d, end)) f.inProgressOverdue += 1;
      if (pauseAt(d, end)?.kind === 'supplement') f.inProgressWaitingForCitizen += 1;
    }
  }
  // The totals of the official form, from the parts.
  f.received = f.receivedCounter + f.receivedPost + f.receivedOnlineFull + f.receivedOnlinePartial;
  f.receivedOnline = f.receivedOnlineFull + f.receivedOnlinePartial;
  f.receivedCounterAndPost = f.receivedCounter + f.receivedPost;
  f.toResolve = f.carriedOver + f.received;
  f.resolved = f.resolvedEarly + f.resolvedOnTime + f.resolvedLate;
  f.inProgressNotYetDue = f.inProgress - f.inProgressOverdue;
  return f;
}

/** The days-saved method (docs/domain/time-savings.md) over the dossiers resolved in [start, end). */
function referenceSavings(
  dossiers: readonly ReferenceDossier[],
  start: number,
  end: number,
  tripCost: number,
) {
  const out = { resolved: 0, positive: 0, net: 0, baseline: 0, actual: 0, travel: 0 };
  for (const d of dossiers) {
    if (d.end?.kind !== 'resolved' || d.end.at < start || d.end.at >= end) continue;
    const baseline = 2 + d.supplementRounds;
    const collection =
      d.returnMethod !== undefined ? (d.returnMethod === 'counter' ? 1 : 0) : d.electronic ? 0 : 1;
    const actual = (d.channel === 'counter' ? 1 : 0) + d.counterSupplements + collection;
    out.resolved += 1;
    out.positive += Math.max(0, d.savedDays ?? 0);
    out.net += d.savedDays ?? 0;
    out.baseline += baseline;
    out.actual += actual;
    out.travel += (baseline - actual) * tripCost;
  }
  return out;
}

// ---- generated histories through the real decider ----------------------------------------------------

const catalogue = loadSampleCatalogue();
const marital = catalogue.find((definition) => definition.code === '1.004873')!;
const procedures = new Map<string, CompiledProcedure>();
function procedureOf(
  days: number,
  extraStatutory: number,
  policy: 'PAUSE' | 'RESTART',
  agency: Agency,
): CompiledProcedure {
  const key = `${days}/${extraStatutory}/${policy}/${agency}`;
  let procedure = procedures.get(key);
  if (procedure === undefined) {
    procedure = compileProcedure({
      ...marital,
      // The dossier's agency is the procedure's (DossierSubmitted.agencyCode): one variant per unit.
      agency: { ...marital.agency, code: agency, level: agency === DISTRICT ? 'district' : 'commune' },
      committedDuration: { value: days, unit: 'working-days' },
      statutoryDuration: { value: days + extraStatutory, unit: 'working-days' },
      supplementPolicy: policy,
    });
    procedures.set(key, procedure);
  }
  return procedure;
}

// The engine's calendars: the confirmed years it ships, provisional beyond them (2027).
const calendar = new WorkingDayCalendar({
  officialYears: [OFFICIAL_CALENDAR_2025, OFFICIAL_CALENDAR_2026],
  provisionalForMissingYears: true,
});

// The officials of the unit that handles the dossier (an apology is recorded under the actor's agency).
const staffOf = (agency: Agency) =>
  ({
    officer: { id: 'officer', role: 'receiving-officer', agency },
    specialist: { id: 'specialist', role: 'specialist', agency },
    leader: { id: 'leader', role: 'leader', agency },
  }) as const;
const citizen = { id: 'citizen', role: 'citizen' } as const;
const partner = { id: 'partner', role: 'integration' } as const;

type Step =
  | {
      readonly kind: 'supplement';
      readonly after: number;
      readonly waits: number;
      readonly by: 'counter' | 'post' | 'online';
    }
  | { readonly kind: 'excluded'; readonly after: number; readonly waits: number }
  | { readonly kind: 'apology'; readonly after: number };

interface Plan {
  readonly agency: Agency;
  readonly day: number;
  readonly minute: number;
  readonly days: number;
  readonly extraStatutory: number;
  readonly policy: 'PAUSE' | 'RESTART';
  readonly channel: 'counter' | 'post' | 'online';
  readonly steps: readonly Step[];
  readonly end: { readonly kind: 'resolve' | 'refuse' | 'withdraw' | 'open'; readonly after: number };
  readonly electronic: boolean;
  /** How and how long after the result it is returned, if it is. */
  readonly returned?: { readonly method: 'counter' | 'post' | 'online'; readonly after: number };
}

const hours = fc.integer({ min: 1, max: 120 }).map((n) => n * HOUR * 0.5);
const plan: fc.Arbitrary<Plan> = fc.record({
  agency: fc.constantFrom(...AGENCIES),
  day: fc.integer({ min: 0, max: 420 }),
  minute: fc.integer({ min: 0, max: 9 * 60 }),
  days: fc.constantFrom(1, 2, 3, 5, 10, 20),
  extraStatutory: fc.integer({ min: 0, max: 2 }),
  policy: fc.constantFrom('PAUSE' as const, 'RESTART' as const),
  channel: fc.constantFrom('counter' as const, 'post' as const, 'online' as const),
  steps: fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('supplement' as const),
        after: hours,
        waits: hours,
        by: fc.constantFrom('counter' as const, 'post' as const, 'online' as const),
      }),
      fc.record({ kind: fc.constant('excluded' as const), after: hours, waits: hours }),
      fc.record({ kind: fc.constant('apology' as const), after: hours }),
    ),
    { maxLength: 4 },
  ),
  electronic: fc.boolean(),
  returned: fc.option(
    fc.record({
      method: fc.constantFrom('counter' as const, 'post' as const, 'online' as const),
      after: hours,
    }),
    { nil: undefined },
  ),
  end: fc.record({
    kind: fc.constantFrom(
      'resolve' as const,
      'resolve' as const,
      'refuse' as const,
      'withdraw' as const,
      'open' as const,
    ),
    after: hours,
  }),
});

/** The events of one planned history; a command the state machine does not allow there is left out. */
function historyOf(id: string, p: Plan): DossierEvent[] {
  const procedure = procedureOf(p.days, p.extraStatutory, p.policy, p.agency);
  const { officer, specialist, leader } = staffOf(p.agency);
  const context: DossierContext = {
    procedure,
    calendar,
    settings: { ...DEFAULT_DOSSIER_SETTINGS, onIrregularity: 'record' },
  };
  let state: DossierState = initialState();
  const events: DossierEvent[] = [];
  let t = ORIGIN + p.day * DAY + p.minute * 60_000;
  const run = (command: DossierCommand): boolean => {
    try {
      const decided = decide(context, state, command);
      state = decided.reduce(evolve, state);
      events.push(...decided);
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  };
  const now = () => new Date(t);
  run({
    type: 'SubmitDossier',
    now: now(),
    actor: p.channel === 'online' ? partner : officer,
    dossierId: id,
    procedureCode: procedure.definition.code,
    procedureVersion: 1,
    channel: p.channel,
    applicant,
    formData: maritalStatusApplication,
    attachments: [],
    ...(p.channel === 'online' ? { onlineLevel: 'partial' as const } : {}),
  } as DossierCommand);
  t += HOUR / 4;
  if (!run({ type: 'ReceiveDossier', now: now(), actor: officer, code: `${p.agency}-251103-0001` }))
    return events;
  run({ type: 'TransferDossier', now: now(), actor: officer });
  for (const step of p.steps) {
    t += step.after;
    if (step.kind === 'supplement') {
      const asked = run({
        type: 'RequestSupplement',
        now: now(),
        actor: specialist,
        reason: 'Thiếu giấy tờ',
        missingDocuments: [{ name: 'Giấy tờ' }],
      });
      t += step.waits;
      if (asked) run({ type: 'ProvideSupplement', now: now(), actor: citizen, channel: step.by });
    } else if (step.kind === 'excluded') {
      const started = run({
        type: 'StartExcludedInterval',
        now: now(),
        actor: specialist,
        kind: 'inter-agency-verification',
      });
      t += step.waits;
      if (started) run({ type: 'EndExcludedInterval', now: now(), actor: partner });
    } else {
      run({
        type: 'IssueApology',
        now: now(),
        actor: specialist,
        reason: 'Chờ xác minh',
        newAppointmentAt: new Date(t + 10 * DAY),
      });
    }
  }
  t += p.end.after;
  if (p.end.kind === 'withdraw')
    run({ type: 'Withdraw', now: now(), actor: citizen, reason: 'Không còn nhu cầu' });
  if (p.end.kind === 'resolve' || p.end.kind === 'refuse') {
    run({ type: 'HandOver', now: now(), actor: specialist, event: 'SUBMIT_FOR_SIGNATURE' });
    t += HOUR;
    if (p.end.kind === 'refuse')
      run({ type: 'RefuseResolution', now: now(), actor: leader, reason: 'Không đủ điều kiện' });
    else {
      run({ type: 'Approve', now: now(), actor: leader });
      const issued = run({ type: 'IssueResult', now: now(), actor: specialist, electronic: p.electronic });
      if (issued && p.returned !== undefined) {
        t += p.returned.after;
        run({ type: 'ReturnResult', now: now(), actor: officer, method: p.returned.method });
      }
    }
  }
  return events;
}

const periodOf = fc
  .record({ start: fc.integer({ min: 0, max: 480 }), length: fc.integer({ min: 0, max: 120 }) })
  .map(({ start, length }) => {
    const date = (n: number) => new Date(ORIGIN + n * DAY).toISOString().slice(0, 10);
    return { from: date(start), to: date(start + length) };
  });

const COLUMNS = II06A_FIGURES;

describe('II.06a properties over generated histories (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let reports: AnalyticsReports;
  const projection = new DossierFactsProjection();
  let batch = 0;

  const withRunner = <T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> => withQueryRunner(db, work);

  beforeAll(async () => {
    db = await createAnalyticsTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    reports = new AnalyticsReports(db.dataSource);
    // The directory rows the roll-up reads: the district, and its communes by their parent link.
    for (const code of AGENCIES) {
      await db.dataSource.query(
        `INSERT INTO agencies (code, name_vi, name_en, level, parent_code, office_hours, saturday_reception,
           default_trip_cost_days, valid_from, search_text, registered_at, updated_at)
         VALUES ($1, $1, $1, $2, $3, '[]', false, 1, '2010-01-01', $1, now(), now())`,
        [code, code === DISTRICT ? 'district' : 'commune', code === DISTRICT ? null : DISTRICT],
      );
    }
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** Writes the histories as the whole log (the previous run's events are removed first). */
  async function project(histories: readonly DossierEvent[][]): Promise<void> {
    batch += 1;
    await db.dataSource.query('TRUNCATE events');
    for (const [index, events] of histories.entries()) {
      await store.append(
        `dossier-p${batch}-${index}`,
        'dossier',
        0,
        events.map((e) => ({ type: e.type, data: e.data, metadata: {}, occurredAt: new Date(ORIGIN) })),
      );
    }
    await store.waitUntilReadable();
  }

  it('the SQL figures equal the reference, the identity holds, and lateness never goes back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(plan, { minLength: 1, maxLength: 12 }),
        fc.array(periodOf, { minLength: 1, maxLength: 3 }),
        async (plans, periods) => {
          const histories = plans.map((p, index) => historyOf(`p-${index}`, p));
          const references = histories.map(referenceOf);
          const referencesOf = (agency: Agency) =>
            references.filter((_, index) => plans[index].agency === agency);
          // Pure properties first: they need no database.
          for (const d of references) {
            if (d.receivedAt === undefined) continue;
            const last = d.end?.at ?? d.receivedAt + 400 * DAY;
            let wasOverdue = false;
            for (let t = d.receivedAt + HOUR; t < last; t += 6 * HOUR) {
              const overdue = overdueAt(d, t);
              // Once overdue while in progress, never "not yet due" again (waiting hides no lateness).
              if (wasOverdue) expect({ t, overdue }).toEqual({ t, overdue: true });
              wasOverdue = wasOverdue || overdue;
            }
            if (wasOverdue && d.end?.kind === 'resolved') {
              // A pause or restart never makes a dossier that was overdue early or in time: it is late to the
              // minute, and by day never early (the same day counts on time at day granularity).
              expect(d.end.at > d.end.dueAt!).toBe(true);
              expect(localDay(d.end.at) >= localDay(d.end.dueAt!)).toBe(true);
            }
          }
          await rebuildFrom(histories);
          for (const period of periods) {
            const bounds = boundsOf(period);
            const [row] = await withRunner((r) => queryIi06a(r, bounds, {}, 'none', 'day'));
            const expected = referenceFigures(references, bounds.startMs, bounds.endMs);
            const sql: Figures = Object.fromEntries(
              COLUMNS.map((c) => [c, row === undefined ? 0 : row.figures[c]]),
            );
            expect({ period, figures: sql }).toEqual({ period, figures: expected });
            const [savings] = await withRunner((r) => queryTimeSavings(r, bounds, {}, 'none', 0.5));
            const expectedSavings = referenceSavings(references, bounds.startMs, bounds.endMs, 0.5);
            const actualSavings = {
              resolved: savings?.resolved ?? 0,
              positive: savings?.processingDaysSavedPositive ?? 0,
              net: savings?.processingDaysSavedNet ?? 0,
              baseline: savings?.tripsBaseline ?? 0,
              actual: savings?.tripsActual ?? 0,
              travel: savings?.travelDaysSaved ?? 0,
            };
            for (const [key, value] of Object.entries(expectedSavings)) {
              expect({
                period,
                key,
                value: Math.round(actualSavings[key as keyof typeof actualSavings] * 1e4),
              }).toEqual({
                period,
                key,
                value: Math.round(value * 1e4),
              });
            }
            if (row !== undefined) {
              const f = row.figures;
              expect(f.carriedOver + f.received).toBe(f.resolved + f.refused + f.withdrawn + f.inProgress);
            }
            // The drill-down, asked as the API asks it: one row per commune, the district's own row last.
            const drill = await reports.ii06a({
              ...period,
              agency: DISTRICT,
              groupBy: 'sub-unit',
              granularity: 'day',
            });
            const columns = (figures: Ii06aFigures | undefined): Figures =>
              Object.fromEntries(COLUMNS.map((c) => [c, figures?.[c] ?? 0]));
            // No row but the three units' (a unit with nothing in the period has none, its reference is all
            // zeros), the communes in code order, the district's own row last.
            const keys = drill.rows.map((r) => r.key);
            expect({ period, keys }).toEqual({
              period,
              keys: [...COMMUNES, DISTRICT].filter((key) => keys.includes(key)),
            });
            for (const agency of AGENCIES) {
              const unitRow = drill.rows.find((r) => r.key === agency);
              expect({ period, agency, figures: columns(unitRow?.figures) }).toEqual({
                period,
                agency,
                figures: referenceFigures(referencesOf(agency), bounds.startMs, bounds.endMs),
              });
            }
            // The rows add up to the total, and the total is the reference over the three units.
            const summed: Figures = Object.fromEntries(
              COLUMNS.map((c) => [c, drill.rows.reduce((sum, r) => sum + r.figures[c], 0)]),
            );
            expect({ period, summed }).toEqual({ period, summed: columns(drill.total) });
            expect({ period, total: columns(drill.total) }).toEqual({ period, total: expected });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  async function rebuildFrom(histories: readonly DossierEvent[][]): Promise<void> {
    await project(histories);
    await rebuildProjection(db.dataSource, store, projection, { batchSize: 500 });
  }

  it('generates histories that reach every case the properties are about', () => {
    const events = fc
      .sample(plan, { seed: 42, numRuns: 400 })
      .flatMap((p, index) => historyOf(`s-${index}`, p));
    const types = new Set(events.map((event) => event.type));
    for (const type of [
      'ResultIssued',
      'ResultReturned',
      'ResolutionRefused',
      'DossierWithdrawn',
      'SupplementProvided',
      'ExcludedIntervalEnded',
      'ApologyIssued',
    ]) {
      expect({ type, generated: types.has(type as DossierEvent['type']) }).toEqual({ type, generated: true });
    }
    const rules = new Set(
      events.flatMap((event) =>
        ((event.data as { irregularities?: { rule: string }[] }).irregularities ?? []).map((i) => i.rule),
      ),
    );
    expect([...rules].sort()).toEqual(
      expect.arrayContaining([
        'excluded-interval-after-deadline',
        'late-without-apology',
        'refusal-after-deadline',
        'supplement-after-deadline',
        'supplement-rounds-exceeded',
      ]),
    );
    expect(events.some((event) => 'provisionalCalendarYears' in event.data)).toBe(true);
    // Every unit of the drill-down receives dossiers, the district itself included.
    const received = new Set(
      events
        .filter((event) => event.type === 'DossierReceived')
        .map((event) => event.data.dossierCode.slice(0, 13)),
    );
    expect([...received].sort()).toEqual([...AGENCIES].sort());
    expect(
      events.some((event) => event.type === 'SupplementProvided' && event.data.policy === 'RESTART'),
    ).toBe(true);
  });

  it('a rebuild gives the figures the live projection gave', async () => {
    const plans = fc.sample(fc.array(plan, { minLength: 20, maxLength: 20 }), {
      seed: 20261208,
      numRuns: 1,
    })[0];
    const histories = plans.map((p, index) => historyOf(`r-${index}`, p));
    // From an empty log and empty tables, the live projection applies the histories batch by batch.
    await project([]);
    await rebuildProjection(db.dataSource, store, projection, { batchSize: 500 });
    await project(histories);
    await catchUp(db.dataSource, store, projection, 7);
    const bounds = boundsOf({ from: '2025-11-01', to: '2027-03-31' });
    const live = await withRunner((r) => queryIi06a(r, bounds, {}, 'none', 'day'));
    await rebuildProjection(db.dataSource, store, projection, { batchSize: 500 });
    expect(await withRunner((r) => queryIi06a(r, bounds, {}, 'none', 'day'))).toEqual(live);
  });
});
