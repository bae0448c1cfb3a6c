// npm run bench [-- --smoke] [-- --only append,http,...]
// Runs the benchmark suites against one PostgreSQL server (DATABASE_URL, else an embedded one) and the
// Kafka of KAFKA_BROKERS, and writes the figures as JSON under bench/results/ and, for a full run, the
// BENCHMARKS.md table. Each figure is the median of several runs; ratios are taken within this one run.
// --smoke runs every suite once on tiny sizes (CI runs it to keep the suite working, asserting no times).
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { format, resolveConfig } from 'prettier';
import { resolve } from 'node:path';
import { describeMachine } from './support/machine';
import { median } from './support/stats';
import { startPostgres } from './support/postgres';
import { killChildren } from './support/processes';
import { renderReport, type BenchResults } from './support/report';
import { TEST_JWT_SECRET } from '../libs/testing/src/actors';
import { appendSuite } from './suites/append';
import { httpSuite } from './suites/http';
import { projectionSuite } from './suites/projections';
import { analyticsSuite } from './suites/analytics';

const SUITES = ['append', 'http', 'projections', 'analytics'] as const;
type Suite = (typeof SUITES)[number];

interface Args {
  smoke: boolean;
  only: Suite[];
  out?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { smoke: false, only: [...SUITES] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--smoke') args.smoke = true;
    else if (a === '--only') {
      const names = (argv[++i] ?? '').split(',').filter(Boolean);
      const unknown = names.filter((n) => !(SUITES as readonly string[]).includes(n));
      if (unknown.length > 0 || names.length === 0)
        throw new Error(`--only takes a comma-separated list of ${SUITES.join(', ')}`);
      args.only = names as Suite[];
    } else if (a === '--out') args.out = argv[++i];
    else if (a === '-h' || a === '--help') {
      process.stdout.write(
        `Usage: npm run bench [-- --smoke] [-- --only ${SUITES.join(',')}] [-- --out FILE]\n` +
          'Writes bench/results/<date>.json and BENCHMARKS.md (full runs of every suite only); --smoke writes\n' +
          'bench/results/smoke.tmp.json.\n' +
          'Sizes: BENCH_LOG_EVENTS (projection log, default 100000), BENCH_REBUILD_EVENTS (the log of the one\n' +
          'full-size rebuild, default 1000000; 0 skips it), BENCH_ANALYTICS_DOSSIERS (default 1000000),\n' +
          'BENCH_ANALYTICS_SIMULATED (the simulated district year the analytics dossiers are cloned from, default 13000).\n',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${a} (see --help)`);
  }
  return args;
}

/** The source tree: dist/.bench/bench/run.js → the repository root. */
const repoRoot = resolve(__dirname, '../../..');
const say = (line: string) =>
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = new Date();
  // The engines started here verify the load's bearer tokens with this secret (as in the test runs).
  process.env.AUTH_JWT_SECRET ??= TEST_JWT_SECRET;
  // tsc does not copy the sample procedures' YAML; the engine looks for it beside its compiled module.
  cpSync(resolve(repoRoot, 'libs/procedures/samples'), resolve(__dirname, '../libs/procedures/samples'), {
    recursive: true,
    filter: (src) => !src.endsWith('.ts'),
  });
  // The machine is shared: the 1-minute load average every 10 s says how busy it was while we measured.
  const load: number[] = [loadavg()[0]];
  const loadSampler = setInterval(() => load.push(loadavg()[0]), 10_000);
  loadSampler.unref();
  const server = await startPostgres(say);
  // Ctrl-C or a timeout: end the apps this run started and the embedded server, then leave.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      killChildren();
      void server.stop().finally(() => process.exit(130));
    });
  const out =
    args.out ??
    resolve(
      repoRoot,
      'bench/results',
      args.smoke ? 'smoke.tmp.json' : `${started.toISOString().slice(0, 16).replace(':', '')}.json`,
    );
  mkdirSync(resolve(repoRoot, 'bench/results'), { recursive: true });
  /** Writes what is measured so far (after every suite, so an interrupted run keeps its figures). */
  const save = async (final: boolean) => {
    results.finishedAt = final ? new Date().toISOString() : undefined;
    results.loadDuringRun = {
      min: Math.min(...load),
      median: Math.round(median(load) * 100) / 100,
      max: Math.max(...load),
      samples: load.length,
    };
    results.machine = {
      ...results.machine,
      loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
    };
    // Formatted as the repository's lint expects (prettier --check covers JSON).
    const json = JSON.stringify(results, null, 2);
    writeFileSync(out, await format(json, { ...(await resolveConfig(out)), filepath: out }));
    if (!args.smoke && args.only.length === SUITES.length) {
      writeFileSync(resolve(repoRoot, 'BENCHMARKS.md'), renderReport(results, out));
      if (final) say(`results in ${out} and BENCHMARKS.md`);
    } else if (final) {
      say(`results in ${out}`);
      process.stdout.write(`\n${renderReport(results, out)}`);
    }
  };
  const results: BenchResults = {
    startedAt: started.toISOString(),
    mode: args.smoke ? 'smoke' : 'full',
    machine: describeMachine(await server.version()),
    suites: {},
    notes: [],
    commit: currentCommit(),
    ...(server.embedded ? {} : { postgres: 'the server of DATABASE_URL' }),
  };
  try {
    if (args.only.includes('append')) {
      say('append throughput');
      results.suites.append = await appendSuite(
        server,
        args.smoke
          ? { runs: 1, seconds: 0.3, batchSize: 100, writers: [1, 16], poolSize: 20 }
          : { runs: 3, seconds: 2, batchSize: 100, writers: [1, 16], poolSize: 20 },
        say,
      );
      await save(false);
    }
    if (args.only.includes('http')) {
      say('HTTP commands');
      results.suites.http = await httpSuite(
        server,
        args.smoke
          ? { runs: 1, seconds: 2, connections: 10, warmupSeconds: 1 }
          : { runs: 3, seconds: 8, connections: 10, warmupSeconds: 3 },
        say,
      );
      await save(false);
    }
    if (args.only.includes('projections')) {
      say('projections, rebuild, relay, scaling');
      // The log is cloned from the dossier streams the HTTP suite wrote through the engine.
      const source = results.suites.http?.database;
      if (!source)
        throw new Error("the projections suite clones the HTTP suite's dossiers: run it with http");
      results.suites.projections = await projectionSuite(
        server,
        source,
        {
          ...(args.smoke
            ? {
                events: Number(process.env.BENCH_LOG_EVENTS ?? 3_000),
                rebuildRuns: 1,
                largeRebuildEvents: Number(process.env.BENCH_REBUILD_EVENTS ?? 0),
                processes: [1, 2],
                scalingRuns: 1,
                scalingTimeoutSeconds: 120,
                kafkaAloneProjections: 1,
              }
            : {
                events: Number(process.env.BENCH_LOG_EVENTS ?? 100_000),
                rebuildRuns: 3,
                largeRebuildEvents: Number(process.env.BENCH_REBUILD_EVENTS ?? 1_000_000),
                processes: [1, 2, 4],
                scalingRuns: 1,
                scalingTimeoutSeconds: 600,
                kafkaAloneProjections: 10, // every dossier projection (four)
              }),
          partitions: 8,
          kafkaBrokers: process.env.KAFKA_BROKERS?.split(','),
        },
        say,
      );
      await save(false);
    }
    if (args.only.includes('analytics')) {
      say('analytics latency');
      // Its own database: the engine's schema and samples, and a simulated year (see suites/analytics.ts).
      results.suites.analytics = await analyticsSuite(
        server,
        args.smoke
          ? {
              dossiers: Number(process.env.BENCH_ANALYTICS_DOSSIERS ?? 5_000),
              simulated: Number(process.env.BENCH_ANALYTICS_SIMULATED ?? 300),
              requests: 10,
              warmup: 2,
              spreadDays: 365,
            }
          : {
              dossiers: Number(process.env.BENCH_ANALYTICS_DOSSIERS ?? 1_000_000),
              // A district's year, as the seed reports describe (about 13,000 dossiers).
              simulated: Number(process.env.BENCH_ANALYTICS_SIMULATED ?? 13_000),
              requests: 30,
              warmup: 3,
              spreadDays: 365,
            },
        say,
      );
      await save(false);
    }
  } finally {
    await server.stop().catch(() => undefined);
  }
  clearInterval(loadSampler);
  await save(true);
}

/** The commit the measured code is at (and whether the work tree had changes), for the record. */
function currentCommit(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps', 'libs', 'bench'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} (with uncommitted changes under apps/, libs/ or bench/)` : head;
  } catch {
    return undefined;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
