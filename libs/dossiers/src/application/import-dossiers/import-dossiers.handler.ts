// Historical import for agencies migrating from a legacy one-stop system: POST /v1/imports and
// `npm run import -- <file.ndjson>` (apps/engine/src/cli/import-dossiers.ts) both run DossierImporter.
//
// Format: NDJSON (UTF-8), one past dossier per line; blank lines are skipped, line numbers count every line.
//   {
//     "externalId": "KV-2025-000123",        // the legacy system's id; unique; makes the import idempotent
//     "procedureCode": "1.004873",
//     "procedureVersion": 1,                  // optional: else the current published version
//     "channel": "counter" | "post" | "online",
//     "onlineLevel": "full" | "partial" | "none" | 1–4,  // optional: the level the dossier was really
//                                             // submitted at (legacy 4 → full, 3 → partial, 1–2 → none);
//                                             // online: default the procedure's; counter / post: none
//     "applicant": { "name", "nationalId", "phone"?, "email"?, "address"? },
//     "formData": { … },                      // validated against the version's application form
//     "attachments": [ { "name", "mediaType", "size", "sha256", "documentCode"? } ],   // optional
//     "paymentReference": "…",                // optional
//     "code": "000.31.18.H56-250304-0007",    // optional legacy dossier code, kept if valid (receiving unit and
//                                             // local receipt date match, not already used), else one is drawn
//     "submittedAt": ISO instant,             // optional: default the first step's `at`
//     "submittedBy": { "id", "role" },        // optional: default { "legacy-import", "integration" }
//     "steps": [                              // in time order
//       { "action": "receive", "at": "2025-03-04T09:15:00+07:00", "actor": { "id", "role", "agency"? }, … }
//     ]
//   }
// Actions and their fields (as the HTTP actions): receive · request-completion {missingDocuments, guidance} ·
// complete {channel, formData?, attachments?} · refuse-receipt {reason} · transfer · hand-over {event} ·
// request-supplement {reason, missingDocuments} · provide-supplement {channel, formData?, attachments?} ·
// start-excluded-interval {kind, note?} · end-excluded-interval · approve · refuse {reason} ·
// issue-result {electronic?} · return-result {method} · withdraw {reason} ·
// apologise {reason, newAppointmentAt} · rate {score, comment?} · flag-at-risk.
//
// Each record is replayed through the real decider with `now` = step.at (deadlines on the official calendar of
// each year: shipped, confirmed by an administrator, or provisional) and checked against its procedure
// version's state machine and roles. An act that broke a clock rule is kept and flagged as an irregularity. Events carry metadata.imported = true and the command id
// `import:<externalId>`: a second run reports those records as already imported. A failing record is
// reported with its line number and reason, and nothing of it is written.
//
// HTTP body limit: 20 MB (the application/x-ndjson parser's own limit); larger files go through the CLI.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@tthc/event-store';
import {
  DOSSIER_CODE_ALLOCATOR,
  DOSSIER_CONTEXT_LOADER,
  type DossierCodeAllocator,
  type DossierContextLoader,
} from '../ports';
import { PersonalDataProtection } from '../../infrastructure/personal-data/personal-data-protection';
import { DossierImporter, type ImportSummary } from './dossier-importer';
import { ImportDossiersCommand } from './import-dossiers.command';
import { IMPORT_ROLES, ImportNotAllowed } from './import-errors';

@CommandHandler(ImportDossiersCommand)
export class ImportDossiersHandler implements ICommandHandler<ImportDossiersCommand> {
  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(DOSSIER_CONTEXT_LOADER) private readonly contexts: DossierContextLoader,
    @Inject(DOSSIER_CODE_ALLOCATOR) private readonly codes: DossierCodeAllocator,
    @Inject(PersonalDataProtection) private readonly protection: PersonalDataProtection,
  ) {}

  async execute({ ndjson, actor, correlationId, dryRun }: ImportDossiersCommand): Promise<ImportSummary> {
    if (!IMPORT_ROLES.includes(actor.role)) throw new ImportNotAllowed(actor.role);
    const importer = new DossierImporter(this.store, this.contexts, this.codes, this.protection);
    return importer.importLines(ndjson.split(/\r?\n/), {
      dryRun,
      correlationId,
      importedBy: actor,
    });
  }
}
