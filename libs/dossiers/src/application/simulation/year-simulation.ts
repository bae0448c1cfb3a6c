// A year of one agency's one-stop shop, made up but plausible, as historical-import records (the NDJSON format
// of import-dossiers.handler.ts), so the simulated year goes through the same checks as a real migration.
// Deterministic for a seed: the same seed, year, size and procedures give the same file, line for line.
//
// The mix follows the figures agencies publish (shared/seeds): almost everything resolved early, a few on
// time or late (some of those with an apology), supplement rounds, withdrawals, refusals, a small share not
// collected, and the last working days of the year before carried over into this one. Dates fall on the
// official calendar: no dossier is received on a Tết day or a weekend, and a make-up Saturday is a working day.
import prand, { type RandomGenerator } from 'pure-rand';
import {
  addDays,
  localInstant,
  toLocalDate,
  toLocalDateTime,
  type LocalDate,
  type ProcessingDuration,
  type WorkingDayCalendar,
} from '../../domain/calendar';

export interface SimulatedProcedure {
  readonly code: string;
  readonly agencyCode: string;
  /** The published online level: `partial` procedures take no full-online dossiers. */
  readonly onlineLevel: 'partial' | 'full' | 'none';
  readonly committedDuration: ProcessingDuration;
  /** Relative volume (marital status and births are the bulk of a commune's work). */
  readonly weight: number;
  readonly form: Record<string, unknown>;
  /** Workflow events from acceptance to approval, with the role that sends each (APPROVE last). */
  readonly path: readonly (readonly [event: string, role: string])[];
}

export interface YearSimulationInput {
  readonly year: number;
  readonly dossiers: number;
  readonly seed: number;
  readonly procedures: readonly SimulatedProcedure[];
  /** The calendar of each receiving agency (office hours differ; the official years are shared). */
  readonly calendarOf: (agencyCode: string) => WorkingDayCalendar;
  /** Share of the dossiers received in the previous year's last working days (carried over); default 4.5%. */
  readonly carriedOverShare?: number;
}

export type Outcome =
  | 'early'
  | 'on-time'
  | 'late'
  | 'late-with-apology'
  | 'supplement-then-early'
  | 'withdrawn'
  | 'refused'
  | 'receipt-refused'
  | 'in-progress';

export interface SimulatedRecord {
  readonly record: Record<string, unknown>;
  readonly procedureCode: string;
  readonly channel: 'counter' | 'post' | 'online';
  readonly outcome: Outcome;
  readonly collected: boolean;
}

const OUTCOME_WEIGHTS: readonly (readonly [Outcome, number])[] = [
  ['early', 9_560],
  ['supplement-then-early', 250],
  ['on-time', 20],
  ['late', 20],
  ['late-with-apology', 10],
  ['withdrawn', 50],
  ['refused', 30],
  ['receipt-refused', 60],
];

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Cao',
  'Mấu',
  'Pi Năng',
  'Bo Bo',
  'Hoàng',
  'Võ',
  'Đặng',
  'Bùi',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Gia', 'Thanh', 'Đức'];
const GIVEN = ['Hoa', 'Tâm', 'Lan', 'Minh', 'Sáu', 'Bảy', 'Hạnh', 'Hùng', 'Mai', 'Tuấn', 'Lụa', 'Sơn', 'Hòa'];
const VILLAGES = [
  'thôn Suối Cá',
  'thôn Hòn Lay',
  'thôn Ba Dùi',
  'thôn Cà Thêu',
  'thôn Suối Lách',
  'thôn Gia Lố',
];

/** Seeded choices; every draw advances one generator, so the output depends only on the seed and the input. */
class Draw {
  private readonly rng: RandomGenerator;

  constructor(seed: number) {
    this.rng = prand.xoroshiro128plus(seed);
  }

  int(from: number, to: number): number {
    return prand.unsafeUniformIntDistribution(from, to, this.rng);
  }

