// Scenario 4: latency of the analytics reports (II.06a summary and time savings) over many dossiers.
//
// The dossiers: in a database of their own, a simulated year of the sample district (`npm run simulate`: the procedure mix, channels,
// supplement rounds, late results, withdrawals, refusals, about 4.5% carried over; through the historical
// import), projected by the engine's own analytics projection, then cloned in SQL with new ids, moved back by
// whole days and spread over the communes of the sample province until the table holds the requested number
// of dossiers; the pre-aggregated daily counts are recomputed for the clones with the projection's own rule
// (dailyContributions). A real year is the template because the shape matters: the reports find the few
// dossiers open at an instant through an index, and an agency resolves nearly all it receives. No events
// stand behind the clones: a rebuild would drop them. The reports are asked over HTTP from the built engine,
// one request at a time, as an analyst, over the whole province and the whole span of the clones.
import { Client } from 'pg';
import { dailyContributions } from '../../libs/analytics/src/domain/daily-counts';
import type { DossierFacts } from '../../libs/analytics/src/domain/dossier-facts';
import { actorHeaders } from '../../libs/testing/src/actors';
import { waitForSamples } from '../../libs/testing/src/engine-process';
import { withClient, type PostgresServer } from '../support/postgres';
import { runTool, startApp, type AppProcess } from '../support/processes';
import { figure, quantile, round, type Figure } from '../support/stats';
import { scratchDirectory } from '../../libs/testing/src/scratch-directory';

export interface AnalyticsOptions {
  readonly dossiers: number;
  /** Dossiers of the simulated year (the templates). */
  readonly simulated: number;
  readonly requests: number;
  readonly warmup: number;
  /** Days over which the clones' dates are spread (back from the originals'). */
  readonly spreadDays: number;
}

export interface QueryLatency {
  readonly name: string;
  readonly path: string;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly samples: number;
  /** Medians of p50/p95 over the rounds. */
  readonly p95Rounds: Figure;
}

export interface AnalyticsResult {
  readonly options: AnalyticsOptions;
  readonly dossiers: number;
  /** The period asked, as local dates [from, to]. */
  readonly period: { readonly from: string; readonly to: string };
  readonly simulateSeconds: number;
  readonly dailyCountRows: number;
  readonly fillSeconds: number;
  readonly templateRows: number;
  readonly agencies: number;
  readonly queries: QueryLatency[];
}

const DATABASE = 'bench_analytics';

