// SQL aggregation over the analytics read model. Each function counts, for one period [S, E) and one slice,
// the same buckets as the pure domain functions (domain/ii06a.ts, processing-time.ts, time-savings.ts); an
// integration test checks SQL against them on the same facts. Sums and means go through `numeric` and
// per-dossier values are rounded to 4 decimals first, so the result does not depend on row order: a rebuilt
// read model gives byte-identical reports.
//
// Indexes: (agency_code, received_at) for "received before E and not ended before S", (agency_code,
// ended_at) for "ended in [S, E)"; see the migration.
import { sqlLocalDayNumber, toLocalDate } from '@tthc/calendar';
import type { QueryRunner } from 'typeorm';
import type { TimelinessGranularity } from '../domain/dossier-event-types';
import { emptyIi06a, type Ii06aFigures } from '../domain/ii06a';
import type { PeriodBounds } from '../domain/periods';
import { openRange } from './migrations/1763780000910-analytics-daily-counts';
import { collectionRange } from './migrations/1763780004100-analytics-awaiting-collection';

export const GROUPINGS = [
  'none',
  'field',
  'procedure',
  'procedure-version',
  'agency',
  'channel',
  'online-level',
  'sub-unit',
] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface SliceFilters {
  /** Agency codes in scope (the roll-up of the requested agency); undefined = every agency. */
  readonly agencies?: readonly string[];
  readonly procedure?: string;
  readonly version?: number;
  readonly field?: string;
  readonly channel?: string;
  readonly onlineLevel?: string;
  /** For grouping by agency: old agency code → the agency that carries its tasks today. */
  readonly currentAgency?: ReadonlyMap<string, string>;
  /** For grouping by sub-unit (application/agency-scope.ts subUnitRollUp): agency code → its row. */
  readonly subUnits?: { readonly own: string; readonly rowOf: ReadonlyMap<string, string> };
}

export interface GroupLabel {
  readonly key: string;
  readonly vi: string | null;
  readonly en: string | null;
}

