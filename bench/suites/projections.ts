// Scenarios 3, 5 (rebuild half) and 6: projections from the PostgreSQL log and from Kafka, the rebuild of
// every projection, the outbox relay to Kafka, and projector processes scaling in one consumer group.
//
// The log: the real dossier streams the HTTP suite wrote through the engine (full lifecycles of the marital
// status certificate, and submitted/received dossiers), cloned in SQL with new dossier ids, event ids and
// dossier codes until the log holds the requested number of events, then frozen as a template database.
// Every measurement starts from a fresh copy of that template (CREATE DATABASE ... TEMPLATE).
import { DataSource } from 'typeorm';
import { LogNotifications, PostgresEventStore } from '@tthc/event-store';
import { createKafka, OutboxRelay, provisionTopics, topicFor } from '@tthc/messaging';
import { dataSourceOptions, type KafkaConfig } from '@tthc/platform';
import { ALL_MIGRATIONS, ALL_PROJECTIONS } from '../../apps/engine/src/composition';
import { withClient, type PostgresServer } from '../support/postgres';
import { runTool, startApp, type AppProcess, type ToolRun } from '../support/processes';
import { figure, median, ratio, round, sleep, type Figure } from '../support/stats';
import { busyShare, machineCpu, type MachineCpu } from '../support/cpu';

export interface ProjectionOptions {
  /** Events in the log (approximately: whole dossier streams are cloned, up to this many). */
  readonly events: number;
  readonly rebuildRuns: number;
  /** Events in a log of its own for one measured rebuild of everything at full size (0: none). */
  readonly largeRebuildEvents: number;
  readonly partitions: number;
  readonly processes: readonly number[];
  readonly scalingRuns: number;
  /** Dossier projections measured alone from Kafka (the smoke run: one, to exercise the path). */
  readonly kafkaAloneProjections: number;
  readonly kafkaBrokers?: string[];
  /** Give up on one scaling run after this long. */
  readonly scalingTimeoutSeconds: number;
}

const TEMPLATE = 'bench_log_template';
const LARGE_TEMPLATE = 'bench_log_large';
/** Fewer events than this are too few to time a projection by (the catalogue's projections). */
export const MIN_TIMED_EVENTS = 1_000;

const projections = () => ALL_PROJECTIONS.map((P) => new P());
/** The projections that read the dossier topic, the one the Kafka measurements count. */
const dossierProjectionNames = () =>
  projections()
    .filter((p) => p.streamTypes.includes('dossier'))
    .map((p) => p.name);

interface LogTemplate {
  readonly events: number;
  readonly dossierEvents: number;
  readonly dossierStreams: number;
  readonly templateStreams: number;
  readonly seconds: number;
}

