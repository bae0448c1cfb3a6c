// npm run simulate -- --agency <code> [--dossiers 13000] [--year 2019] [--seed 42] [--out file.ndjson] [--dry-run]
// A made-up but plausible year of an agency (and the agencies under it) through the historical import, so
// analytics, dashboards and benchmarks have a realistic history to work on. See year-simulation.ts. After the
// import it prints the report of `npm run report` for the agency and the simulated year, from the same code:
// the generator's plan (early, late, …) is not what the official rules count, so it is never printed.
import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { reportSummary } from '@tthc/analytics';
import { ConfigError } from '@tthc/platform';
import type { ProcessingDuration } from '../../../../libs/dossiers/src/domain/calendar';
import type { WorkingDayCalendar } from '../../../../libs/dossiers/src/domain/calendar';
import {
  simulateYear,
  type SimulatedProcedure,
  type SimulatedRecord,
} from '../../../../libs/dossiers/src/application/simulation/year-simulation';
import { SqlDossierContextLoader } from '../../../../libs/dossiers/src/infrastructure/dossier-context-loader';
import { SAMPLE_APPLICATIONS } from '../../../../libs/procedures/samples/sample-applications';
import { openToolDatabase, type ToolDatabase } from './database-for-tools';
import { runImport, useConfirmedOfficialYears } from './import-runner';

const HELP = `Usage: npm run simulate -- --agency <code> [options]

Generates a year of dossiers of the agency and of the agencies under it (the sample procedures they handle),
deterministic for a seed, and imports it through the historical import (npm run import) into the engine's
database. Prints what it generated (dossiers per procedure and channel), the import's own summary, then the
report of npm run report for the agency and the simulated year (the same figures, from the same code):
  npm run report -- --agency <code> --from YYYY-01-01 --to YYYY-12-31

  --agency CODE     receiving agency, e.g. 000.00.18.H56 (Khánh Vĩnh district) or 000.31.18.H56 (a commune)
  --dossiers N      dossiers in the year (default 13000); about 4.5% are received in the last working days
                    of the year before and carried over
  --year YYYY       the year (default 2019; needs that year's official calendar, and the year before's:
                    2018–2020, 2025 and 2026 ship with the engine, others can be confirmed through the API)
  --seed N          seed of the generator (default 42): the same seed gives the same dossiers
  --out FILE        write the NDJSON to FILE instead of importing it (then: npm run import -- FILE)
  --dry-run         check every record through the import, write nothing
  -h, --help        this text

The database is DATABASE_URL, else the embedded PostgreSQL under DATA_DIR (default ./.data); the sample
procedures must be loaded (start the engine once).
Exit status: 0 when every dossier was imported (or already was), 1 otherwise.`;

interface Args {
  readonly agency: string;
  readonly dossiers: number;
  readonly year: number;
  readonly seed: number;
  readonly out?: string;
  readonly dryRun: boolean;
}

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      process.stdout.write(`${HELP}\n`);
      process.exit(0);
    } else if (a === '--dry-run') dryRun = true;
    else if (
      ['--agency', '--dossiers', '--year', '--seed', '--out'].includes(a) &&
      argv[i + 1] !== undefined
    ) {
      values.set(a, argv[++i]);
    } else throw new Error(`unknown or incomplete option ${a} (see --help)`);
  }
  const agency = values.get('--agency');
  if (!agency) throw new Error('name the agency with --agency <code> (see --help)');
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const value = Number(values.get(name) ?? fallback);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`${name} needs a whole number from ${min} to ${max}`);
    }
    return value;
  };
  return {
    agency,
    dossiers: whole('--dossiers', 13_000, 1, 2_000_000),
    year: whole('--year', 2019, 2000, 2100),
    seed: whole('--seed', 42, 0, 2 ** 31 - 1),
    ...(values.has('--out') ? { out: values.get('--out') } : {}),
    dryRun,
  };
}

interface ProcedureRow {
  code: string;
  agency_code: string;
  online_level: string;
  committed_unit: string;
  committed_value: number | null;
}

/** Relative volumes: civil status and residence are most of a commune's one-stop work. */
const WEIGHTS: Record<string, number> = {
  '1.004873': 30,
  '1.001193': 28,
  '1.004222': 18,
  '1.001193.LT': 12,
  '1.001612': 10,
  '1.004888': 2,
};