/** Parameters and WHERE fragments of one query, numbered in the order they are added. */
class Sql {
  readonly params: unknown[] = [];
  readonly where: string[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  and(condition: string): void {
    this.where.push(condition);
  }

  whereClause(): string {
    return this.where.length === 0 ? '' : `WHERE ${this.where.join(' AND ')}`;
  }
}

const REGISTRY_JOIN =
  'LEFT JOIN procedure_versions pv ON pv.code = f.procedure_code AND pv.version = f.procedure_version';

function applyFilters(sql: Sql, filters: SliceFilters): void {
  if (filters.agencies !== undefined) sql.and(`f.agency_code = ANY(${sql.param(filters.agencies)}::text[])`);
  if (filters.procedure !== undefined) sql.and(`f.procedure_code = ${sql.param(filters.procedure)}`);
  if (filters.version !== undefined) sql.and(`f.procedure_version = ${sql.param(filters.version)}`);
  if (filters.field !== undefined) sql.and(`pv.field_code = ${sql.param(filters.field)}`);
  if (filters.channel !== undefined) sql.and(`f.channel = ${sql.param(filters.channel)}`);
  if (filters.onlineLevel !== undefined) sql.and(`f.online_level = ${sql.param(filters.onlineLevel)}`);
}

interface Source {
  readonly from: string;
  readonly key: string;
  readonly vi: string;
  readonly en: string;
}

/** FROM clause and group expressions; grouping by agency groups by today's agency (successor links). */
function sourceOf(
  sql: Sql,
  filters: SliceFilters,
  grouping: Grouping,
  table = 'analytics_dossier_facts',
): Source {
  // The registry only where a field or a procedure name is needed: even a removable LEFT JOIN kept the
  // planner from the partial indexes (a third of a second instead of milliseconds at a million dossiers).
  const registry =
    filters.field !== undefined ||
    grouping === 'field' ||
    grouping === 'procedure' ||
    grouping === 'procedure-version';
  const from = registry ? `${table} f ${REGISTRY_JOIN}` : `${table} f`;
  const plain = (key: string, vi = 'NULL', en = 'NULL'): Source => ({ from, key, vi, en });
  switch (grouping) {
    case 'none':
      return plain(`''`);
    case 'field':
      return plain(`coalesce(pv.field_code, '')`, 'max(pv.field_name_vi)', 'max(pv.field_name_en)');
    case 'procedure':
      return plain('f.procedure_code', 'max(pv.name_vi)', 'max(pv.name_en)');
    case 'procedure-version':
      return plain(`f.procedure_code || '@' || f.procedure_version`, 'max(pv.name_vi)', 'max(pv.name_en)');
    case 'agency': {
      const mapping = [...(filters.currentAgency ?? new Map<string, string>())];
      const codes = sql.param(mapping.map(([code]) => code));
      const current = sql.param(mapping.map(([, today]) => today));
      return {
        from: `${from} LEFT JOIN unnest(${codes}::text[], ${current}::text[]) AS m(code, today) ON m.code = f.agency_code`,
        key: 'coalesce(m.today, f.agency_code)',
        vi: 'NULL',
        en: 'NULL',
      };
    }
    case 'channel':
      return plain('f.channel');
    // The dossier's own level (none for counter and post): the facts fold it so (domain/dossier-facts.ts).
    case 'online-level':
      return plain('f.online_level');
    case 'sub-unit': {
      // Each agency of the unit's scope in exactly one row, so the rows add up to the unit.
      const mapping = [...(filters.subUnits?.rowOf ?? new Map<string, string>())];
      const codes = sql.param(mapping.map(([code]) => code));
      const rows = sql.param(mapping.map(([, row]) => row));
      const own = sql.param(filters.subUnits?.own ?? '');
      return {
        from: `${from} LEFT JOIN unnest(${codes}::text[], ${rows}::text[]) AS s(code, row_key) ON s.code = f.agency_code`,
        key: `coalesce(s.row_key, ${own}::text)`,
        vi: 'NULL',
        en: 'NULL',
      };
    }
  }
}

export interface Ii06aGroup extends GroupLabel {
  readonly figures: Ii06aFigures;
}

/**
 * II.06a per group for [S, E), in three reads that each touch few rows: the daily counts of [S, E) for what
 * was received and what ended; the dossiers open at S (carried over) and at E (in progress, overdue,
 * waiting), found by the GiST index on (received_at, ended_at]; the dossiers resolved in the period and not
 * collected at E, from the covering index of resolved dossiers.
 */
export async function queryIi06a(
  runner: QueryRunner,
  bounds: PeriodBounds,
  filters: SliceFilters,
  grouping: Grouping,
  granularity: TimelinessGranularity,
): Promise<Ii06aGroup[]> {
  const groups = new Map<string, { vi: string | null; en: string | null; counted: Record<string, number> }>();
  const merge = (rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      const key = row.key as string;
      const group = groups.get(key) ?? { vi: null, en: null, counted: {} };
      group.vi = group.vi ?? (row.vi as string | null);
      group.en = group.en ?? (row.en as string | null);
      for (const [column, value] of Object.entries(row)) {
        if (column !== 'key' && column !== 'vi' && column !== 'en') group.counted[column] = Number(value);
      }
      groups.set(key, group);
    }
  };
  merge(await countDays(runner, bounds, filters, grouping, granularity));
  merge(await countOpen(runner, bounds, filters, grouping));
  merge(await countUncollected(runner, bounds, filters, grouping));
  merge(await countLateEnds(runner, bounds, filters, grouping, granularity));
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({ key, vi: g.vi, en: g.en, figures: completeIi06a(g.counted) }))
    .filter((g) => g.figures.toResolve > 0 || g.figures.resolvedNotCollected > 0);
}

const localDay = (ms: number) => toLocalDate(new Date(ms));

async function countDays(
  runner: QueryRunner,
  bounds: PeriodBounds,
  filters: SliceFilters,
  grouping: Grouping,
  granularity: TimelinessGranularity,
): Promise<Record<string, unknown>[]> {
  const sql = new Sql();
  sql.and(`f.day >= ${sql.param(localDay(bounds.startMs))}::date`);
  sql.and(`f.day < ${sql.param(localDay(bounds.endMs))}::date`);
  applyFilters(sql, filters);
  const g = sourceOf(sql, filters, grouping, 'analytics_daily_counts');
  const sum = (expression: string) => `coalesce(sum(${expression}), 0)::int`;
  const received = (condition: string) => sum(`f.received) FILTER (WHERE ${condition}`);
  return (await runner.query(
    `SELECT ${g.key} AS key, ${g.vi} AS vi, ${g.en} AS en,
       ${received(`f.channel = 'online' AND f.online_level = 'full'`)} AS "receivedOnlineFull",
       ${received(`f.channel = 'online' AND f.online_level <> 'full'`)} AS "receivedOnlinePartial",
       ${received(`f.channel = 'counter'`)} AS "receivedCounter",
       ${received(`f.channel = 'post'`)} AS "receivedPost",
       ${sum(`f.early_${granularity}`)} AS "resolvedEarly",
       ${sum(`f.on_time_${granularity}`)} AS "resolvedOnTime",
       ${sum(`f.late_${granularity}`)} AS "resolvedLate",
       ${sum(`f.late_apologised_${granularity}`)} AS "lateWithApology",
       ${sum('f.refused')} AS refused,
       ${sum('f.withdrawn')} AS withdrawn
     FROM ${g.from} ${sql.whereClause()} GROUP BY 1`,
    sql.params,
  )) as Record<string, unknown>[];
}