/** Builds the template database from the HTTP suite's database: read models emptied, dossier streams cloned. */
async function prepareLog(
  server: PostgresServer,
  source: string,
  target: number,
  say: (line: string) => void,
  template = TEMPLATE,
): Promise<LogTemplate> {
  const started = performance.now();
  const url = await server.createDatabase(template, source);
  return withClient(url, async (c) => {
    const tables = [...new Set(projections().flatMap((p) => p.tables))];
    await c.query(
      `TRUNCATE ${[...tables, 'projection_stream_versions', 'subscription_checkpoints'].join(', ')}`,
    );
    // The streams to clone, each with its dossier id and (once received) its dossier code, which is unique.
    // `upto`: the events of the streams up to this one, so that the last copy can be a part of one.
    await c.query(`
      CREATE TEMP TABLE template_streams AS
      SELECT stream_id, dossier_id, code, sum(events) OVER (ORDER BY stream_id)::int AS upto
      FROM (SELECT stream_id, substr(stream_id, length('dossier-') + 1) AS dossier_id,
                   max(data->>'dossierCode') FILTER (WHERE event_type = 'DossierReceived') AS code,
                   count(*) AS events
            FROM events WHERE stream_type = 'dossier' GROUP BY stream_id) s`);
    const [{ streams, dossier, total }] = (
      await c.query<{ streams: number; dossier: number; total: number }>(
        `SELECT (SELECT count(*) FROM template_streams)::int AS streams,
                (SELECT count(*) FROM events WHERE stream_type = 'dossier')::int AS dossier,
                (SELECT count(*) FROM events)::int AS total`,
      )
    ).rows;
    if (dossier === 0) throw new Error('the HTTP suite left no dossier events to clone');
    // Whole copies, then the streams of one more copy up to the target: the log's size follows the target,
    // not how many dossiers the HTTP suite happened to write (whole copies only made it 102k or 132k events
    // for a target of 100k, and a larger log applies slower).
    const whole = Math.max(0, Math.floor((target - total) / dossier));
    const remainder = Math.max(0, target - total - whole * dossier);
    const copies = whole + (remainder > 0 ? 1 : 0);
    // About 50,000 events per statement: each its own transaction, as appends are.
    const perChunk = Math.max(1, Math.floor(50_000 / dossier));
    for (let from = 1; from <= copies; from += perChunk) {
      const to = Math.min(copies, from + perChunk - 1);
      await c.query(
        `INSERT INTO events (stream_id, stream_type, stream_version, event_id, event_type, schema_version, data,
           metadata, occurred_at, recorded_at)
         SELECT 'dossier-' || n.id, e.stream_type, e.stream_version, gen_random_uuid(), e.event_type, e.schema_version,
           replace(replace(e.data::text, t.dossier_id, n.id), coalesce(t.code, t.dossier_id), coalesce(t.code || '-' || g, n.id))::jsonb,
           replace(e.metadata::text, t.dossier_id, n.id)::jsonb, e.occurred_at, e.recorded_at
         FROM generate_series($1::int, $2::int) g
         CROSS JOIN template_streams t
         CROSS JOIN LATERAL (SELECT md5(t.dossier_id || ':' || g)::uuid::text AS id) n
         JOIN events e ON e.stream_id = t.stream_id
         WHERE g <= $3 OR t.upto <= $4
         ORDER BY g, t.stream_id, e.stream_version`,
        [from, to, whole, remainder],
      );
      if (to === copies || (to - from + 1) * dossier * 10 >= target) say(`log: ${to}/${copies} copies`);
    }
    await c.query('ANALYZE events');
    const [after] = (
      await c.query<{ dossier: number; total: number; streams: number }>(
        `SELECT count(*) FILTER (WHERE stream_type = 'dossier')::int AS dossier, count(*)::int AS total,
                count(DISTINCT stream_id) FILTER (WHERE stream_type = 'dossier')::int AS streams FROM events`,
      )
    ).rows;
    const seconds = (performance.now() - started) / 1000;
    say(
      `log: ${after.total} events (${after.dossier} in ${after.streams} dossier streams) in ${seconds.toFixed(0)} s`,
    );
    return {
      events: after.total,
      dossierEvents: after.dossier,
      dossierStreams: after.streams,
      templateStreams: streams,
      seconds: round(seconds),
    };
  });
}

export interface RebuildRun {
  readonly seconds: number;
  readonly peakRssMiB: number;
  readonly perProjection: { name: string; events: number; seconds: number; eventsPerSecond: number }[];
  readonly cpu?: ToolRun['cpu'];
}

/** Rebuilds the named projections (every one when none is named) in one run of the CLI. */
async function rebuild(
  server: PostgresServer,
  run: number,
  only: string[] = [],
  template = TEMPLATE,
): Promise<RebuildRun> {
  const name = `bench_rebuild_${run}`;
  const url = await server.createDatabase(name, template);
  try {
    const out = await runTool(
      'apps/engine/src/cli/rebuild-projections.js',
      only.length > 0 ? only : ['--all'],
      {
        DATABASE_URL: url,
        LOG_LEVEL: 'warn',
      },
    );
    if (out.code !== 0) throw new Error(`rebuild failed (${out.code}):\n${out.output.slice(-3000)}`);
    const perProjection = [
      ...out.output.matchAll(/^(\S+): rebuilt from ([\d,]+) events in ([\d.]+) s$/gm),
    ].map((m) => {
      const events = Number(m[2].replace(/,/g, ''));
      const seconds = Number(m[3]);
      return { name: m[1], events, seconds, eventsPerSecond: Math.round(events / Math.max(seconds, 0.001)) };
    });
    return { seconds: round(out.seconds), peakRssMiB: out.peakRssMiB, perProjection, cpu: out.cpu };
  } finally {
    await server.dropDatabase(name);
  }
}