async function fill(url: string, target: number, spreadDays: number, say: (line: string) => void) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const started = performance.now();
    const templates = (
      await c.query<{ stream_id: string; facts: DossierFacts }>(
        'SELECT stream_id, facts FROM analytics_dossier_facts WHERE received_at IS NOT NULL',
      )
    ).rows;
    if (templates.length === 0) throw new Error('no received dossiers in the analytics read model to clone');
    const communes = (
      await c.query<{ code: string }>(
        `SELECT code FROM agencies WHERE level = (SELECT level FROM agencies WHERE code = '000.31.18.H56') AND valid_to IS NULL ORDER BY code`,
      )
    ).rows.map((r) => r.code);
    const agencies = communes.length > 0 ? communes : ['000.31.18.H56'];
    // What each template dossier adds to the daily counts, by the projection's own rule.
    await c.query('CREATE TEMP TABLE template_changes (stream_id text, col text, day date, delta numeric)');
    const changes = templates.flatMap((t) =>
      dailyContributions(t.facts).map((d) => [t.stream_id, d.column, d.day, d.delta]),
    );
    await c.query(
      `INSERT INTO template_changes SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::numeric[])`,
      [
        changes.map((x) => x[0]),
        changes.map((x) => x[1]),
        changes.map((x) => x[2]),
        changes.map((x) => x[3]),
      ],
    );
    const columns = (
      await c.query<{ name: string; type: string }>(
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns
         WHERE table_name = 'analytics_dossier_facts' ORDER BY ordinal_position`,
      )
    ).rows;
    const counted = (
      await c.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'analytics_daily_counts'
           AND column_name NOT IN ('agency_code', 'procedure_code', 'procedure_version', 'channel', 'online_level', 'locality', 'day')`,
      )
    ).rows.map((r) => r.name);
    const copies = Math.ceil(target / templates.length);
    await c.query(
      `CREATE TEMP TABLE clones AS
       SELECT g, md5(f.stream_id || ':' || g) AS stream_id, f.stream_id AS template,
              (hashtext(f.stream_id || g) & 2147483647) % $2::int AS shift,
              ($3::text[])[1 + (hashtext(g || f.stream_id) & 2147483647) % array_length($3::text[], 1)] AS agency
       FROM generate_series(1, $1::int) g
       CROSS JOIN (SELECT stream_id FROM analytics_dossier_facts WHERE received_at IS NOT NULL) f`,
      [copies, spreadDays, agencies],
    );
    const select = columns.map(({ name, type }) => {
      if (name === 'stream_id') return `'dossier-clone-' || c.stream_id`;
      if (name === 'dossier_id') return `'clone-' || c.stream_id`;
      if (name === 'agency_code') return 'c.agency';
      if (type === 'timestamp with time zone') return `f.${name} - make_interval(days => c.shift)`;
      return `f.${name}`;
    });
    // In slices, so one statement's memory stays small.
    const slice = Math.max(1, Math.floor(100_000 / templates.length));
    for (let from = 1; from <= copies; from += slice) {
      await c.query(
        `INSERT INTO analytics_dossier_facts (${columns.map((x) => x.name).join(', ')})
         SELECT ${select.join(', ')} FROM clones c JOIN analytics_dossier_facts f ON f.stream_id = c.template
         WHERE c.g BETWEEN $1 AND $2`,
        [from, Math.min(copies, from + slice - 1)],
      );
      say(`analytics: ${Math.min(copies, from + slice - 1) * templates.length} dossiers`);
    }
    await c.query(
      `INSERT INTO analytics_daily_counts (agency_code, procedure_code, procedure_version, channel, online_level, locality, day, ${counted.join(', ')})
       SELECT c.agency, f.procedure_code, f.procedure_version, f.channel, f.online_level,
              coalesce(f.facts->>'applicantLocality', ''), t.day - c.shift,
              ${counted.map((col) => `coalesce(sum(t.delta) FILTER (WHERE t.col = '${col}'), 0)`).join(', ')}
       FROM clones c JOIN analytics_dossier_facts f ON f.stream_id = c.template JOIN template_changes t ON t.stream_id = c.template
       GROUP BY 1, 2, 3, 4, 5, 6, 7
       ON CONFLICT (agency_code, day, procedure_code, procedure_version, channel, online_level, locality) DO UPDATE SET
         ${counted.map((col) => `${col} = analytics_daily_counts.${col} + excluded.${col}`).join(', ')}`,
    );
    // As autovacuum leaves a table that has settled: statistics, and the visibility map that lets the
    // covering indexes answer without reading the table (index-only scans).
    await c.query('VACUUM (ANALYZE) analytics_dossier_facts');
    await c.query('VACUUM (ANALYZE) analytics_daily_counts');
    const [{ n, d }] = (
      await c.query<{ n: number; d: number }>(
        `SELECT (SELECT count(*) FROM analytics_dossier_facts)::int AS n, (SELECT count(*) FROM analytics_daily_counts)::int AS d`,
      )
    ).rows;
    return {
      dossiers: n,
      dailyCountRows: d,
      templates: templates.length,
      agencies: agencies.length,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await c.end();
  }
}