async function countOpen(
  runner: QueryRunner,
  bounds: PeriodBounds,
  filters: SliceFilters,
  grouping: Grouping,
): Promise<Record<string, unknown>[]> {
  const sql = new Sql();
  const S = sql.param(new Date(bounds.startMs).toISOString());
  const E = sql.param(new Date(bounds.endMs).toISOString());
  const open = (at: string) => `${openRange('f.')} @> ${at}::timestamptz`;
  sql.and('f.received_at IS NOT NULL');
  sql.and(`(${open(S)} OR ${open(E)})`);
  applyFilters(sql, filters);
  const g = sourceOf(sql, filters, grouping);
  const pausedAt = (kind: string) => `(f.has_pauses AND EXISTS (
      SELECT 1 FROM jsonb_array_elements(f.pauses) p
      WHERE (p->>'from')::timestamptz < ${E}::timestamptz
        AND (p->>'to' IS NULL OR (p->>'to')::timestamptz >= ${E}::timestamptz)${kind}))`;
  // A pause that began after the due instant shelters nothing: the dossier stays overdue (sheltersFromOverdue).
  const sheltering = ` AND p->>'overdue' IS NULL`;
  // The committed deadline in force at E: the last one that started before E (most dossiers have one).
  const dueAtEnd = `(CASE WHEN jsonb_array_length(f.deadlines) <= 1 THEN f.receipt_due_at ELSE (
      SELECT (d->>'dueAt')::timestamptz FROM jsonb_array_elements(f.deadlines) WITH ORDINALITY AS x(d, n)
      WHERE (d->>'from')::timestamptz < ${E}::timestamptz ORDER BY n DESC LIMIT 1) END)`;
  return (await runner.query(
    `SELECT ${g.key} AS key, ${g.vi} AS vi, ${g.en} AS en,
       count(*) FILTER (WHERE ${open(S)})::int AS "carriedOver",
       count(*) FILTER (WHERE ${open(E)})::int AS "inProgress",
       count(*) FILTER (WHERE ${open(E)} AND NOT ${pausedAt(sheltering)} AND ${dueAtEnd} < ${E}::timestamptz)::int
         AS "inProgressOverdue",
       count(*) FILTER (WHERE ${open(E)} AND ${pausedAt(` AND p->>'kind' = 'supplement'`)})::int
         AS "inProgressWaitingForCitizen"
     FROM ${g.from} ${sql.whereClause()} GROUP BY 1`,
    sql.params,
  )) as Record<string, unknown>[];
}

/**
 * Refused or withdrawn in [S, E) after the committed deadline in force then (the last that started before
 * the end, as domain/dossier-facts.ts deadlineAt), the clock running (no pause holding the end, as pauseAt),
 * compared by local day or minute like results (domain/ii06a.ts). Few dossiers: the (agency, ended_at) index.
 */