function kafkaConfig(brokers: string[], prefix: string, partitions: number): KafkaConfig {
  return {
    brokers,
    clientId: 'tthc-bench',
    topicPrefix: prefix,
    partitions,
    replicationFactor: 1,
    consumerGroup: prefix,
  };
}

/** Publishes the whole template log to Kafka with the engine's relay; events per second. */
async function relay(
  server: PostgresServer,
  config: KafkaConfig,
  events: number,
): Promise<{ seconds: number; eventsPerSecond: number }> {
  const name = 'bench_relay';
  const url = await server.createDatabase(name, TEMPLATE);
  const db = new DataSource({ ...dataSourceOptions(url, 4, ALL_MIGRATIONS), logging: ['error'] });
  await db.initialize();
  const sink = { warn: () => undefined, error: (m: string) => process.stderr.write(`${m}\n`) };
  const kafka = createKafka(config, sink);
  await provisionTopics(kafka, config);
  const notifications = new LogNotifications(url);
  const store = new PostgresEventStore(db);
  const outbox = new OutboxRelay(
    db,
    store,
    kafka,
    config,
    notifications,
    { databaseUrl: url, batchSize: 500, pollIntervalMs: 200 },
    {
      info: () => undefined,
      warn: (m) => process.stderr.write(`${m}\n`),
    },
  );
  try {
    const head = await store.headPosition();
    const started = performance.now();
    outbox.start();
    for (;;) {
      const at = await outbox.checkpoint();
      if (head && at.transactionId === head.transactionId && at.position === head.position) break;
      await sleep(100);
    }
    const seconds = (performance.now() - started) / 1000;
    return { seconds: round(seconds), eventsPerSecond: Math.round(events / seconds) };
  } finally {
    await outbox.stop();
    await db.destroy();
    await server.dropDatabase(name);
  }
}

export interface ScalingRun {
  readonly processes: number;
  /** Dossier events applied per second by every dossier projection, between 10% and 90% of the work. */
  readonly eventsPerSecond: number;
  /** From starting the processes until every dossier projection applied every dossier event. */
  readonly totalSeconds: number;
  readonly peakRssMiB: number;
  readonly complete: boolean;
  /** The share of the machine's CPU that was busy over the same window (0..1). */
  readonly machineBusyShare?: number;
}

