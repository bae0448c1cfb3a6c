// Scenario 2 (and the HTTP half of 5): commands over HTTP with autocannon at a fixed number of connections,
// against the built engine (embedded mode: projections in the same process, as `npm start` runs it) and
// against the bare Fastify + pg baseline (one INSERT per request). Submit, receive, and the full lifecycle
// of the marital status certificate (submit + 6 one-stop actions to the returned result, each its own command). Runs alternate
// between engine and baseline so background load hits both alike.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { actorHeaders } from '../../libs/testing/src/actors';
import sampleSubmission from '../../tests/dossiers/sample-submission.json';
import type { PostgresServer } from '../support/postgres';
import { startApp, startScript, type AppProcess } from '../support/processes';
import { figure, ratio, type Figure } from '../support/stats';
import { cpuPerUnit, readCpu, type CpuPerUnit } from '../support/cpu';
import { scratchDirectory } from '../../libs/testing/src/scratch-directory';

export interface HttpOptions {
  readonly runs: number;
  readonly seconds: number;
  readonly connections: number;
  readonly warmupSeconds: number;
}

const AGENCY = '000.31.18.H56';
const official = (id: string, role: string) => actorHeaders({ id, role, agency: AGENCY });
const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * The one-stop steps after submission, as in tests/cluster/cluster-checks.ts up to the returned result. The
 * citizen's rating is left out: with authentication a citizen may rate only a dossier of their own, and these
 * dossiers are submitted by a portal.
 */
function lifecycleSteps(): [string, Record<string, string>, Record<string, unknown>][] {
  const counter = official('officer-hoa', 'receiving-officer');
  const specialist = official('officer-tuan', 'specialist');
  const leader = official('chair-son', 'leader');
  return [
    ['receive', counter, {}],
    ['transfer', counter, {}],
    ['hand-over', specialist, { event: 'SUBMIT_FOR_SIGNATURE' }],
    ['approve', leader, {}],
    ['issue-result', specialist, { electronic: true }],
    ['return-result', counter, { method: 'online' }],
  ];
}

export interface LoadFigures {
  readonly requestsPerSecond: Figure;
  readonly p50Ms: Figure;
  readonly p99Ms: Figure;
  readonly p999Ms: Figure;
  readonly non2xx: number;
  readonly errors: number;
  /** Answers by HTTP status over all runs. */
  readonly statusCodes: Record<string, number>;
  /** CPU per request (medians of the runs): the server under load, PostgreSQL, the whole machine. */
  readonly cpuMsPerRequest?: { server: Figure; postgres: Figure; machine: Figure; busyShare: Figure };
}

interface OneRun {
  rps: number;
  p50: number;
  p99: number;
  p999: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  cpu: CpuPerUnit;
}

function cpuFigure(runs: readonly OneRun[], field: keyof CpuPerUnit): Figure {
  return figure(
    runs.map((r) => r.cpu[field]),
    field === 'busyShare' ? 'share' : 'ms',
  );
}

function summarise(runs: OneRun[]): LoadFigures {
  return {
    requestsPerSecond: figure(
      runs.map((r) => r.rps),
      'requests/s',
    ),
    p50Ms: figure(
      runs.map((r) => r.p50),
      'ms',
    ),
    p99Ms: figure(
      runs.map((r) => r.p99),
      'ms',
    ),
    p999Ms: figure(
      runs.map((r) => r.p999),
      'ms',
    ),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    statusCodes: runs.reduce<Record<string, number>>((all, r) => {
      for (const [code, n] of Object.entries(r.statusCodes)) all[code] = (all[code] ?? 0) + n;
      return all;
    }, {}),
    cpuMsPerRequest: {
      server: cpuFigure(runs, 'processMs'),
      postgres: cpuFigure(runs, 'postgresMs'),
      machine: cpuFigure(runs, 'machineMs'),
      busyShare: cpuFigure(runs, 'busyShare'),
    },
  };
}

/**
 * A run to a fixed number of requests (`amount`) ends at autocannon's next sample tick after the last
 * response, so its duration is rounded up to the sample interval. At the default 1 s, every receive run of
 * the earlier full runs read 2,000 receipts over whole seconds (250, 333, 400/s); sampled every 20 ms, the
 * rounding is at most 20 ms.
 */
