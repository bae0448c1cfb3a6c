// npm run report -- --agency <code> --from <date> --to <date> [options]
// Prints an agency's year-end reform report in the terminal: II.06a, processing times, the reform reduction
// per procedure, days saved for citizens, Decision 766 indicators and activity, each with the metric
// definition version and the events it was computed from. Brings the analytics read model up to date with
// the event log first (safe while the engine runs: batches are serialised per projection).
import 'reflect-metadata';
import { GROUPINGS, PERIOD_CUTS, reportSummary, type Grouping, type PeriodCut } from '@tthc/analytics';
import { ConfigError } from '@tthc/platform';
import { openToolDatabase } from './database-for-tools';

const HELP = `Usage: npm run report -- --agency <code> --from YYYY-MM-DD --to YYYY-MM-DD [options]
       npm run report -- --agency <code> --period 2025-Q1 --cut cutoff-15 [options]

Prints the summary of an agency's reform results for a period, like a year-end reform report:
received / resolved / in progress (form II.06a), processing times, the reform reduction per procedure
version, days saved for citizens, Decision 766 indicators, supplements, apologies and at-risk alerts.
The agency rolls up everything under it and everything it succeeded (2025 reform).

  --agency CODE         agency electronic code, e.g. 000.00.18.H56 (default: every agency)
  --from DATE           first local day of the period
  --to DATE             last local day of the period
  --period P            instead of --from / --to: a month YYYY-MM, quarter YYYY-Qn, half-year YYYY-Hn or
                        year YYYY
  --cut C               how --period is cut: cutoff-15, the official data cut-off of Decree 09/2019/NĐ-CP
                        Art. 12 (the 15th of the month before to the 14th; a year 15/12 – 14/12), or
                        calendar (default; whole calendar periods, not the official cut-off)
  --procedure CODE      only this procedure
  --granularity G       day (default) or minute: how early / on time / late are compared
  --group-by G          rows of the II.06a table: ${GROUPINGS.join(', ')} (default field)
  --trip-cost-days N    trip cost for every dossier (default: the procedure's for the dossier's agency
                        locality, else its default, else the agency's default, else 1)
  --income-per-hour N   VND per hour, for the money figure (default: none)
  --json                print the reports as JSON instead of the table
  -h, --help            this text

The database is DATABASE_URL, else the embedded PostgreSQL under DATA_DIR (default ./.data).`;

interface Args {
  agency?: string;
  from?: string;
  to?: string;
  period?: string;
  cut?: PeriodCut;
  procedure?: string;
  granularity: 'day' | 'minute';
  groupBy: Grouping;
  tripCostDays?: number;
  incomePerHour?: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { granularity: 'day', groupBy: 'field', json: false };
  const value = (i: number, name: string): string => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value (see --help)`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      process.stdout.write(`${HELP}\n`);
      process.exit(0);
    } else if (a === '--agency') args.agency = value(++i, a);
    else if (a === '--from') args.from = value(++i, a);
    else if (a === '--to') args.to = value(++i, a);
    else if (a === '--period') args.period = value(++i, a);
    else if (a === '--cut') {
      const c = value(++i, a);
      if (!(PERIOD_CUTS as readonly string[]).includes(c))
        throw new Error(`--cut is ${PERIOD_CUTS.join(' or ')}`);
      args.cut = c as PeriodCut;
    } else if (a === '--procedure') args.procedure = value(++i, a);
    else if (a === '--granularity') {
      const g = value(++i, a);
      if (g !== 'day' && g !== 'minute') throw new Error('--granularity is day or minute');
      args.granularity = g;
    } else if (a === '--group-by') {
      const g = value(++i, a);
      if (!(GROUPINGS as readonly string[]).includes(g))
        throw new Error(`--group-by is one of ${GROUPINGS.join(', ')}`);
      args.groupBy = g as Grouping;
    } else if (a === '--trip-cost-days') args.tripCostDays = positive(value(++i, a), a);
    else if (a === '--income-per-hour') args.incomePerHour = positive(value(++i, a), a);
    else if (a === '--json') args.json = true;
    else throw new Error(`unknown argument ${a} (see --help)`);
  }
  if (args.period === undefined && (args.from === undefined || args.to === undefined))
    throw new Error('--from and --to, or --period, are required (see --help)');
  if (args.period !== undefined && (args.from !== undefined || args.to !== undefined))
    throw new Error('give --period or --from and --to, not both (see --help)');
  if (args.cut !== undefined && args.period === undefined)
    throw new Error('--cut goes with --period (see --help)');
  return args;
}

function positive(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} needs a number ≥ 0`);
  return n;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const say = (text: string) => process.stderr.write(`${text}\n`);
  const db = await openToolDatabase(say);
  try {
    const { json: _json, ...options } = args;
    const { summary, text } = await reportSummary(db.dataSource, db.config.eventBatchSize, options);
    process.stdout.write(args.json ? `${JSON.stringify(summary, null, 2)}\n` : text);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : (error as Error).message;
  process.stderr.write(`report: ${message}\n`);
  process.exit(1);
});
