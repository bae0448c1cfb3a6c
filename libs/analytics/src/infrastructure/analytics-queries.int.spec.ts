// The SQL aggregation against the pure domain reference, on the same dossiers: histories written to a real
// PostgreSQL event store, projected by DossierFactsProjection, then counted for many periods both ways. Also:
// the watermark stamps the events applied, and a rebuild from zero gives the same rows.
import type { QueryRunner } from 'typeorm';
import {
  applyCheckpointed,
  catchUp,
  LOG_START,
  PostgresEventStore,
  rebuildProjection,
} from '@tthc/event-store';
import type { TestDatabase } from '@tthc/testing';
import { processingTimesOf } from '../domain/processing-time';
import { summariseIi06a } from '../domain/ii06a';
import { boundsOf, seriesPeriods } from '../domain/periods';
import { distributionOf } from '../domain/statistics';
import { summariseTimeSavings, tripCostDaysOf, type TripCostSources } from '../domain/time-savings';
import { agencyScope, subUnitRollUp } from '../application/agency-scope';
import { dossier, type DossierHistory } from '../domain/testing/dossier-history';
import type { DossierFacts } from '../domain/dossier-facts';
import { AnalyticsDailySavings1763780004000 } from './migrations/1763780004000-analytics-daily-savings';
import { DossierFactsProjection } from './projections/dossier-facts.projection';
import { createAnalyticsTestDatabase, withQueryRunner } from './testing/analytics-test-database';
import {
  addIi06a,
  completeIi06a,
  queryIi06a,
  queryProcessingTime,
  queryTimeSavings,
  queryWatermark,
} from './analytics-queries';

const DISTRICT = '000.00.18.H56';
const MERGED = '000.99.18.H56'; // ended 15 January 2025, merged into 000.31.18.H56
const LEVELS = '000.98.18.H56'; // online levels
const UNREGISTERED = '000.97.18.H56'; // neither in the directory nor with a registered procedure

/** The registry's and directory's rows the trip costs and the sub-unit roll-up read. */
const TRIP_COSTS = {
  procedure: { defaultDays: 0.5, byLocality: { '000.32.18.H56': 1.5 } },
  agencies: { [DISTRICT]: 1, '000.31.18.H56': 0.75, '000.32.18.H56': 0.75, [MERGED]: 2, [LEVELS]: 0.25 },
} as const;

async function directory(db: TestDatabase): Promise<void> {
  await db.dataSource.query(
    `INSERT INTO procedure_versions (code, version, status, name_vi, name_en, field_code, field_name_vi,
       field_name_en, agency_code, agency_name_vi, agency_name_en, agency_level, online_level, statutory_unit,
       committed_unit, definition, content_hash, search_text, published_at)
     VALUES ('1.004873', 1, 'published', 'Xác nhận tình trạng hôn nhân', 'Marital status', 'ho-tich', 'Hộ tịch',
       'Civil status', '000.31.18.H56', 'UBND xã', 'Commune', 'commune', 'full', 'working-days', 'working-days',
       $1::jsonb, 'x', 'x', now())`,
    [JSON.stringify({ tripCost: TRIP_COSTS.procedure })],
  );
  const agency = (code: string, parent: string | null, validTo: string | null, successor: string | null) =>
    db.dataSource.query(
      `INSERT INTO agencies (code, name_vi, name_en, level, parent_code, office_hours, saturday_reception,
         default_trip_cost_days, valid_from, valid_to, successor_code, search_text, registered_at, updated_at)
       VALUES ($1, $2, $3, 'commune', $4, '[]', false, $5, '2010-01-01', $6, $7, $1, now(), now())`,
      [
        code,
        `Đơn vị ${code}`,
        `Unit ${code}`,
        parent,
        TRIP_COSTS.agencies[code as keyof typeof TRIP_COSTS.agencies] ?? 1,
        validTo,
        successor,
      ],
    );
  await agency(DISTRICT, null, null, null);
  await agency('000.31.18.H56', DISTRICT, null, null);
  await agency('000.32.18.H56', DISTRICT, null, null);
  await agency(MERGED, DISTRICT, '2025-01-15', '000.31.18.H56');
  await agency(LEVELS, DISTRICT, null, null);
}