const AMOUNT_SAMPLE_MS = 20;

/** One autocannon run against the server of process `pid`, with the CPU it took on every side. */
async function load(pid: number, options: autocannon.Options): Promise<OneRun> {
  const before = readCpu(pid);
  const r = await autocannon({
    ...options,
    timeout: 30,
    ...(options.amount === undefined ? {} : { sampleInt: AMOUNT_SAMPLE_MS }),
  });
  const cpu = cpuPerUnit(before, readCpu(pid), r.requests.total);
  return {
    cpu,
    rps: r.requests.total / (r.duration || 1),
    p50: r.latency.p50,
    p99: r.latency.p99,
    p999: r.latency.p99_9,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => [code, (v as { count: number }).count]),
    ),
  };
}

/**
 * The highest ratio to the baseline that an engine process costing no CPU at all could reach on this machine:
 * each of its commands would still cost PostgreSQL's CPU per command, so at most (cores / that) commands/s,
 * while the baseline answered (cores × its busy share / its whole machine's CPU per request) requests/s.
 * Generous to the engine: its load generator's CPU is left out. NaN when PostgreSQL runs on another machine.
 */
function ceiling(engine: LoadFigures, base: LoadFigures): number {
  const e = engine.cpuMsPerRequest;
  const b = base.cpuMsPerRequest;
  if (!e || !b) return Number.NaN;
  return ratio(b.machine.median, b.busyShare.median * e.postgres.median);
}

function submitRequest(onId?: (id: string) => void): autocannon.Request {
  return {
    method: 'POST',
    path: '/v1/dossiers',
    headers: { ...actorHeaders({ id: 'dvc-portal', role: 'integration' }), ...JSON_TYPE },
    body: JSON.stringify(sampleSubmission),
    setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }),
    onResponse: (status, body) => {
      if (status === 201 && onId) onId((JSON.parse(body) as { dossierId: string }).dossierId);
    },
  };
}

function lifecycleRequests(): autocannon.Request[] {
  const submit = submitRequest();
  return [
    {
      ...submit,
      onResponse: (status, body, context) => {
        if (status === 201)
          (context as { id?: string }).id = (JSON.parse(body) as { dossierId: string }).dossierId;
      },
    },
    ...lifecycleSteps().map(([action, headers, json]): autocannon.Request => ({
      method: 'POST',
      headers: { ...headers, ...JSON_TYPE },
      body: JSON.stringify(json),
      // No dossier from the submit (it failed): start the connection's sequence again.
      setupRequest: (req, context) => {
        const id = (context as { id?: string }).id;
        return (
          id ? { ...req, path: `/v1/dossiers/${id}/actions/${action}` } : undefined
        ) as autocannon.Request;
      },
    })),
  ];
}

export interface HttpResult {
  readonly options: HttpOptions;
  readonly engine: { submit: LoadFigures; receive: LoadFigures; lifecycle: LoadFigures };
  readonly baseline: { insert: LoadFigures };
  /** The command path alone: the api app with projections off, on a database of its own, its own baseline runs. */
  readonly commandPathOnly?: {
    submit: LoadFigures;
    lifecycle: LoadFigures;
    baseline: LoadFigures;
    ratios: Record<string, number>;
    peakRssMiB: number;
  };
  readonly ratios: Record<string, number>;
  /** Per load, the ceiling of its ratio to the baseline set by PostgreSQL's CPU alone (see `ceiling`). */
  readonly ceilings?: Record<string, number>;
  readonly lifecyclesPerSecond: number;
  readonly engineConfig: Record<string, string>;
  readonly peakRssMiB: { engineUnderHttpLoad: number; baseline: number };
  /** The engine's database, kept for the projection suite (real dossier streams to clone). */
  readonly database: string;
}

const API_DATABASE = 'bench_http_api';
/**
 * A unit's daily sequence of dossier codes ends at 9,999 (docs/domain/lifecycle-and-forms.md): the receive runs, the lifecycles and
 * their warm-up all receive dossiers of the one sample unit on one day, so each receive run is capped.
 */