async function countLateEnds(
  runner: QueryRunner,
  bounds: PeriodBounds,
  filters: SliceFilters,
  grouping: Grouping,
  granularity: TimelinessGranularity,
): Promise<Record<string, unknown>[]> {
  const sql = new Sql();
  sql.and(`f.outcome IN ('refused', 'withdrawn')`);
  sql.and(`f.ended_at >= ${sql.param(new Date(bounds.startMs).toISOString())}::timestamptz`);
  sql.and(`f.ended_at < ${sql.param(new Date(bounds.endMs).toISOString())}::timestamptz`);
  applyFilters(sql, filters);
  const g = sourceOf(sql, filters, grouping);
  const due = `coalesce((
      SELECT (d->>'dueAt')::timestamptz FROM jsonb_array_elements(f.deadlines) WITH ORDINALITY AS x(d, n)
      WHERE (d->>'from')::timestamptz < f.ended_at ORDER BY n DESC LIMIT 1), f.receipt_due_at)`;
  const paused = `(f.has_pauses AND EXISTS (
      SELECT 1 FROM jsonb_array_elements(f.pauses) p
      WHERE (p->>'from')::timestamptz < f.ended_at AND p->>'overdue' IS NULL
        AND (p->>'to' IS NULL OR (p->>'to')::timestamptz >= f.ended_at)))`;
  // Local day numbers or epoch minutes, as the calendar's compareTimeliness.
  const unit = (instant: string) =>
    granularity === 'day' ? sqlLocalDayNumber(instant) : `floor(extract(epoch from ${instant}) / 60)`;
  const late = `(NOT ${paused} AND ${unit('f.ended_at')} > ${unit(due)})`;
  // A refusal recorded with its timeliness (the facts' `refusal`) is timed so, as domain/ii06a.ts does.
  const recorded = `f.facts->'refusal'->>'${granularity === 'day' ? 'timelinessDay' : 'timelinessMinute'}'`;
  const refusedLate = `(CASE WHEN f.facts ? 'refusal' THEN ${recorded} = 'late' ELSE ${late} END)`;
  return (await runner.query(
    `SELECT ${g.key} AS key, ${g.vi} AS vi, ${g.en} AS en,
       count(*) FILTER (WHERE f.outcome = 'refused' AND ${refusedLate})::int AS "refusedLate",
       count(*) FILTER (WHERE f.outcome = 'withdrawn' AND ${late})::int AS "withdrawnLate"
     FROM ${g.from} ${sql.whereClause()} GROUP BY 1`,
    sql.params,
  )) as Record<string, unknown>[];
}

/**
 * Resolved in [S, E) and not returned before E, in two parts that each have a narrow index (migration
 * 1763780004100): never returned, and returned at or after E (a range of [ended_at, returned_at] holding E).
 * A return before the resolution (never written by the decider) counts as returned, as it always did.
 */
async function countUncollected(
  runner: QueryRunner,
  bounds: PeriodBounds,
  filters: SliceFilters,
  grouping: Grouping,
): Promise<Record<string, unknown>[]> {
  const part = async (condition: (E: string) => string) => {
    const sql = new Sql();
    const S = sql.param(new Date(bounds.startMs).toISOString());
    const E = sql.param(new Date(bounds.endMs).toISOString());
    sql.and(`f.outcome = 'resolved'`);
    sql.and(condition(E));
    sql.and(`f.ended_at >= ${S}::timestamptz`);
    sql.and(`f.ended_at < ${E}::timestamptz`);
    applyFilters(sql, filters);
    const g = sourceOf(sql, filters, grouping);
    return (await runner.query(
      `SELECT ${g.key} AS key, ${g.vi} AS vi, ${g.en} AS en, count(*)::int AS "resolvedNotCollected"
       FROM ${g.from} ${sql.whereClause()} GROUP BY 1`,
      sql.params,
    )) as Record<string, unknown>[];
  };
  const never = await part(() => 'f.returned_at IS NULL');
  const later = await part(
    (E) => `f.returned_at >= f.ended_at AND ${collectionRange('f.')} @> ${E}::timestamptz`,
  );
  const byKey = new Map<string, Record<string, unknown>>();
  for (const row of [...never, ...later]) {
    const key = row.key as string;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, { ...row });
    else seen.resolvedNotCollected = Number(seen.resolvedNotCollected) + Number(row.resolvedNotCollected);
  }
  return [...byKey.values()];
}

/** Fills the derived columns of II.06a from the counted ones. */
export function completeIi06a(counted: Partial<Record<keyof Ii06aFigures, number>>): Ii06aFigures {
  const f = { ...emptyIi06a(), ...pick(counted) };
  f.receivedOnline = f.receivedOnlineFull + f.receivedOnlinePartial;
  f.receivedCounterAndPost = f.receivedCounter + f.receivedPost;
  f.received = f.receivedOnline + f.receivedCounterAndPost;
  f.toResolve = f.carriedOver + f.received;
  f.resolved = f.resolvedEarly + f.resolvedOnTime + f.resolvedLate;
  f.lateWithoutApology = f.resolvedLate - f.lateWithApology;
  f.inProgressNotYetDue = f.inProgress - f.inProgressOverdue;
  return f;
}

function pick(row: Partial<Record<keyof Ii06aFigures, number>>): Partial<Ii06aFigures> {
  const keys = Object.keys(emptyIi06a()) as (keyof Ii06aFigures)[];
  return Object.fromEntries(keys.filter((k) => row[k] !== undefined).map((k) => [k, Number(row[k])]));
}

/** Adds figures of several groups (e.g. old agencies merged into today's). */
export function addIi06a(a: Ii06aFigures, b: Ii06aFigures): Ii06aFigures {
  const out = emptyIi06a();
  for (const key of Object.keys(out) as (keyof Ii06aFigures)[]) out[key] = a[key] + b[key];
  return out;
}

