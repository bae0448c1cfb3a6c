// Runs lines through DossierImporter against a tool database, with the progress line every second on stderr
// and the summary and failures on stdout. Shared by `npm run import` and `npm run simulate`.
import { PostgresEventStore } from '@tthc/event-store';
import {
  DossierImporter,
  type ImportSummary,
} from '../../../../libs/dossiers/src/application/import-dossiers/dossier-importer';
import {
  refreshOfficialYears,
  useOfficialYearsSource,
} from '../../../../libs/dossiers/src/application/agency-calendar';
import { confirmedOfficialYears } from '../../../../libs/dossiers/src/infrastructure/calendar/official-years-refresher';
import { PostgresDossierCodeAllocator } from '../../../../libs/dossiers/src/infrastructure/dossier-code-sequence';
import { SqlDossierContextLoader } from '../../../../libs/dossiers/src/infrastructure/dossier-context-loader';
import { ApplicantKeyring } from '../../../../libs/dossiers/src/infrastructure/personal-data/applicant-keyring';
import { resolveMasterKey } from '../../../../libs/dossiers/src/infrastructure/personal-data/master-key';
import { PersonalDataProtection } from '../../../../libs/dossiers/src/infrastructure/personal-data/personal-data-protection';
import type { ToolDatabase } from './database-for-tools';

export interface ImportRun {
  /**
   * Opens the lines when the import is ready to read them: a readline interface emits lines from the moment
   * it is created, and an iterator made after an await would miss the first ones.
   */
  readonly lines: () => AsyncIterable<string> | Iterable<string>;
  /** Lines expected, for the progress display. */
  readonly total: number;
  readonly dryRun: boolean;
  readonly batch?: number;
}

const n = (value: number) => value.toLocaleString('en');

/** The years administrators confirmed through the API count too, not only the shipped ones. */
export async function useConfirmedOfficialYears(db: ToolDatabase): Promise<void> {
  useOfficialYearsSource(() => confirmedOfficialYears(db.dataSource));
  await refreshOfficialYears().catch(() => undefined); // no read model yet: the shipped years
}

export async function runImport(db: ToolDatabase, run: ImportRun): Promise<ImportSummary> {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  await useConfirmedOfficialYears(db);
  const importer = new DossierImporter(
    new PostgresEventStore(db.dataSource),
    new SqlDossierContextLoader(db.dataSource),
    new PostgresDossierCodeAllocator(),
    // Sealed with the same master key as the engine's (configured, or the key file in DATA_DIR).
    new PersonalDataProtection(
      new ApplicantKeyring(
        db.dataSource,
        resolveMasterKey({
          configured: db.config.personalData.masterKey,
          dataDir: db.config.database.dataDir,
          production: db.config.env === 'production',
        }),
      ),
    ),
  );
  const started = Date.now();
  let latest: ImportSummary | undefined;
  const progress = () => {
    if (latest === undefined) return;
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    say(
      `${n(latest.lines)} / ${n(run.total)} lines, ${n(latest.imported)} ${run.dryRun ? 'valid' : 'imported'}, ` +
        `${n(latest.alreadyImported)} already imported, ${n(latest.failed)} failed, ` +
        `${n(Math.round(latest.lines / seconds))} lines/s`,
    );
  };
  const timer = setInterval(progress, 1000);
  let summary: ImportSummary;
  try {
    summary = await importer.importLines(run.lines(), {
      dryRun: run.dryRun,
      batchSize: run.batch,
      maxErrors: 100_000,
      importedBy: { id: process.env.USER ?? 'cli', role: 'system-admin' },
      onProgress: (s) => (latest = s),
    });
  } finally {
    clearInterval(timer);
  }
  latest = summary;
  progress();
  const seconds = (Date.now() - started) / 1000;
  out(
    `${run.dryRun ? 'dry run: ' : ''}${n(summary.lines)} lines in ${seconds.toFixed(1)} s ` +
      `(${n(Math.round(summary.lines / Math.max(0.001, seconds)))} lines/s): ` +
      `${n(summary.imported)} ${run.dryRun ? 'would be imported' : 'imported'}, ` +
      `${n(summary.alreadyImported)} already imported, ${n(summary.failed)} failed`,
  );
  for (const error of summary.errors) {
    out(`line ${error.line} (${error.externalId ?? 'no externalId'}): ${error.message}`);
  }
  if (summary.failed > summary.errors.length) {
    out(`… and ${n(summary.failed - summary.errors.length)} more failures`);
  }
  return summary;
}