const MAX_RECEIPTS_PER_RUN = 2_000;

export async function httpSuite(
  server: PostgresServer,
  options: HttpOptions,
  say: (line: string) => void,
): Promise<HttpResult> {
  const database = 'bench_http_engine';
  const engineUrl = await server.createDatabase(database);
  const baselineUrl = await server.createDatabase('bench_http_baseline');
  const engineConfig = {
    LOG_LEVEL: 'warn',
    LOAD_SAMPLES: 'true',
    RATE_LIMIT: '1000000',
    DATABASE_POOL_SIZE: '10',
  };
  let engine: AppProcess | undefined;
  let baseline: AppProcess | undefined;
  // The personal-data master key file lives here; the api app after the engine must find the same one.
  const engineDataDir = scratchDirectory('tthc-bench-engine-');
  try {
    engine = await startApp('engine', {
      ...engineConfig,
      DATABASE_URL: engineUrl,
      DATA_DIR: engineDataDir,
      AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET,
    });
    baseline = await startScript('bench/support/bare-server.js', {
      DATABASE_URL: baselineUrl,
      POOL_SIZE: '10',
    });
    await waitForSamples(engine.baseUrl);
    const common = { connections: options.connections };
    say(`http warm-up (${options.warmupSeconds} s each)`);
    await load(engine.pid, {
      ...common,
      url: engine.baseUrl,
      duration: options.warmupSeconds,
      requests: lifecycleRequests(),
    });
    await load(baseline.pid, {
      ...common,
      url: baseline.baseUrl,
      duration: options.warmupSeconds,
      requests: [submitRequest()],
    });

    const submitted: string[] = [];
    const submits: OneRun[] = [];
    const inserts: OneRun[] = [];
    const lifecycles: OneRun[] = [];
    for (let run = 0; run < options.runs; run++) {
      const duration = options.seconds;
      const pair = [
        async () =>
          inserts.push(
            await load(baseline!.pid, {
              ...common,
              url: baseline!.baseUrl,
              duration,
              requests: [submitRequest()],
            }),
          ),
        async () =>
          submits.push(
            await load(engine!.pid, {
              ...common,
              url: engine!.baseUrl,
              duration,
              requests: [submitRequest((id) => submitted.push(id))],
            }),
          ),
      ];
      for (const step of run % 2 === 0 ? pair : pair.reverse()) await step();
      lifecycles.push(
        await load(engine.pid, { ...common, url: engine.baseUrl, duration, requests: lifecycleRequests() }),
      );
      say(
        `http run ${run + 1}: submit ${Math.round(submits[run].rps)}/s, baseline ${Math.round(inserts[run].rps)}/s, lifecycle ${Math.round(lifecycles[run].rps)} commands/s`,
      );
    }
    // Receive: each run receives its own share of the dossiers the submit runs created.
    const receives: OneRun[] = [];
    const share = Math.min(MAX_RECEIPTS_PER_RUN, Math.floor(submitted.length / options.runs));
    const [counter] = lifecycleSteps();
    for (let run = 0; run < options.runs; run++) {
      const ids = submitted.slice(run * share, (run + 1) * share);
      receives.push(
        await load(engine.pid, {
          ...common,
          url: engine.baseUrl,
          amount: ids.length,
          requests: [
            {
              method: 'POST',
              headers: { ...counter[1], ...JSON_TYPE },
              body: '{}',
              setupRequest: (req) => ({
                ...req,
                path: `/v1/dossiers/${ids.pop() ?? 'none'}/actions/receive`,
              }),
            },
          ],
        }),
      );
      say(`http receive run ${run + 1}: ${Math.round(receives[run].rps)}/s over ${share} dossiers`);
    }
    const enginePeak = engine.peakRssMiB();
    // The same loads against the api app (projections off): what the command path alone costs. On a database
    // of its own, with the samples the engine loads there first: the engine's runs received thousands of
    // dossiers today, and a unit's daily sequence of dossier codes ends at 9,999 (docs/domain/lifecycle-and-forms.md), after which
    // every receipt is refused.
    await engine.stop();
    const apiUrl = await server.createDatabase(API_DATABASE);
    engine = await startApp('engine', {
      ...engineConfig,
      DATABASE_URL: apiUrl,
      DATA_DIR: engineDataDir,
      AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET,
    });
    await waitForSamples(engine.baseUrl);
    await engine.stop();
    engine = await startApp('api', {
      ...engineConfig,
      LOAD_SAMPLES: 'false',
      PROJECTIONS_ENABLED: 'false',
      DATABASE_URL: apiUrl,
      DATA_DIR: engineDataDir,
      AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET,
    });
    const api = engine;
    await load(api.pid, {
      ...common,
      url: api.baseUrl,
      duration: options.warmupSeconds,
      requests: lifecycleRequests(),
    });
    const apiSubmits: OneRun[] = [];
    const apiLifecycles: OneRun[] = [];
    const apiInserts: OneRun[] = [];
    for (let run = 0; run < options.runs; run++) {
      const duration = options.seconds;
      apiInserts.push(
        await load(baseline.pid, { ...common, url: baseline.baseUrl, duration, requests: [submitRequest()] }),
      );
      apiSubmits.push(
        await load(api.pid, { ...common, url: api.baseUrl, duration, requests: [submitRequest()] }),
      );
      apiLifecycles.push(
        await load(api.pid, { ...common, url: api.baseUrl, duration, requests: lifecycleRequests() }),
      );
      say(
        `http api run ${run + 1}: submit ${Math.round(apiSubmits[run].rps)}/s, baseline ${Math.round(apiInserts[run].rps)}/s, lifecycle ${Math.round(apiLifecycles[run].rps)} commands/s`,
      );
    }
    const apiBase = summarise(apiInserts);
    const commandPathOnly = {
      submit: summarise(apiSubmits),
      lifecycle: summarise(apiLifecycles),
      baseline: apiBase,
      ratios: {} as Record<string, number>,
      peakRssMiB: api.peakRssMiB(),
    };
    commandPathOnly.ratios = {
      'api submit / baseline': ratio(
        commandPathOnly.submit.requestsPerSecond.median,
        apiBase.requestsPerSecond.median,
      ),
      'api lifecycle commands / baseline': ratio(
        commandPathOnly.lifecycle.requestsPerSecond.median,
        apiBase.requestsPerSecond.median,
      ),
    };
    const result = {
      submit: summarise(submits),
      receive: summarise(receives),
      lifecycle: summarise(lifecycles),
    };
    const base = summarise(inserts);
    const b = base.requestsPerSecond.median;
    return {
      options,
      engine: result,
      baseline: { insert: base },
      ratios: {
        'submit / baseline': ratio(result.submit.requestsPerSecond.median, b),
        'receive / baseline': ratio(result.receive.requestsPerSecond.median, b),
        'lifecycle commands / baseline': ratio(result.lifecycle.requestsPerSecond.median, b),
      },
      ceilings: {
        'submit / baseline': ceiling(result.submit, base),
        'receive / baseline': ceiling(result.receive, base),
        'lifecycle commands / baseline': ceiling(result.lifecycle, base),
        'api submit / baseline': ceiling(commandPathOnly.submit, apiBase),
        'api lifecycle commands / baseline': ceiling(commandPathOnly.lifecycle, apiBase),
      },
      lifecyclesPerSecond:
        Math.round((result.lifecycle.requestsPerSecond.median / (lifecycleSteps().length + 1)) * 10) / 10,
      engineConfig,
      commandPathOnly,
      peakRssMiB: { engineUnderHttpLoad: enginePeak, baseline: baseline.peakRssMiB() },
      database,
    };
  } finally {
    await engine?.stop();
    await baseline?.stop();
  }
}

async function waitForSamples(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  const headers = actorHeaders({ id: 'dvc-portal', role: 'integration' });
  while (Date.now() < deadline) {
    const answers = await Promise.all(
      ['/v1/procedures/1.004873', `/v1/agencies/${AGENCY}`].map((p) => fetch(`${baseUrl}${p}`, { headers })),
    );
    if (answers.every((a) => a.ok)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the sample catalogue never reached the read models');
}