// ---------------------------------------------------------------------------------------------------------

const resolvedIn = (sql: Sql, bounds: PeriodBounds) => {
  sql.and(`f.outcome = 'resolved'`);
  sql.and(`f.ended_at >= ${sql.param(new Date(bounds.startMs).toISOString())}::timestamptz`);
  sql.and(`f.ended_at < ${sql.param(new Date(bounds.endMs).toISOString())}::timestamptz`);
};

const r4 = (expression: string) => `round((${expression})::numeric, 4)`;
const PROCESSING_MEASURES = {
  workingNet: r4('f.working_days_used'),
  workingGross: r4('f.working_days_used + f.paused_working_days'),
  calendarGross: r4(`extract(epoch from (f.resolved_at - f.received_at)) / 86400`),
  calendarNet: r4(`(extract(epoch from (f.resolved_at - f.received_at)) * 1000 - f.paused_ms) / 86400000`),
} as const;
export type ProcessingMeasure = keyof typeof PROCESSING_MEASURES;
export const PROCESSING_MEASURE_NAMES = Object.keys(PROCESSING_MEASURES) as ProcessingMeasure[];

export interface DistributionRow {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
}

export interface ProcessingGroup extends GroupLabel {
  readonly count: number;
  readonly measures: Record<ProcessingMeasure, DistributionRow>;
}

const num = (value: unknown): number | null =>
  value === null || value === undefined ? null : Math.round(Number(value) * 10_000) / 10_000;

/**
 * Mean, median, p90 of each processing-time measure over dossiers resolved in [S, E), or with
 * `cohort: 'received'` over dossiers received in [S, E) and resolved whenever (Decision 766 indicator 2.2).
 */
export async function queryProcessingTime(
  runner: QueryRunner,
  bounds: PeriodBounds,
  filters: SliceFilters,
  grouping: Grouping,
  cohort: 'resolved' | 'received' = 'resolved',
): Promise<ProcessingGroup[]> {
  const sql = new Sql();
  if (cohort === 'resolved') resolvedIn(sql, bounds);
  else {
    sql.and(`f.outcome = 'resolved'`);
    sql.and(`f.received_at >= ${sql.param(new Date(bounds.startMs).toISOString())}::timestamptz`);
    sql.and(`f.received_at < ${sql.param(new Date(bounds.endMs).toISOString())}::timestamptz`);
  }
  applyFilters(sql, filters);
  const g = sourceOf(sql, filters, grouping);
  const columns = PROCESSING_MEASURE_NAMES.map((m) => {
    const e = PROCESSING_MEASURES[m];
    // One sort per measure gives both percentiles.
    return `avg(${e}) AS "${m}_mean",
      percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${e}) AS "${m}_percentiles"`;
  }).join(',\n');
  const rows = (await runner.query(
    `SELECT ${g.key} AS key, ${g.vi} AS vi, ${g.en} AS en, count(*)::int AS count, ${columns}
     FROM ${g.from} ${sql.whereClause()} GROUP BY 1 ORDER BY 1`,
    sql.params,
  )) as Record<string, unknown>[];
  return rows.map((row) => ({
    key: row.key as string,
    vi: row.vi as string | null,
    en: row.en as string | null,
    count: row.count as number,
    measures: Object.fromEntries(
      PROCESSING_MEASURE_NAMES.map((m) => [
        m,
        {
          count: row.count as number,
          mean: num(row[`${m}_mean`]),
          median: num((row[`${m}_percentiles`] as number[] | null)?.[0]),
          p90: num((row[`${m}_percentiles`] as number[] | null)?.[1]),
        },
      ]),
    ) as Record<ProcessingMeasure, DistributionRow>,
  }));
}

export interface ReformRow {
  readonly procedureCode: string;
  readonly procedureVersion: number;
  readonly nameVi: string | null;
  readonly nameEn: string | null;
  readonly statutory: { readonly value: number; readonly unit: string };
  readonly committed: { readonly value: number; readonly unit: string };
  readonly resolved: number;
  readonly actualMean: number | null;
  readonly actualMedian: number | null;
}