  /** A number in [0, 1) with a millionth's resolution, plenty for shares and fractions of a day. */
  unit(): number {
    return this.int(0, 999_999) / 1_000_000;
  }

  chance(share: number): boolean {
    return this.unit() < share;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let ticket = this.unit() * total;
    for (const [item, weight] of items) {
      ticket -= weight;
      if (ticket < 0) return item;
    }
    return items[items.length - 1][0];
  }
}

function workingDaysOf(calendar: WorkingDayCalendar, from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) days.push(day);
  return days;
}

const iso = (instant: Date): string => {
  const { date, minuteOfDay } = toLocalDateTime(instant);
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  return `${date}T${pad(minuteOfDay / 60)}:${pad(minuteOfDay % 60)}:00+07:00`;
};

const plusMinutes = (instant: Date, minutes: number): Date => new Date(instant.getTime() + minutes * 60_000);

/** A fraction of the committed time, as a duration the calendar can add (same-day counts as half a day). */
function shareOf(duration: ProcessingDuration, share: number): ProcessingDuration {
  if (duration.unit === 'same-day') return { unit: 'working-days', value: Math.max(0.05, 0.5 * share) };
  return { unit: duration.unit, value: Math.max(0.05, duration.value * share) };
}

/** A receipt instant within the morning or early afternoon office hours of `day`. */
function receiptOn(day: LocalDate, draw: Draw): Date {
  const morning = draw.chance(0.65);
  const minute = morning ? draw.int(7 * 60 + 35, 11 * 60 + 30) : draw.int(13 * 60 + 5, 15 * 60 + 30);
  return localInstant(
    day,
    `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
  );
}

/** Moves an instant that fell outside office hours to the next opening (08:00 of the next working day). */
function duringOffice(instant: Date, calendar: WorkingDayCalendar): Date {
  if (calendar.isReceptionOpen(instant)) return instant;
  const { date, minuteOfDay } = toLocalDateTime(instant);
  const day = calendar.isWorkingDay(date) && minuteOfDay < 7 * 60 + 30 ? date : calendar.nextWorkingDay(date);
  return localInstant(day, '08:00');
}

function applicantFor(index: number, draw: Draw): Record<string, unknown> {
  const name = `${draw.pick(FAMILY)} ${draw.pick(MIDDLE)} ${draw.pick(GIVEN)}`;
  const nationalId = `056${String(draw.int(150, 205)).padStart(3, '0')}${String(index).padStart(6, '0')}`;
  return {
    name,
    nationalId,
    phone: `09${String(draw.int(10_000_000, 99_999_999))}`,
    address: `${draw.pick(VILLAGES)}, huyện Khánh Vĩnh`,
  };
}

/** The sample form with this applicant's name and ID where the form has a person of its own. */
function formFor(procedure: SimulatedProcedure, applicant: Record<string, unknown>): Record<string, unknown> {
  const form = structuredClone(procedure.form);
  for (const key of ['applicant', 'declarant', 'owner']) {
    const person = form[key];
    if (typeof person === 'object' && person !== null && 'fullName' in person) {
      Object.assign(person, { fullName: applicant.name, personalId: applicant.nationalId });
    }
  }
  return form;
}

function actorFor(role: string, agency: string): Record<string, string> {
  return { id: `${role}-${agency}`, role, agency };
}

export function* simulateYear(input: YearSimulationInput): Generator<SimulatedRecord> {
  const draw = new Draw(input.seed);
  const carriedShare = input.carriedOverShare ?? 0.045;
  const procedures = [...input.procedures].sort((a, b) => (a.code < b.code ? -1 : 1));
  const weights = procedures.map((p) => [p, p.weight] as const);
  const carried = Math.round(input.dossiers * carriedShare);

  // The working days of each agency's calendar, per window, computed once (a calendar answers per day).
  const windows = new Map<string, LocalDate[]>();
  const daysOf = (agency: string, calendar: WorkingDayCalendar, previousYear: boolean): LocalDate[] => {
    const key = `${agency}:${previousYear}`;
    let days = windows.get(key);
    if (days === undefined) {
      days = previousYear
        ? workingDaysOf(calendar, `${input.year - 1}-12-17`, `${input.year - 1}-12-31`)
        : workingDaysOf(calendar, `${input.year}-01-01`, `${input.year}-12-31`);
      windows.set(key, days);
    }
    return days;
  };

  for (let index = 0; index < input.dossiers; index++) {
    const procedure = draw.weighted(weights);
    const calendar = input.calendarOf(procedure.agencyCode);
    const days = daysOf(procedure.agencyCode, calendar, index < carried);
    yield simulateDossier(index, procedure, calendar, draw.pick(days), draw, input.year);
  }
}

function simulateDossier(
  index: number,
  procedure: SimulatedProcedure,
  calendar: WorkingDayCalendar,
  day: LocalDate,
  draw: Draw,
  year: number,
): SimulatedRecord {
  const agency = procedure.agencyCode;
  const counter = actorFor('receiving-officer', agency);
  const online = procedure.onlineLevel !== 'none' && draw.chance(year >= 2021 ? 0.45 : 0.08);
  const channel = online ? 'online' : draw.chance(0.05) ? 'post' : 'counter';
  // An online dossier states the level it is submitted at (here the procedure's own); counter and post
  // dossiers state none: they are not online (docs/domain/online-service-levels.md).
  const onlineLevel = online ? procedure.onlineLevel : undefined;
  const applicant = applicantFor(index, draw);

  const receivedAt = receiptOn(day, draw);
  // Online applications arrive any time, often in the evening, and are received when the office opens.
  const submittedAt =
    online && draw.chance(0.3) ? localInstant(addDays(day, -1), '20:15') : plusMinutes(receivedAt, -5);
  let outcome = draw.weighted(OUTCOME_WEIGHTS);
  const lastDayOfYear = `${year}-12-31`;
  const steps: Record<string, unknown>[] = [];
  const step = (
    action: string,
    at: Date,
    actor: Record<string, string>,
    fields: Record<string, unknown> = {},
  ) => steps.push({ action, at: iso(at), actor, ...fields });

  const due = calendar.addWorkingTime(receivedAt, procedure.committedDuration) ?? receivedAt;
  const record = (collected: boolean): SimulatedRecord => ({
    record: {
      externalId: `sim-${year}-${String(index + 1).padStart(6, '0')}`,
      procedureCode: procedure.code,
      channel,
      ...(onlineLevel === undefined ? {} : { onlineLevel }),
      applicant,
      formData: formFor(procedure, applicant),
      ...(online ? { paymentReference: `PAY-${year}-${index + 1}` } : {}),
      submittedAt: iso(submittedAt < receivedAt ? submittedAt : plusMinutes(receivedAt, -5)),
      steps,
    },
    procedureCode: procedure.code,
    channel,
    outcome,
    collected,
  });

  if (outcome === 'receipt-refused') {
    step('refuse-receipt', receivedAt, counter, {
      reason: 'Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan',
    });
    return record(false);
  }
  step('receive', receivedAt, counter);
  step('transfer', plusMinutes(receivedAt, 10), counter);

  // Where the processing steps end: the resolution instant, by outcome.
  let resumeAt = plusMinutes(receivedAt, 20);
  if (outcome === 'supplement-then-early') {
    const asked = duringOffice(
      calendar.addWorkingTime(receivedAt, shareOf(procedure.committedDuration, 0.2)) ?? resumeAt,
      calendar,
    );
    step('request-supplement', asked, actorFor('specialist', agency), {
      reason: 'Thiếu giấy tờ chứng minh',
      missingDocuments: ['Bản sao giấy tờ chứng minh nơi cư trú'],
    });
    const back = duringOffice(
      calendar.addWorkingTime(asked, { unit: 'working-days', value: draw.int(1, 5) }) ?? asked,
      calendar,
    );
    // The supplement comes the way the dossier came: online, by post, or handed in at the counter.
    step('provide-supplement', back, counter, { channel });
    resumeAt = plusMinutes(back, 10);
  }
  const resolvedAt = ((): Date => {
    switch (outcome) {
      case 'late':
      case 'late-with-apology':
        return duringOffice(
          calendar.addWorkingTime(due, { unit: 'working-days', value: draw.int(1, 3) }) ?? due,
          calendar,
        );
      case 'on-time': {
        // The due day itself, a little before the due instant (day granularity: on time).
        const sameDay = plusMinutes(due, -draw.int(5, 60));
        return toLocalDate(sameDay) === toLocalDate(due) && sameDay > resumeAt ? sameDay : due;
      }
      default: {
        const early = calendar.addWorkingTime(
          resumeAt,
          shareOf(procedure.committedDuration, 0.1 + 0.4 * draw.unit()),
        );
        return duringOffice(early ?? resumeAt, calendar);
      }
    }
  })();
  if (outcome === 'on-time' && toLocalDate(resolvedAt) === toLocalDate(receivedAt)) outcome = 'early';

  if (outcome === 'late-with-apology') {
    // The apology comes at least one working day before the deadline, so only where there is time for it.
    const room =
      procedure.committedDuration.unit === 'working-days' && procedure.committedDuration.value >= 2;
    if (room) {
      step('apologise', plusMinutes(receivedAt, 30), actorFor('leader', agency), {
        reason: 'Cần xác minh thêm thông tin tại cơ quan khác',
        newAppointmentAt: iso(
          duringOffice(calendar.addWorkingTime(due, { unit: 'working-days', value: 4 }) ?? due, calendar),
        ),
      });
    } else {
      outcome = 'late';
    }
  }

  if (outcome === 'withdrawn') {
    step('withdraw', plusMinutes(resumeAt, 30), counter, { reason: 'Công dân rút hồ sơ' });
    return record(false);
  }

  // The agency's steps, spread between the hand-over and the resolution.
  const path = procedure.path;
  const span = resolvedAt.getTime() - resumeAt.getTime();
  path.forEach(([event, role], i) => {
    const at = new Date(
      resumeAt.getTime() + Math.max(60_000 * (i + 1), Math.floor((span * (i + 1)) / (path.length + 1))),
    );
    const actor = actorFor(role, agency);
    if (i === path.length - 1) {
      // Whoever may approve the last step may also refuse (the partner agency, in a liên thông procedure).
      if (outcome === 'refused') step('refuse', at, actor, { reason: 'Không đủ điều kiện theo quy định' });
      else step('approve', at, actor);
    } else {
      step('hand-over', at, actor, { event });
    }
  });

  // Still being processed at the end of the simulated year: stop before the result.
  if (toLocalDate(resolvedAt) > lastDayOfYear) {
    steps.splice(
      steps.findIndex((s) => s.action === 'hand-over' || s.action === 'approve' || s.action === 'refuse'),
    );
    outcome = 'in-progress';
    return record(false);
  }
  if (outcome === 'refused') return record(false); // a refusal to resolve ends the dossier: no result issued
  step('issue-result', plusMinutes(resolvedAt, 1), actorFor('specialist', agency), {
    electronic: online && onlineLevel === 'full',
  });
  const collected = draw.chance(0.98);
  if (collected) {
    const method = channel === 'post' ? 'post' : online && onlineLevel === 'full' ? 'online' : 'counter';
    const returnedAt = duringOffice(
      calendar.addWorkingTime(resolvedAt, { unit: 'working-days', value: draw.int(0, 3) + 0.1 }) ??
        resolvedAt,
      calendar,
    );
    step('return-result', returnedAt, counter, { method });
    if (online && draw.chance(0.3)) {
      step(
        'rate',
        plusMinutes(returnedAt, 60),
        { id: `citizen-${index}`, role: 'citizen' },
        { score: draw.int(3, 5) },
      );
    }
  }
  return record(collected);
}