async function latency(baseUrl: string, path: string, options: AnalyticsOptions): Promise<number[]> {
  const headers = actorHeaders({ id: 'analyst-bench', role: 'analyst' });
  const ask = async () => {
    const started = performance.now();
    const res = await fetch(`${baseUrl}${path}`, { headers });
    const body = await res.text();
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${body.slice(0, 500)}`);
    return performance.now() - started;
  };
  for (let i = 0; i < options.warmup; i++) await ask();
  const out: number[] = [];
  for (let i = 0; i < options.requests; i++) out.push(await ask());
  return out;
}

const SIMULATED_AGENCY = '000.00.18.H56';

/** The simulated year through the historical import, into the bench database (the engine running). */
async function simulate(url: string, dataDir: string, dossiers: number, say: (line: string) => void) {
  const run = await runTool(
    'apps/engine/src/cli/simulate.js',
    ['--agency', SIMULATED_AGENCY, '--dossiers', String(dossiers), '--year', '2019', '--seed', '42'],
    { DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  );
  if (run.code !== 0) throw new Error(`npm run simulate failed (${run.code}):\n${run.output.slice(-2000)}`);
  say(`analytics: ${dossiers} dossiers of ${SIMULATED_AGENCY} simulated in ${run.seconds.toFixed(0)} s`);
  return run.seconds;
}

/** Until the engine's analytics projection has applied every dossier event in the log. */
async function projected(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ behind }] = await withClient(
      url,
      async (c) =>
        (
          await c.query<{ behind: number }>(
            `SELECT (SELECT count(*) FROM events WHERE stream_type = 'dossier')
                  - coalesce((SELECT events_applied FROM analytics_watermark WHERE id = 1), 0) AS behind`,
          )
        ).rows,
    );
    if (Number(behind) <= 0) return;
    if (Date.now() > deadline) throw new Error(`the analytics projection is ${behind} events behind`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function analyticsSuite(
  server: PostgresServer,
  options: AnalyticsOptions,
  say: (line: string) => void,
): Promise<AnalyticsResult> {
  // A database of its own: the engine creates the schema and loads the sample catalogue, and the
  // simulated year is the only history in it.
  const url = await server.createDatabase(DATABASE);
  const dataDir = scratchDirectory('tthc-bench-analytics-');
  let engine: AppProcess | undefined;
  try {
    engine = await startApp('engine', {
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
      LOAD_SAMPLES: 'true',
      RATE_LIMIT: '1000000',
      DATA_DIR: dataDir,
      AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET,
    });
    await waitForSamples(engine.baseUrl, undefined, 120_000);
    const simulateSeconds = await simulate(url, dataDir, options.simulated, say);
    await projected(url, 600_000);
    const filled = await fill(url, options.dossiers, options.spreadDays, say);
    say(
      `analytics: ${filled.dossiers} dossiers, ${filled.dailyCountRows} daily rows in ${filled.seconds.toFixed(0)} s`,
    );
    const [{ province }] = await provinceOf(url);
    // Local (UTC+7) dates from the first receipt to the last end among the clones: every dossier.
    const [span] = await withClient(
      url,
      async (c) =>
        (
          await c.query<{ from: string; to: string }>(
            `SELECT to_char(min(received_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS from,
                    to_char(max(coalesce(ended_at, received_at)) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS to
               FROM analytics_dossier_facts WHERE received_at IS NOT NULL`,
          )
        ).rows,
    );
    const period = `from=${span.from}&to=${span.to}&agency=${province}`;
    const queries = [
      { name: 'summary (II.06a), whole province, whole period', path: `/v1/analytics/ii06a?${period}` },
      { name: 'time savings, whole province, whole period', path: `/v1/analytics/time-savings?${period}` },
    ];
    const results: QueryLatency[] = [];
    for (const q of queries) {
      const samples = await latency(engine.baseUrl, q.path, options);
      const rounds = 3;
      const per = Math.ceil(samples.length / rounds);
      results.push({
        ...q,
        p50Ms: round(quantile(samples, 0.5)),
        p95Ms: round(quantile(samples, 0.95)),
        p99Ms: round(quantile(samples, 0.99)),
        samples: samples.length,
        p95Rounds: figure(
          Array.from({ length: rounds }, (_, i) => quantile(samples.slice(i * per, (i + 1) * per), 0.95)),
          'ms',
        ),
      });
      say(`analytics ${q.name}: p50 ${results.at(-1)?.p50Ms} ms, p95 ${results.at(-1)?.p95Ms} ms`);
    }
    return {
      options,
      dossiers: filled.dossiers,
      period: span,
      simulateSeconds: round(simulateSeconds),
      dailyCountRows: filled.dailyCountRows,
      fillSeconds: round(filled.seconds),
      templateRows: filled.templates,
      agencies: filled.agencies,
      queries: results,
    };
  } finally {
    await engine?.stop();
  }
}

async function provinceOf(url: string): Promise<{ province: string }[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (
      await c.query<{ province: string }>(
        `WITH RECURSIVE up AS (
           SELECT code, parent_code, 0 AS depth FROM agencies WHERE code = '000.31.18.H56'
           UNION ALL SELECT a.code, a.parent_code, up.depth + 1 FROM agencies a JOIN up ON a.code = up.parent_code)
         SELECT code AS province FROM up ORDER BY depth DESC LIMIT 1`,
      )
    ).rows;
  } finally {
    await c.end();
  }
}