/** Per procedure version (with its statutory and committed durations as recorded at receipt). */
export async function queryReform(
  runner: QueryRunner,
  bounds: PeriodBounds,
  filters: SliceFilters,
): Promise<ReformRow[]> {
  const sql = new Sql();
  resolvedIn(sql, bounds);
  applyFilters(sql, filters);
  const rows = (await runner.query(
    `SELECT f.procedure_code, f.procedure_version, max(pv.name_vi) AS name_vi, max(pv.name_en) AS name_en,
       f.statutory_value, f.statutory_unit, f.committed_value, f.committed_unit, count(*)::int AS resolved,
       avg(${PROCESSING_MEASURES.workingNet}) AS mean,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ${PROCESSING_MEASURES.workingNet}) AS median
     FROM analytics_dossier_facts f ${REGISTRY_JOIN} ${sql.whereClause()}
     GROUP BY f.procedure_code, f.procedure_version, f.statutory_value, f.statutory_unit, f.committed_value,
       f.committed_unit
     ORDER BY 1, 2, 5, 6, 7, 8`,
    sql.params,
  )) as Record<string, unknown>[];
  return rows.map((row) => ({
    procedureCode: row.procedure_code as string,
    procedureVersion: row.procedure_version as number,
    nameVi: row.name_vi as string | null,
    nameEn: row.name_en as string | null,
    statutory: { value: Number(row.statutory_value), unit: row.statutory_unit as string },
    committed: { value: Number(row.committed_value), unit: row.committed_unit as string },
    resolved: row.resolved as number,
    actualMean: num(row.mean),
    actualMedian: num(row.median),
  }));
}

export interface TimeSavingsRow extends GroupLabel {
  readonly resolved: number;
  readonly processingDaysSavedPositive: number;
  readonly processingDaysSavedNet: number;
  readonly tripsBaseline: number;
  readonly tripsActual: number;
  readonly travelDaysSaved: number;
}

/** Sums of the days-saved method over dossiers resolved in [S, E). */
export async function queryTimeSavings(
  runner: QueryRunner,
  bounds: PeriodBounds,
  filters: SliceFilters,
  grouping: Grouping,
  tripCostDays: number | undefined,
): Promise<TimeSavingsRow[]> {
  const sql = new Sql();
  const override = sql.param(tripCostDays ?? null);
  // From the daily sums of the dossiers resolved each day (domain/daily-counts.ts): the same dossiers as
  // "resolved, ended in [S, E)", since periods start and end at local midnight.
  sql.and(`f.day >= ${sql.param(localDay(bounds.startMs))}::date`);
  sql.and(`f.day < ${sql.param(localDay(bounds.endMs))}::date`);
  sql.and('f.resolved > 0');
  applyFilters(sql, filters);
  const g = sourceOf(sql, filters, grouping, 'analytics_daily_counts');
  // The trip cost of a dossier, as domain/time-savings.ts tripCostDaysOf: the caller's, else the procedure
  // version's for the locality (the applicant's commune when given, else the dossier's agency), else the
  // procedure version's default, else the agency's default, else 1 day.
  const tripCost = `coalesce(${override}::float8,
      (tv.definition->'tripCost'->'byLocality'->>per.locality)::float8,
      (tv.definition->'tripCost'->>'defaultDays')::float8, a.default_trip_cost_days, 1)`;
  // Summed per procedure version and agency first, then multiplied by that pair's trip cost: the
  // definition (a large jsonb) is read once per pair, not once per day.
  const rows = (await runner.query(
    `WITH per AS (
       SELECT ${g.key} AS key, ${g.vi} AS vi, ${g.en} AS en, f.procedure_code, f.procedure_version, f.agency_code,
         coalesce(nullif(f.locality, ''), f.agency_code) AS locality, sum(f.resolved)::int AS resolved, sum(f.saved_positive) AS positive, sum(f.saved_net) AS net,
         sum(f.trips_baseline)::int AS baseline, sum(f.trips_actual)::int AS actual
       FROM ${g.from} ${sql.whereClause()}
       GROUP BY 1, 4, 5, 6, 7
     )
     SELECT per.key, max(per.vi) AS vi, max(per.en) AS en, sum(per.resolved)::int AS resolved,
       coalesce(sum(per.positive), 0) AS positive, coalesce(sum(per.net), 0) AS net,
       coalesce(sum(per.baseline), 0)::int AS baseline, coalesce(sum(per.actual), 0)::int AS actual,
       coalesce(sum(((per.baseline - per.actual) * ${tripCost})::numeric), 0) AS travel
     FROM per
     LEFT JOIN procedure_versions tv ON tv.code = per.procedure_code AND tv.version = per.procedure_version
     LEFT JOIN agencies a ON a.code = per.agency_code
     GROUP BY 1 ORDER BY 1`,
    sql.params,
  )) as Record<string, unknown>[];
  return rows.map((row) => ({
    key: row.key as string,
    vi: row.vi as string | null,
    en: row.en as string | null,
    resolved: row.resolved as number,
    processingDaysSavedPositive: num(row.positive) ?? 0,
    processingDaysSavedNet: num(row.net) ?? 0,
    tripsBaseline: row.baseline as number,
    tripsActual: row.actual as number,
    travelDaysSaved: num(row.travel) ?? 0,
  }));
}