async function scalingRun(
  server: PostgresServer,
  config: KafkaConfig,
  processes: number,
  run: number,
  dossierEvents: number,
  timeoutSeconds: number,
  only?: string,
): Promise<ScalingRun> {
  const name = `bench_scale_${processes}_${run}`;
  const url = await server.createDatabase(name, TEMPLATE);
  const dossierProjections = dossierProjectionNames().filter((name) => only === undefined || name === only);
  const target = dossierEvents * dossierProjections.length;
  const source = `kafka:${topicFor(config.topicPrefix, 'dossier')}:%`;
  const group = `${config.topicPrefix}-g${processes}-${run}-${Date.now()}`;
  const apps: AppProcess[] = [];
  const samples: { t: number; n: number; cpu: MachineCpu }[] = [];
  const started = performance.now();
  try {
    // Sampled from before the processes start, which start together (so that they join the group at
    // about the same time): the first one up must not do the work alone unseen.
    let abandoned = false;
    const sampling = withClient(url, async (c) => {
      const deadline = started + timeoutSeconds * 1000;
      while (!abandoned) {
        const [{ n }] = (
          await c.query<{ n: string }>(
            `SELECT coalesce(sum(kafka_offset + 1), 0)::bigint AS n FROM subscription_checkpoints
             WHERE source LIKE $1 AND subscription = ANY($2::text[])`,
            [source, dossierProjections],
          )
        ).rows;
        samples.push({ t: performance.now(), n: Number(n), cpu: machineCpu() });
        if (Number(n) >= target || performance.now() > deadline) break;
        await sleep(250);
      }
    });
    const env = {
      DATABASE_URL: url,
      KAFKA_BROKERS: config.brokers.join(','),
      KAFKA_TOPIC_PREFIX: config.topicPrefix,
      KAFKA_TOPIC_PARTITIONS: String(config.partitions),
      KAFKA_CONSUMER_GROUP: group,
      LOG_LEVEL: 'warn',
      PROJECTIONS: only,
    };
    try {
      const launched = await Promise.allSettled(
        Array.from({ length: processes }, () => startApp('projector', env)),
      );
      for (const s of launched) if (s.status === 'fulfilled') apps.push(s.value);
      const failed = launched.find((s) => s.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    } catch (error) {
      abandoned = true;
      await sampling;
      throw error;
    }
    await sampling;
    // The window: from the last sample at or below 10% of the work to the first at or above 90%.
    const low = [...samples].reverse().find((x) => x.n <= 0.1 * target) ?? samples[0];
    const high = samples.find((x) => x.n >= 0.9 * target) ?? samples[samples.length - 1];
    const last = samples[samples.length - 1];
    const perProjection = (high.n - low.n) / dossierProjections.length;
    return {
      processes,
      eventsPerSecond: high.t > low.t ? Math.round(perProjection / ((high.t - low.t) / 1000)) : Number.NaN,
      totalSeconds: round((last.t - started) / 1000),
      peakRssMiB: Math.max(...apps.map((a) => a.peakRssMiB())),
      complete: last.n >= target,
      machineBusyShare: busyShare(low.cpu, high.cpu),
    };
  } finally {
    for (const a of apps) await a.stop().catch(() => undefined);
    await server.dropDatabase(name).catch(() => undefined);
  }
}

export interface ProjectionResult {
  readonly options: ProjectionOptions;
  readonly log: LogTemplate;
  readonly rebuild: {
    readonly runs: RebuildRun[];
    readonly seconds: Figure;
    readonly peakRssMiB: Figure;
    /** Median per projection over the runs: all of them rebuilt together, sharing one reading of the log. */
    readonly perProjection: { name: string; events: number; eventsPerSecond: number }[];
    /** Median per projection rebuilt alone (the projections with at least MIN_TIMED_EVENTS events). */
    readonly alone: { name: string; events: number; eventsPerSecond: number; runs: number[] }[];
    /** Events in the log over the rebuild's whole time: every event through every projection that reads it. */
    readonly logEventsPerSecond: number;
    /** One rebuild of everything over a log of `largeRebuildEvents` (its own template). */
    readonly large?: { readonly log: LogTemplate; readonly run: RebuildRun };
  };
  readonly relay?: { seconds: number; eventsPerSecond: number };
  readonly scaling?: {
    runs: ScalingRun[];
    /** Per ratio, the most the machine's idle CPU with one process allows (see the report). */
    ceilings?: Record<string, number>;
    medianByProcesses: Record<string, number>;
    ratios: Record<string, number>;
  };
  /** Each dossier projection alone in one projector process (PROJECTIONS), from Kafka: median of the runs. */
  readonly kafkaAlone?: { name: string; events: number; eventsPerSecond: number; runs: number[] }[];
  readonly skipped: string[];
}

export async function projectionSuite(
  server: PostgresServer,
  sourceDatabase: string,
  options: ProjectionOptions,
  say: (line: string) => void,
): Promise<ProjectionResult> {
  const skipped: string[] = [];
  const log = await prepareLog(server, sourceDatabase, options.events, say);
  const runs: RebuildRun[] = [];
  for (let run = 0; run < options.rebuildRuns; run++) {
    runs.push(await rebuild(server, run));
    say(`rebuild run ${run + 1}: ${runs[run].seconds} s, peak RSS ${runs[run].peakRssMiB} MiB`);
  }
  const names = runs[0]?.perProjection.map((p) => p.name) ?? [];
  const perProjection = names.map((name) => {
    const of = runs.map((r) => r.perProjection.find((p) => p.name === name));
    return {
      name,
      events: of[0]?.events ?? 0,
      eventsPerSecond: Math.round(median(of.map((p) => p?.eventsPerSecond ?? Number.NaN))),
    };
  });
  // Each projection alone: what one projection applies from the log when it has the machine to itself.
  const alone: ProjectionResult['rebuild']['alone'] = [];
  for (const p of perProjection.filter((x) => x.events >= MIN_TIMED_EVENTS)) {
    const rates: number[] = [];
    for (let run = 0; run < options.rebuildRuns; run++) {
      const one = await rebuild(server, run, [p.name]);
      rates.push(one.perProjection[0]?.eventsPerSecond ?? Number.NaN);
    }
    alone.push({ name: p.name, events: p.events, eventsPerSecond: Math.round(median(rates)), runs: rates });
    say(`rebuild of ${p.name} alone: ${alone[alone.length - 1].eventsPerSecond} events/s`);
  }
  let large: ProjectionResult['rebuild']['large'];
  if (options.largeRebuildEvents > 0) {
    const largeLog = await prepareLog(
      server,
      sourceDatabase,
      options.largeRebuildEvents,
      say,
      LARGE_TEMPLATE,
    );
    const run = await rebuild(server, 0, [], LARGE_TEMPLATE);
    await server.dropDatabase(LARGE_TEMPLATE);
    large = { log: largeLog, run };
    say(`rebuild of every projection over ${largeLog.events} events: ${run.seconds} s`);
  }
  const seconds = figure(
    runs.map((r) => r.seconds),
    's',
  );
  const result: ProjectionResult = {
    options: { ...options, kafkaBrokers: undefined },
    log,
    rebuild: {
      runs,
      seconds,
      peakRssMiB: figure(
        runs.map((r) => r.peakRssMiB),
        'MiB',
      ),
      perProjection,
      alone,
      logEventsPerSecond: Math.round(log.events / seconds.median),
      large,
    },
    skipped,
  };
  if (!options.kafkaBrokers) {
    skipped.push('relay and Kafka projections: KAFKA_BROKERS is not set');
    return result;
  }
  const config = kafkaConfig(options.kafkaBrokers, `bench${Date.now()}`, options.partitions);
  const relayed = await relay(server, config, log.events);
  say(`relay: ${relayed.eventsPerSecond} events/s`);
  const scaling: ScalingRun[] = [];
  for (let run = 0; run < options.scalingRuns; run++) {
    for (const processes of options.processes) {
      const r = await scalingRun(
        server,
        config,
        processes,
        run,
        log.dossierEvents,
        options.scalingTimeoutSeconds,
      );
      scaling.push(r);
      say(
        `projectors x${processes}: ${r.eventsPerSecond} dossier events/s per projection${r.complete ? '' : ' (timed out)'}`,
      );
    }
  }
  const medianByProcesses = Object.fromEntries(
    options.processes.map((k) => [
      String(k),
      Math.round(median(scaling.filter((s) => s.processes === k).map((s) => s.eventsPerSecond))),
    ]),
  );
  const ratios = Object.fromEntries(
    options.processes
      .filter((k) => k !== 1)
      .map((k) => [`${k} processes / 1`, ratio(medianByProcesses[String(k)], medianByProcesses['1'])]),
  );
  // More processes can only use the CPU that one process left idle: k processes gain at most k, and at most
  // 1 / (the busy share with one process).
  const busyWithOne = median(
    scaling.filter((s) => s.processes === 1).map((s) => s.machineBusyShare ?? Number.NaN),
  );
  const ceilings = Object.fromEntries(
    options.processes
      .filter((k) => k !== 1)
      .map((k) => [`${k} processes / 1`, ratio(Math.min(k, 1 / busyWithOne), 1)]),
  );
  // Each dossier projection alone from Kafka, as the log's figures above are taken alone.
  const kafkaAlone: NonNullable<ProjectionResult['kafkaAlone']> = [];
  // Measured on the dossier topic, the one every projection below reads (the audit trail reads all).
  const readsDossiers = new Set<string>(dossierProjectionNames());
  const measured = alone.filter((x) => readsDossiers.has(x.name)).slice(0, options.kafkaAloneProjections);
  for (const p of measured) {
    const rates: number[] = [];
    for (let run = 0; run < options.rebuildRuns; run++) {
      const r = await scalingRun(
        server,
        config,
        1,
        run,
        log.dossierEvents,
        options.scalingTimeoutSeconds,
        p.name,
      );
      rates.push(r.complete ? r.eventsPerSecond : Number.NaN);
    }
    kafkaAlone.push({
      name: p.name,
      events: log.dossierEvents,
      eventsPerSecond: Math.round(median(rates)),
      runs: rates,
    });
    say(`${p.name} alone from Kafka: ${kafkaAlone[kafkaAlone.length - 1].eventsPerSecond} events/s`);
  }
  return {
    ...result,
    relay: relayed,
    scaling: { runs: scaling, medianByProcesses, ratios, ceilings },
    kafkaAlone,
  };
}
