// npm run import -- <file.ndjson> [--dry-run] [--batch N]
// Historical import from a legacy one-stop system: streams the file line by line through DossierImporter
// (libs/dossiers/src/application/import-dossiers), progress on stderr every second, the summary and the
// failures on stdout; exit 1 when any line failed.
import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ConfigError } from '@tthc/platform';
import { DEFAULT_IMPORT_BATCH } from '../../../../libs/dossiers/src/application/import-dossiers/dossier-importer';
import { openToolDatabase } from './database-for-tools';
import { runImport } from './import-runner';

const HELP = `Usage: npm run import -- <file.ndjson> [--dry-run] [--batch N]

Imports historical dossiers from a legacy one-stop system. NDJSON, one past dossier per line:
  { "externalId": "KV-2025-000123",          legacy id, unique: a second run imports nothing twice
    "procedureCode": "1.004873", "procedureVersion": 1 (optional: else the current published version),
    "channel": "counter" | "post" | "online", "onlineLevel": "full" | "partial" | "none" | 1–4 (optional:
    the level the dossier was really submitted at; legacy 4 = full, 3 = partial, 1–2 = none),
    "applicant": { "name", "nationalId", "phone"?, "email"?, "address"? },
    "formData": { ... }, "attachments": [ { "name", "mediaType", "size", "sha256", "documentCode"? } ]?,
    "code": "000.31.18.H56-250304-0007" (optional legacy code, kept if valid for the unit and receipt date),
    "submittedAt": ISO instant (optional: the first step's), "submittedBy": { "id", "role" } (optional),
    "steps": [ { "action": "receive", "at": "2025-03-04T09:15:00+07:00", "actor": { "id", "role" }, ... } ] }
Actions: receive, request-completion {missingDocuments, guidance}, complete {channel}, refuse-receipt {reason},
  transfer, hand-over {event}, request-supplement {reason, missingDocuments}, provide-supplement {channel},
  start-excluded-interval {kind}, end-excluded-interval, approve, refuse {reason}, issue-result {electronic?},
  return-result {method}, withdraw {reason}, apologise {reason, newAppointmentAt}, rate {score}, flag-at-risk.

Each record is replayed through the workflow with its own timestamps (official calendars 2018–2020, 2025,
2026 and the years an administrator confirmed);
events are marked imported. A failing record writes nothing and is listed as "line N (externalId): reason".
  --dry-run      check every record, write nothing
  --batch N      records per transaction (default ${DEFAULT_IMPORT_BATCH})
  -h, --help     this text

The database is DATABASE_URL, else the embedded PostgreSQL under DATA_DIR (default ./.data).
Exit status: 0 when every line was imported (or already was), 1 otherwise.`;

interface Args {
  readonly file: string;
  readonly dryRun: boolean;
  readonly batch?: number;
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let dryRun = false;
  let batch: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      process.stdout.write(`${HELP}\n`);
      process.exit(0);
    } else if (a === '--dry-run') dryRun = true;
    else if (a === '--batch') batch = Number(argv[++i]);
    else if (a.startsWith('-')) throw new Error(`unknown option ${a} (see --help)`);
    else if (file === undefined) file = a;
    else throw new Error('name one file (see --help)');
  }
  if (file === undefined) throw new Error('name the NDJSON file to import (see --help)');
  if (batch !== undefined && (!Number.isInteger(batch) || batch < 1)) {
    throw new Error('--batch needs a positive whole number');
  }
  return { file, dryRun, ...(batch === undefined ? {} : { batch }) };
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(file)) {
    const buffer = chunk as Buffer;
    for (let i = 0; i < buffer.length; i++) if (buffer[i] === 10) lines++;
    if (buffer.length > 0) last = buffer[buffer.length - 1];
  }
  return last === 10 ? lines : lines + 1;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const total = await countLines(args.file);
  const db = await openToolDatabase((line) => process.stderr.write(`${line}\n`));
  try {
    const lines = () => createInterface({ input: createReadStream(args.file, 'utf8'), crlfDelay: Infinity });
    const summary = await runImport(db, { lines, total, dryRun: args.dryRun, batch: args.batch });
    process.exitCode = summary.failed > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : (error as Error).message;
  process.stderr.write(`import: ${message}\n`);
  process.exit(1);
});