export interface Decision766Counts {
  readonly onlineServices: number;
  readonly onlineServicesWithOnlineDossiers: number;
  readonly receivedWithOnlinePayment: number;
  readonly receivedWithFee: number;
  readonly receivedWithElectronicResult: number;
  readonly ratings: number;
  readonly ratingSum: number;
  readonly ratingsSatisfied: number;
}

/** A procedure level that is online: the Decree 42/2022 names and the legacy levels 3 and 4. */
const OFFERED_ONLINE = `('full', 'partial', '3', '4')`;

/** The counts of domain/decision-766.ts, over the decision's denominators (see there). */
export async function queryDecision766Counts(
  runner: QueryRunner,
  bounds: PeriodBounds,
  filters: SliceFilters,
): Promise<Decision766Counts> {
  const sql = new Sql();
  const S = sql.param(new Date(bounds.startMs).toISOString());
  const E = sql.param(new Date(bounds.endMs).toISOString());
  applyFilters(sql, filters);
  const within = (column: string) => `${column} >= ${S}::timestamptz AND ${column} < ${E}::timestamptz`;
  sql.and(`(${within('f.received_at')} OR ${within('f.rated_at')})`);
  // A fee above 0 applies to the dossier's channel (a fee naming no channels applies to every channel).
  const feeDue = `EXISTS (
      SELECT 1 FROM jsonb_array_elements(coalesce(pv.definition->'fees', '[]'::jsonb)) fee
      WHERE (fee->>'amount')::numeric > 0 AND (fee->'channels' IS NULL OR fee->'channels' ? f.channel))`;
  const [row] = (await runner.query(
    `SELECT
       count(*) FILTER (WHERE ${within('f.received_at')} AND f.online_payment)::int AS "receivedWithOnlinePayment",
       count(*) FILTER (WHERE ${within('f.received_at')} AND ${feeDue})::int AS "receivedWithFee",
       count(*) FILTER (WHERE ${within('f.received_at')} AND f.outcome = 'resolved' AND f.electronic_result)::int
         AS "receivedWithElectronicResult",
       count(*) FILTER (WHERE ${within('f.rated_at')})::int AS ratings,
       coalesce(sum(f.rating) FILTER (WHERE ${within('f.rated_at')}), 0)::int AS "ratingSum",
       count(*) FILTER (WHERE ${within('f.rated_at')} AND f.rating >= 4)::int AS "ratingsSatisfied"
     FROM analytics_dossier_facts f ${REGISTRY_JOIN} ${sql.whereClause()}`,
    sql.params,
  )) as Omit<Decision766Counts, 'onlineServices' | 'onlineServicesWithOnlineDossiers'>[];
  return { ...row, ...(await queryOnlineServices(runner, bounds, filters)) };
}

/**
 * 3.2: the procedures offered online (published now, full or partial) by the agencies in scope, and those of
 * them that received a dossier online in the period (the same slice of dossiers as the other indicators).
 */
async function queryOnlineServices(
  runner: QueryRunner,
  bounds: PeriodBounds,
  filters: SliceFilters,
): Promise<Pick<Decision766Counts, 'onlineServices' | 'onlineServicesWithOnlineDossiers'>> {
  const sql = new Sql();
  const S = sql.param(new Date(bounds.startMs).toISOString());
  const E = sql.param(new Date(bounds.endMs).toISOString());
  applyFilters(sql, filters);
  sql.and(`f.procedure_code = p.code`);
  sql.and(`f.channel = 'online'`);
  sql.and(`f.received_at >= ${S}::timestamptz AND f.received_at < ${E}::timestamptz`);
  const dossiers = `EXISTS (SELECT 1 FROM analytics_dossier_facts f ${REGISTRY_JOIN} ${sql.whereClause()})`;
  const offered: string[] = [`p.status = 'published'`, `p.online_level IN ${OFFERED_ONLINE}`];
  if (filters.agencies !== undefined)
    offered.push(`p.agency_code = ANY(${sql.param(filters.agencies)}::text[])`);
  if (filters.procedure !== undefined) offered.push(`p.code = ${sql.param(filters.procedure)}`);
  if (filters.field !== undefined) offered.push(`p.field_code = ${sql.param(filters.field)}`);
  const [row] = (await runner.query(
    `SELECT count(DISTINCT p.code)::int AS "onlineServices",
       count(DISTINCT p.code) FILTER (WHERE ${dossiers})::int AS "onlineServicesWithOnlineDossiers"
     FROM procedure_versions p WHERE ${offered.join(' AND ')}`,
    sql.params,
  )) as Pick<Decision766Counts, 'onlineServices' | 'onlineServicesWithOnlineDossiers'>[];
  return row;
}