/** 60 dossiers over January–April 2025 with every kind of history, deterministic. */
function histories(): DossierHistory[] {
  const out: DossierHistory[] = [];
  const day = (n: number) => {
    const d = new Date(Date.UTC(2025, 0, 2) + n * 2 * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  for (let i = 0; i < 60; i++) {
    const d0 = day(i);
    const d1 = day(i + 1 + (i % 4));
    const d2 = day(i + 2 + (i % 7));
    const channel = (['counter', 'online', 'post'] as const)[i % 3];
    const h = dossier(`d${i}`, `${d0} 07:00`, {
      channel,
      onlineLevel: channel === 'online' ? (i % 2 === 0 ? 'full' : 'partial') : 'none',
      payment: i % 5 === 0,
      agency: i % 2 === 0 ? '000.31.18.H56' : '000.32.18.H56',
    });
    if (i % 17 === 16) {
      out.push(h.refusedAtReceipt(`${d0} 08:00`));
      continue;
    }
    h.received(`${d0} 08:00`, `${d1} 08:00`, 1 + (i % 3), 3 + (i % 3));
    if (i % 5 === 1) {
      h.supplementRequested(`${d0} 10:00`);
      if (i % 10 === 1) {
        out.push(h); // still waiting for the citizen
        continue;
      }
      h.supplementProvided(
        `${day(i + 1)} 09:00`,
        `${d2} 09:00`,
        1.5,
        (['online', 'post', 'counter'] as const)[i % 3],
      );
    }
    if (i % 11 === 3)
      h.excludedInterval(
        'financial-obligation',
        `${day(i + 1)} 13:00`,
        `${day(i + 1)} 15:00`,
        `${d2} 10:00`,
        0.25,
      );
    if (i % 13 === 5) {
      out.push(h.withdrawn(`${day(i + 1)} 11:00`));
      continue;
    }
    if (i % 9 === 4) {
      out.push(h.refused(`${d2} 11:00`));
      continue;
    }
    if (i % 8 === 7) {
      out.push(h); // still open
      continue;
    }
    if (i % 6 === 2) h.apologised(`${d1} 07:00`);
    const late = i % 4 === 0;
    const early = i % 4 === 2;
    const resolvedAt = early ? `${d0} 16:30` : `${late ? d2 : d1} ${i % 2 === 0 ? '07:30' : '16:00'}`;
    h.resolved(resolvedAt, `${d1} 08:00`, {
      workingDaysUsed: 1 + (i % 5) * 0.375,
      beforeStatutoryDue: 2 - (i % 4),
      electronic: i % 3 === 1,
      apologised: i % 6 === 2,
    });
    if (i % 3 !== 2) h.returned(`${day(i + 9)} 09:00`, i % 3 === 1 ? 'online' : 'counter');
    if (i % 4 === 1) h.rated(`${day(i + 5)} 10:00`, 3 + (i % 3));
    out.push(h);
  }
  return out;
}

/** Dossiers whose figures the tests below state by hand. */
function targeted(): DossierHistory[] {
  const resolved = (h: DossierHistory, day: string) =>
    h
      .received(`${day} 07:30`, `${day} 16:00`)
      .resolved(`${day} 15:00`, `${day} 16:00`, { workingDaysUsed: 0.5, beforeStatutoryDue: 2 });
  return [
    // Trips: a counter submission, a supplement by post, the result by post: baseline 3, actual 1.
    dossier('t1', '2025-02-03 07:00', { agency: MERGED, procedure: '1.000001' })
      .received('2025-02-03 07:30', '2025-02-05 07:30')
      .supplementRequested('2025-02-03 09:00')
      .supplementProvided('2025-02-04 09:00', '2025-02-06 07:30', 1, 'post')
      .resolved('2025-02-05 10:00', '2025-02-06 07:30', { workingDaysUsed: 1, beforeStatutoryDue: 2 })
      .returned('2025-02-06 09:00', 'post'),
    // Online, supplement online, electronic result not yet collected: baseline 3, actual 0.
    dossier('t2', '2025-02-03 07:00', { agency: MERGED, channel: 'online', onlineLevel: 'full' })
      .received('2025-02-03 07:30', '2025-02-05 07:30')
      .supplementRequested('2025-02-03 09:00')
      .supplementProvided('2025-02-04 09:00', '2025-02-06 07:30', 1, 'online')
      .resolved('2025-02-05 10:00', '2025-02-06 07:30', {
        workingDaysUsed: 1,
        beforeStatutoryDue: 2,
        electronic: true,
      }),
    // Counter, collected at the counter, at an agency and procedure no registry knows: trip cost 1 day.
    resolved(
      dossier('t3', '2025-02-10 07:00', { agency: UNREGISTERED, procedure: '1.000002' }),
      '2025-02-10',
    ),
    // Online levels: counter and post dossiers recorded with the procedure's level (as events before the
    // fix did) are not online at any level; an online one has the level it was submitted at.
    resolved(dossier('l1', '2025-02-11 07:00', { agency: LEVELS, onlineLevel: 'full' }), '2025-02-11'),
    resolved(
      dossier('l2', '2025-02-11 07:00', { agency: LEVELS, channel: 'post', onlineLevel: 'partial' }),
      '2025-02-11',
    ),
    resolved(
      dossier('l3', '2025-02-11 07:00', { agency: LEVELS, channel: 'online', onlineLevel: 'partial' }),
      '2025-02-11',
    ),
    // Submitted online to the district by a citizen of 000.32.18.H56, whose trips the procedure prices at
    // 1.5 days (the district itself has no price of its own: 0.5 by default); collected at the counter.
    resolved(
      dossier('c1', '2025-04-23 07:00', {
        agency: DISTRICT,
        channel: 'online',
        onlineLevel: 'partial',
        locality: '000.32.18.H56',
      }),
      '2025-04-23',
    ),
    // The district's own dossiers (received by the district itself), for the sub-unit rows.
    resolved(dossier('u1', '2025-03-03 07:00', { agency: DISTRICT }), '2025-03-03'),
    dossier('u2', '2025-03-04 07:00', { agency: DISTRICT }).received('2025-03-04 07:30', '2025-03-05 07:30'),
  ];
}

describe('analytics SQL against the domain reference (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const projection = new DossierFactsProjection();
  const all = [...histories(), ...targeted()];
  const facts: DossierFacts[] = all.map((h) => h.facts());
  const periods = [
    { from: '2025-01-01', to: '2025-04-30' },
    ...seriesPeriods({ from: '2025-01-01', to: '2025-05-31' }, 'month', 'calendar'),
    ...seriesPeriods({ from: '2025-01-01', to: '2025-05-31' }, 'month', 'cutoff-15'),
    { from: '2025-02-10', to: '2025-02-10' },
    { from: '2025-03-03', to: '2025-03-09' },
  ];

  const withRunner = <T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> => withQueryRunner(db, work);

  beforeAll(async () => {
    db = await createAnalyticsTestDatabase();
    await directory(db);
    store = new PostgresEventStore(db.dataSource);
    for (const h of all) {
      await store.append(
        `dossier-${h.id}`,
        'dossier',
        0,
        h.events.map((e) => ({
          type: e.type,
          data: e.data,
          metadata: {},
          occurredAt: new Date('2025-06-01'),
        })),
      );
    }
    await store.waitUntilReadable();
    await catchUp(db.dataSource, store, projection, 100);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('counts II.06a exactly as the domain does, for every period and both granularities', async () => {
    for (const period of periods) {
      const bounds = boundsOf(period);
      for (const granularity of ['day', 'minute'] as const) {
        const [sql] = await withRunner((r) => queryIi06a(r, bounds, {}, 'none', granularity));
        expect({ period, figures: sql.figures }).toEqual({
          period,
          figures: summariseIi06a(facts, bounds, granularity),
        });
      }
    }
  });

  it('exercises every bucket (the histories are not trivial)', async () => {
    const march = boundsOf({ from: '2025-03-01', to: '2025-03-31' });
    const whole = summariseIi06a(facts, boundsOf({ from: '2025-01-01', to: '2025-04-30' }), 'day');
    const inMarch = summariseIi06a(facts, march);
    for (const figure of [
      'resolvedEarly',
      'resolvedOnTime',
      'resolvedLate',
      'lateWithApology',
      'lateWithoutApology',
      'refused',
      'withdrawn',
      'inProgressWaitingForCitizen',
      'inProgressOverdue',
      'resolvedNotCollected',
    ] as const) {
      expect({ figure, positive: whole[figure] > 0 }).toEqual({ figure, positive: true });
    }
    expect(inMarch.carriedOver).toBeGreaterThan(0);
    expect(inMarch.receivedOnlineFull + inMarch.receivedOnlinePartial + inMarch.receivedPost).toBeGreaterThan(
      0,
    );
  });

  it('filters by agency and channel like the domain', async () => {
    const bounds = boundsOf({ from: '2025-02-01', to: '2025-02-28' });
    const [sql] = await withRunner((r) =>
      queryIi06a(r, bounds, { agencies: ['000.32.18.H56'], channel: 'online' }, 'none', 'day'),
    );
    const subset = facts.filter((f) => f.agencyCode === '000.32.18.H56' && f.channel === 'online');
    expect(sql.figures).toEqual(summariseIi06a(subset, bounds));
  });

  it('gives the processing-time distributions the domain gives', async () => {
    for (const period of periods.slice(0, 6)) {
      const bounds = boundsOf(period);
      const inPeriod = facts.filter(
        (f) =>
          f.outcome === 'resolved' &&
          Date.parse(f.endedAt ?? '') >= bounds.startMs &&
          Date.parse(f.endedAt ?? '') < bounds.endMs,
      );
      const times = inPeriod.map((f) => processingTimesOf(f)!);
      const groups = await withRunner((r) => queryProcessingTime(r, bounds, {}, 'none'));
      if (inPeriod.length === 0) {
        expect(groups).toEqual([]);
        continue;
      }
      for (const measure of ['workingNet', 'workingGross', 'calendarGross', 'calendarNet'] as const) {
        expect({ measure, ...groups[0].measures[measure] }).toEqual({
          measure,
          ...distributionOf(times.map((t) => t[measure])),
        });
      }
    }
  });

  it('sums the days saved as the domain does (fixed trip cost)', async () => {
    const bounds = boundsOf({ from: '2025-01-01', to: '2025-04-30' });
    const [sql] = await withRunner((r) => queryTimeSavings(r, bounds, {}, 'none', 0.5));
    const reference = summariseTimeSavings(
      facts,
      (f) => Date.parse(f.endedAt ?? '') >= bounds.startMs && Date.parse(f.endedAt ?? '') < bounds.endMs,
      () => 0.5,
      { tripCostDays: 0.5, hoursPerWorkingDay: 8 },
    );
    expect(sql).toMatchObject({
      resolved: reference.resolved,
      processingDaysSavedPositive: reference.processingDaysSavedPositive,
      processingDaysSavedNet: reference.processingDaysSavedNet,
      tripsBaseline: reference.tripsBaseline,
      tripsActual: reference.tripsActual,
      travelDaysSaved: reference.travelDaysSaved,
    });
  });

  it('counts the trips of every step by its channel: a supplement or result by post is no trip', async () => {
    // Given t1 (counter, supplement by post, result by post) and t2 (all online) at the merged agency,
    // when the days saved of February are counted, then t1 made 1 trip of 3 and t2 none of 3; t1's procedure
    // is not in the registry, so its trip cost is the agency's 2 days; t2's is the procedure's 0.5.
    const bounds = boundsOf({ from: '2025-02-01', to: '2025-02-28' });
    const [sql] = await withRunner((r) =>
      queryTimeSavings(r, bounds, { agencies: [MERGED] }, 'none', undefined),
    );
    expect(sql).toMatchObject({ resolved: 2, tripsBaseline: 6, tripsActual: 1, travelDaysSaved: 5.5 });
  });

  it('prices the trips avoided as the domain does: procedure cost for the locality, its default, the agency’s, 1', async () => {
    const bounds = boundsOf({ from: '2025-01-01', to: '2025-04-30' });
    const [sql] = await withRunner((r) => queryTimeSavings(r, bounds, {}, 'none', undefined));
    const agencies: Readonly<Record<string, number>> = TRIP_COSTS.agencies;
    const sources = (f: DossierFacts): TripCostSources => ({
      ...(f.procedureCode === '1.004873' && f.procedureVersion === 1
        ? { procedure: TRIP_COSTS.procedure }
        : {}),
      ...(Object.hasOwn(agencies, f.agencyCode) ? { agencyDefaultDays: agencies[f.agencyCode] } : {}),
    });
    const reference = summariseTimeSavings(
      facts,
      (f) => Date.parse(f.endedAt ?? '') >= bounds.startMs && Date.parse(f.endedAt ?? '') < bounds.endMs,
      (f) => tripCostDaysOf(f, sources(f)),
      { hoursPerWorkingDay: 8 },
    );
    // Every source of the precedence is used by some dossier.
    const costs = new Set(facts.map((f) => tripCostDaysOf(f, sources(f))));
    expect([...costs].sort()).toEqual([0.5, 1, 1.5, 2]);
    expect(sql.travelDaysSaved).toBe(reference.travelDaysSaved);
    expect(sql.tripsActual).toBe(reference.tripsActual);
  });

  it('prices a trip for the applicant’s commune when the submission gave it, not the receiving agency’s', async () => {
    // Given c1, online to the district (1 of 2 trips avoided) by a citizen of 000.32.18.H56, when the days
    // saved of its day are counted, then the avoided trip costs the commune's 1.5 days, not the 0.5 the
    // procedure charges by default (the district has no price of its own).
    const bounds = boundsOf({ from: '2025-04-23', to: '2025-04-23' });
    const [sql] = await withRunner((r) =>
      queryTimeSavings(r, bounds, { agencies: [DISTRICT] }, 'none', undefined),
    );
    expect(sql).toMatchObject({ resolved: 1, tripsBaseline: 2, tripsActual: 1, travelDaysSaved: 1.5 });
  });

  it('classifies by the dossier’s online level: counter and post dossiers are online at no level', async () => {
    // Given l1 (counter) and l2 (post) recorded with their procedure's level, as events before the fix were,
    // and l3 submitted online at the partial level,
    const bounds = boundsOf({ from: '2025-02-01', to: '2025-02-28' });
    const only = { agencies: [LEVELS] };
    // when II.06a is grouped by online level, then l1 and l2 have none and l3 partial;
    const byLevel = await withRunner((r) => queryIi06a(r, bounds, only, 'online-level', 'day'));
    expect(byLevel.map((g) => [g.key, g.figures.received])).toEqual([
      ['none', 2],
      ['partial', 1],
    ]);
    // the full-online filter finds nothing, and the received columns follow the channels.
    expect(
      await withRunner((r) => queryIi06a(r, bounds, { ...only, onlineLevel: 'full' }, 'none', 'day')),
    ).toEqual([]);
    const [whole] = await withRunner((r) => queryIi06a(r, bounds, only, 'none', 'day'));
    expect(whole.figures).toMatchObject({
      receivedOnlineFull: 0,
      receivedOnlinePartial: 1,
      receivedCounter: 1,
      receivedPost: 1,
    });
    expect(facts.filter((f) => f.agencyCode === LEVELS).map((f) => f.onlineLevel)).toEqual([
      'none',
      'none',
      'partial',
    ]);
  });

  it('rolls a unit into its sub-units and its own dossiers, the rows adding up to the unit', async () => {
    const bounds = boundsOf({ from: '2025-01-01', to: '2025-04-30' });
    await withRunner(async (r) => {
      // Given the district, its communes (one of them merged into another on 15 January) and its own dossiers,
      const scope = await agencyScope(r, DISTRICT);
      const subUnits = await subUnitRollUp(r, scope, '2025-04-30');
      // when II.06a is grouped by sub-unit,
      const rows = await queryIi06a(r, bounds, { agencies: scope.codes, subUnits }, 'sub-unit', 'day');
      const [unit] = await queryIi06a(r, bounds, { agencies: scope.codes }, 'none', 'day');
      // then the district's own dossiers have a row of their own, the merged commune's count in its successor,
      expect(rows.map((row) => row.key)).toEqual([DISTRICT, '000.31.18.H56', '000.32.18.H56', LEVELS]);
      // (u1, u2 and c1),
      expect(rows[0].figures).toMatchObject({ received: 3, resolved: 2, inProgress: 1 });
      const merged = facts.filter((f) => f.agencyCode === '000.31.18.H56' || f.agencyCode === MERGED);
      expect(rows[1].figures).toEqual(summariseIi06a(merged, bounds));
      // and the rows add up to the unit's figures, every column.
      expect(rows.reduce((sum, row) => addIi06a(sum, row.figures), completeIi06a({}))).toEqual(unit.figures);
      expect(subUnits.labels.get(DISTRICT)?.vi).toContain(`Đơn vị ${DISTRICT}`);
    });
  });

  it('fills the time-savings sums of existing daily rows in the migration as the projection does', async () => {
    const sums = () =>
      db.dataSource.query(
        `SELECT agency_code, day, procedure_code, procedure_version, channel, online_level, resolved,
           saved_positive, saved_net, trips_baseline, trips_actual FROM analytics_daily_counts
         ORDER BY agency_code, day, procedure_code, procedure_version, channel, online_level`,
      ) as Promise<Record<string, unknown>[]>;
    const projected = await sums();
    expect(projected.filter((r) => Number(r.resolved) > 0).length).toBeGreaterThan(5);
    const migration = new AnalyticsDailySavings1763780004000();
    await withRunner(async (r) => {
      await migration.down(r);
      await migration.up(r);
    });
    expect(await sums()).toEqual(projected);
  });

  it('stamps the events applied, and a rebuild from zero gives identical rows and stamp', async () => {
    const events = all.reduce((n, h) => n + h.events.length, 0);
    const before = await withRunner((r) => queryWatermark(r, projection.name));
    expect(before.eventsApplied).toBe(events);
    const rows = async () => [
      await db.dataSource.query('SELECT * FROM analytics_dossier_facts ORDER BY stream_id'),
      await db.dataSource.query(
        `SELECT * FROM analytics_daily_counts
         ORDER BY agency_code, day, procedure_code, procedure_version, channel, online_level`,
      ),
    ];
    const rowsBefore = JSON.stringify(await rows());
    expect(rowsBefore.length).toBeGreaterThan(1000);
    // One event per batch, a few, and the whole log in one batch (each dossier's events folded together).
    for (const batchSize of [1, 7, 100_000]) {
      await rebuildProjection(db.dataSource, store, projection, { batchSize });
      expect({ batchSize, rows: JSON.stringify(await rows()) }).toEqual({ batchSize, rows: rowsBefore });
      expect(await withRunner((r) => queryWatermark(r, projection.name))).toEqual(before);
    }
  });
  it('gives the same rows and stamp when three Kafka partitions apply their batches at the same time', async () => {
    const rows = async () =>
      JSON.stringify([
        await db.dataSource.query('SELECT * FROM analytics_dossier_facts ORDER BY stream_id'),
        await db.dataSource.query(
          `SELECT * FROM analytics_daily_counts
           ORDER BY agency_code, day, procedure_code, procedure_version, channel, online_level`,
        ),
      ]);
    await rebuildProjection(db.dataSource, store, projection, { batchSize: 100 });
    const expected = {
      rows: await rows(),
      stamp: await withRunner((r) => queryWatermark(r, projection.name)),
    };
    for (const table of projection.tables) await db.dataSource.query(`TRUNCATE TABLE ${table}`);
    await db.dataSource.query('DELETE FROM subscription_checkpoints WHERE subscription = $1', [
      projection.name,
    ]);

    // As the Kafka consumer does with KAFKA_CONSUMER_CONCURRENCY: each dossier on one partition, each
    // partition's batches in order, the partitions side by side, every batch its own transaction.
    const log = await store.readLog(LOG_START, 100_000, ['dossier']);
    const partitions = [0, 1, 2].map((k) =>
      log.filter((e) => Number(e.streamId.replace(/\D/g, '')) % 3 === k),
    );
    await Promise.all(
      partitions.map(async (events, k) => {
        for (let i = 0; i < events.length; i += 4) {
          const batch = events.slice(i, i + 4).map((event, j) => ({ event, kafkaOffset: String(i + j) }));
          await applyCheckpointed(db.dataSource, projection, `kafka:tthc.dossier.events:${k}`, batch);
        }
      }),
    );
    expect({
      rows: await rows(),
      stamp: await withRunner((r) => queryWatermark(r, projection.name)),
    }).toEqual(expected);
  });
});
