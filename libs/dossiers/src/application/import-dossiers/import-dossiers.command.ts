import { Command } from '@nestjs/cqrs';
import type { DossierActor } from '../../domain/dossier';
import type { ImportSummary } from './dossier-importer';

/** Imports an NDJSON text of past dossiers (format: import-dossiers.handler.ts). */
export class ImportDossiersCommand extends Command<ImportSummary> {
  constructor(
    readonly ndjson: string,
    readonly actor: DossierActor,
    readonly correlationId: string,
    readonly dryRun = false,
  ) {
    super();
  }
}