export interface ActivityFigures {
  readonly receivedWithSupplement: number;
  readonly supplementRounds: number;
  readonly dossiersByRounds: { readonly one: number; readonly two: number; readonly threeOrMore: number };
  readonly apologies: number;
  readonly atRiskAlerts: number;
  /** Working days by who held the clock, over dossiers resolved in the period. */
  readonly clockHeld: {
    readonly agency: number;
    readonly partnerAgency: number;
    readonly citizen: number;
    readonly payment: number;
    readonly otherExcluded: number;
  };
}

export async function queryActivity(
  runner: QueryRunner,
  bounds: PeriodBounds,
  filters: SliceFilters,
): Promise<ActivityFigures> {
  const sql = new Sql();
  const S = sql.param(new Date(bounds.startMs).toISOString());
  const E = sql.param(new Date(bounds.endMs).toISOString());
  applyFilters(sql, filters);
  const within = (column: string) => `${column} >= ${S}::timestamptz AND ${column} < ${E}::timestamptz`;
  sql.and(
    `(${within('f.received_at')} OR ${within('f.ended_at')} OR ${within('f.apologised_at')} OR ${within('f.at_risk_at')})`,
  );
  const resolved = `${within('f.ended_at')} AND f.outcome = 'resolved'`;
  const held = (column: string) => `coalesce(sum(f.${column}::numeric) FILTER (WHERE ${resolved}), 0)`;
  const [row] = (await runner.query(
    `SELECT
       count(*) FILTER (WHERE ${within('f.received_at')} AND f.supplement_rounds > 0)::int AS with_supplement,
       coalesce(sum(f.supplement_rounds) FILTER (WHERE ${within('f.received_at')}), 0)::int AS rounds,
       count(*) FILTER (WHERE ${within('f.received_at')} AND f.supplement_rounds = 1)::int AS one,
       count(*) FILTER (WHERE ${within('f.received_at')} AND f.supplement_rounds = 2)::int AS two,
       count(*) FILTER (WHERE ${within('f.received_at')} AND f.supplement_rounds >= 3)::int AS three,
       count(*) FILTER (WHERE ${within('f.apologised_at')})::int AS apologies,
       count(*) FILTER (WHERE ${within('f.at_risk_at')})::int AS at_risk,
       ${held('held_agency')} AS agency, ${held('held_partner_agency')} AS partner,
       ${held('held_citizen')} AS citizen, ${held('held_payment')} AS payment,
       ${held('held_other_excluded')} AS other
     FROM analytics_dossier_facts f ${REGISTRY_JOIN} ${sql.whereClause()}`,
    sql.params,
  )) as Record<string, unknown>[];
  return {
    receivedWithSupplement: row.with_supplement as number,
    supplementRounds: row.rounds as number,
    dossiersByRounds: { one: row.one as number, two: row.two as number, threeOrMore: row.three as number },
    apologies: row.apologies as number,
    atRiskAlerts: row.at_risk as number,
    clockHeld: {
      agency: num(row.agency) ?? 0,
      partnerAgency: num(row.partner) ?? 0,
      citizen: num(row.citizen) ?? 0,
      payment: num(row.payment) ?? 0,
      otherExcluded: num(row.other) ?? 0,
    },
  };
}

export interface Watermark {
  readonly projection: string;
  readonly eventsApplied: number;
  readonly lastPosition: { readonly transactionId: string; readonly position: string } | null;
}

export async function queryWatermark(runner: QueryRunner, projection: string): Promise<Watermark> {
  const rows = (await runner.query(
    `SELECT events_applied::text AS n, last_transaction_id::text AS tx, last_position::text AS pos
     FROM analytics_watermark WHERE id = 1`,
  )) as { n: string; tx: string; pos: string }[];
  const row = rows[0];
  return {
    projection,
    eventsApplied: row === undefined ? 0 : Number(row.n),
    lastPosition: row === undefined ? null : { transactionId: row.tx, position: row.pos },
  };
}