async function proceduresUnder(db: ToolDatabase, agency: string): Promise<SimulatedProcedure[]> {
  const rows = (await db.dataSource.query(
    `WITH RECURSIVE tree AS (
       SELECT code FROM agencies WHERE code = $1
       UNION SELECT a.code FROM agencies a JOIN tree t ON a.parent_code = t.code
     )
     SELECT DISTINCT ON (p.code) p.code, p.agency_code, p.online_level, p.committed_unit, p.committed_value
       FROM procedure_versions p
      WHERE p.status = 'published' AND (p.agency_code IN (SELECT code FROM tree) OR p.agency_code = $1)
      ORDER BY p.code, p.version DESC`,
    [agency],
  )) as ProcedureRow[];
  return rows
    .filter((row) => SAMPLE_APPLICATIONS[row.code] !== undefined)
    .map((row) => ({
      code: row.code,
      agencyCode: row.agency_code,
      onlineLevel: row.online_level === 'full' ? 'full' : row.online_level === 'partial' ? 'partial' : 'none',
      committedDuration: durationOf(row),
      weight: WEIGHTS[row.code] ?? 5,
      form: SAMPLE_APPLICATIONS[row.code].form,
      path: SAMPLE_APPLICATIONS[row.code].actions,
    }));
}

function durationOf(row: ProcedureRow): ProcessingDuration {
  if (row.committed_unit === 'same-day') return { unit: 'same-day' };
  const unit = row.committed_unit === 'calendar-days' ? 'calendar-days' : 'working-days';
  return { unit, value: row.committed_value ?? 1 };
}

/** What was generated (the generator's inputs, not outcomes: those come from the report after the import). */
function generated(records: readonly SimulatedRecord[], args: Args): string {
  const count = (key: (r: SimulatedRecord) => string) => {
    const counts = new Map<string, number>();
    for (const r of records) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ');
  };
  return [
    `simulated ${records.length.toLocaleString('en')} dossiers submitted to ${args.agency} and the agencies under it for ${args.year} (seed ${args.seed})`,
    `  by procedure: ${count((r) => r.procedureCode)}`,
    `  by channel:   ${count((r) => r.channel)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const db = await openToolDatabase(say);
  try {
    await useConfirmedOfficialYears(db);
    const procedures = await proceduresUnder(db, args.agency);
    if (procedures.length === 0) {
      throw new Error(
        `no sample procedure is handled by ${args.agency} or the agencies under it ` +
          '(is the agency code right, and have the samples been loaded by starting the engine once?)',
      );
    }
    const contexts = new SqlDossierContextLoader(db.dataSource);
    const calendars = new Map<string, WorkingDayCalendar>();
    for (const p of procedures) calendars.set(p.agencyCode, await contexts.calendarFor(p.agencyCode));
    const records = [
      ...simulateYear({
        year: args.year,
        dossiers: args.dossiers,
        seed: args.seed,
        procedures,
        calendarOf: (code) => calendars.get(code) as WorkingDayCalendar,
      }),
    ];
    process.stdout.write(`${generated(records, args)}\n`);
    const lines = records.map((r) => JSON.stringify(r.record));
    if (args.out !== undefined) {
      const file = createWriteStream(args.out, 'utf8');
      for (const line of lines) file.write(`${line}\n`);
      await new Promise<void>((done, fail) =>
        file.end((error?: Error | null) => (error ? fail(error) : done())),
      );
      process.stdout.write(`written to ${args.out}; import it with: npm run import -- ${args.out}\n`);
      return;
    }
    const summary = await runImport(db, { lines: () => lines, total: lines.length, dryRun: args.dryRun });
    process.exitCode = summary.failed > 0 ? 1 : 0;
    if (args.dryRun) return;
    // The simulated year as `npm run report` prints it: the same query and the same text.
    const { text } = await reportSummary(db.dataSource, db.config.eventBatchSize, {
      agency: args.agency,
      from: `${args.year}-01-01`,
      to: `${args.year}-12-31`,
    });
    process.stdout.write(`\n${text}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : (error as Error).message;
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(1);
});
