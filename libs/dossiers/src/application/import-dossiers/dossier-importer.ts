// The historical import (format: import-dossiers.handler.ts). Each record is replayed through the real
// decider, with `now` = the step's own instant and the agency's working-day calendar, on the procedure version
// it names (else the current published one); its events are appended with `metadata.imported = true` and the
// command id `import:<externalId>`, stored in command_results like any command's answer, so that a second run
// of the same file finds every record already imported.
//
// Writing: records are taken in batches, one transaction per batch, one SAVEPOINT per record. A record that
// fails at any step (the decider's refusal, a code collision, a database error) is rolled back to its
// savepoint: nothing of it is written, the rest of the batch still commits. All events of one record are one
// append to its stream (`dossier-<id>`, the id derived from the external id, so a concurrent twin loses on the
// expected version).
//
// Dossier codes: the legacy `code` is kept when it is a well-formed code of the receiving unit and of the local
// receipt date, and not already used (this run, or dossier_views); the day's counter is raised past it so later
// receipts do not draw it again. Otherwise a code is drawn from the counter as a live receipt would.
import { createHash, randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { PostgresEventStore, requestHash, withTransaction, type NewEvent } from '@tthc/event-store';
import type { PersonalDataProtection } from '../../infrastructure/personal-data/personal-data-protection';
import { DomainError } from '@tthc/shared-kernel';
import {
  decide,
  evolve,
  initialState,
  isDossierCode,
  parseDossierCode,
  type DossierActor,
  type DossierCommand,
  type DossierContext,
  type DossierEvent,
  type DossierState,
} from '../../domain/dossier';
import { toAttachment, type AttachmentInput } from '../attachments';
import { codeKeyOf, dossierCodeFor, provisionalCode, type DossierCodeKey } from '../dossier-code-allocation';
import { DOSSIER_STREAM_TYPE, dossierStreamId } from '../dossier-stream';
import type { DossierCodeAllocator, DossierContextLoader } from '../ports';
import { InvalidImportLine, parseImportLine, type ImportRecord, type ImportStep } from './import-record';
import { isOfficial } from '@tthc/platform';
import { SubmissionForAnotherAgency } from '../dossier-access';

export const IMPORT_COMMAND_TYPE = 'ImportDossier';
export const DEFAULT_IMPORT_BATCH = 200;
export const DEFAULT_MAX_ERRORS = 1000;

export interface ImportError {
  readonly line: number;
  readonly externalId: string | null;
  readonly message: string;
}

export interface ImportSummary {
  readonly lines: number;
  readonly imported: number;
  readonly alreadyImported: number;
  readonly failed: number;
  /** The first `maxErrors` failures, in line order. */
  readonly errors: ImportError[];
  readonly dryRun: boolean;
}

export interface ImportOptions {
  readonly dryRun?: boolean;
  /** Records per transaction. */
  readonly batchSize?: number;
  readonly maxErrors?: number;
  /** Who runs the import (metadata.importedBy) and the correlation id of its events. */
  readonly importedBy?: DossierActor;
  readonly correlationId?: string;
  /** After every batch. */
  readonly onProgress?: (summary: ImportSummary) => void;
}

/** The stored answer of an imported record (command_results.result). */
interface ImportResult {
  readonly dossierId: string;
  readonly code: string | null;
  readonly events: number;
}

interface Pending {
  readonly line: number;
  readonly record: ImportRecord;
  readonly commandId: string;
  readonly hash: string;
}

export const importCommandId = (externalId: string): string => `import:${externalId}`;

/** A stable UUID (version-5 layout) for an external id, so a record always lands in the same stream. */
export function importedDossierId(externalId: string): string {
  const hex = createHash('sha256').update(`tthc-import:${externalId}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** "step 3 (approve): <the decider's message> [dossier-action-not-allowed]". */
function reasonOf(error: unknown): string {
  if (error instanceof DomainError) return `${error.message} [${error.code}]`;
  return error instanceof Error ? error.message : String(error);
}

class StepFailed extends Error {
  constructor(index: number, step: ImportStep | undefined, cause: unknown) {
    super(`${step === undefined ? 'submission' : `step ${index + 1} (${step.action})`}: ${reasonOf(cause)}`);
  }
}

const files = (list: unknown): AttachmentInput[] => (Array.isArray(list) ? (list as AttachmentInput[]) : []);

/** An import step → the decider command (the receipt's code is filled in by the caller). */
function commandOf(step: ImportStep): DossierCommand {
  const base = { now: step.at, actor: step.actor };
  const f = step.fields as Record<string, never>;
  switch (step.action) {
    case 'receive':
      return { type: 'ReceiveDossier', code: '', ...base };
    case 'request-completion':
      return {
        type: 'RequestCompletion',
        missingDocuments: f.missingDocuments ?? [],
        guidance: f.guidance,
        ...base,
      };
    case 'complete':
    case 'provide-supplement':
      return {
        type: step.action === 'complete' ? 'CompleteDossier' : 'ProvideSupplement',
        channel: f.channel,
        ...(f.formData === undefined ? {} : { formData: f.formData }),
        attachments: files(f.attachments).map(toAttachment),
        ...base,
      };
    case 'refuse-receipt':
      return { type: 'RefuseReceipt', reason: f.reason, ...base };
    case 'transfer':
      return { type: 'TransferDossier', ...base };
    case 'hand-over':
      return { type: 'HandOver', event: f.event ?? 'HAND_OVER', ...base };
    case 'request-supplement':
      return {
        type: 'RequestSupplement',
        reason: f.reason,
        missingDocuments: f.missingDocuments ?? [],
        ...base,
      };
    case 'start-excluded-interval':
      return {
        type: 'StartExcludedInterval',
        kind: f.kind,
        ...(f.note === undefined ? {} : { note: f.note }),
        ...base,
      };
    case 'end-excluded-interval':
      return { type: 'EndExcludedInterval', ...base };
    case 'approve':
      return { type: 'Approve', ...base };
    case 'refuse':
      return { type: 'RefuseResolution', reason: f.reason, ...base };
    case 'issue-result':
      return {
        type: 'IssueResult',
        ...(f.electronic === undefined ? {} : { electronic: f.electronic }),
        ...base,
      };
    case 'return-result':
      return { type: 'ReturnResult', method: f.method, ...base };
    case 'withdraw':
      return { type: 'Withdraw', reason: f.reason, ...base };
    case 'apologise':
      return {
        type: 'IssueApology',
        reason: f.reason,
        newAppointmentAt: new Date(f.newAppointmentAt),
        ...base,
      };
    case 'rate':
      return {
        type: 'Rate',
        score: f.score,
        ...(f.comment === undefined ? {} : { comment: f.comment }),
        ...base,
      };
    case 'flag-at-risk':
      return { type: 'FlagAtRisk', ...base };
    default:
      throw new Error(`unknown action "${step.action}"`);
  }
}

export const IMPORT_ACTIONS = [
  'receive',
  'request-completion',
  'complete',
  'refuse-receipt',
  'transfer',
  'hand-over',
  'request-supplement',
  'provide-supplement',
  'start-excluded-interval',
  'end-excluded-interval',
  'approve',
  'refuse',
  'issue-result',
  'return-result',
  'withdraw',
  'apologise',
  'rate',
  'flag-at-risk',
] as const;

export class DossierImporter {
  private readonly contexts = new Map<string, Promise<{ context: DossierContext; version: number }>>();
  /** externalId → request hash of the records met in this run. */
  private readonly seen = new Map<string, string>();
  /** Codes given in this run, not yet in dossier_views. */
  private readonly codesGiven = new Set<string>();

  constructor(
    private readonly store: PostgresEventStore,
    private readonly loader: DossierContextLoader,
    private readonly allocator: DossierCodeAllocator,
    /** Seals the applicant's personal data before the append; every caller that writes should pass it. */
    private readonly protection?: PersonalDataProtection,
  ) {}

  /** Imports the lines (1-based line numbers in file order); blank lines are skipped. */
  async importLines(
    lines: AsyncIterable<string> | Iterable<string>,
    options: ImportOptions = {},
  ): Promise<ImportSummary> {
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_IMPORT_BATCH);
    const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
    const summary = {
      lines: 0,
      imported: 0,
      alreadyImported: 0,
      failed: 0,
      errors: [] as ImportError[],
      dryRun: options.dryRun === true,
    };
    const fail = (line: number, externalId: string | null, message: string) => {
      summary.failed++;
      if (summary.errors.length < maxErrors) summary.errors.push({ line, externalId, message });
    };
    const correlationId = options.correlationId ?? `import-${randomUUID()}`;
    let batch: Pending[] = [];
    const flush = async () => {
      const pending = batch;
      batch = [];
      const outcome = await this.importBatch(pending, summary.dryRun, correlationId, options.importedBy);
      summary.imported += outcome.imported;
      summary.alreadyImported += outcome.alreadyImported;
      for (const failure of outcome.failures) {
        fail(failure.line, failure.externalId, failure.message);
        // A failed record may come again later in the file (corrected): it is not "already imported".
        if (failure.externalId !== null) this.seen.delete(failure.externalId);
      }
      summary.errors.sort((a, b) => a.line - b.line);
      options.onProgress?.({ ...summary });
    };
    for await (const text of lines) {
      const line = ++summary.lines;
      if (text.trim() === '') continue;
      let record: ImportRecord;
      try {
        record = parseImportLine(text);
      } catch (error) {
        fail(line, error instanceof InvalidImportLine ? (error.externalId ?? null) : null, reasonOf(error));
        continue;
      }
      const hash = requestHash(IMPORT_COMMAND_TYPE, { ...record, steps: record.steps });
      const earlier = this.seen.get(record.externalId);
      if (earlier !== undefined) {
        if (earlier === hash) summary.alreadyImported++;
        else
          fail(
            line,
            record.externalId,
            `externalId ${record.externalId} appears earlier in the file with other content`,
          );
        continue;
      }
      this.seen.set(record.externalId, hash);
      batch.push({ line, record, commandId: importCommandId(record.externalId), hash });
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
    else options.onProgress?.({ ...summary });
    return summary;
  }

  private async importBatch(
    batch: readonly Pending[],
    dryRun: boolean,
    correlationId: string,
    importedBy: DossierActor | undefined,
  ): Promise<{ imported: number; alreadyImported: number; failures: ImportError[] }> {
    const failures: ImportError[] = [];
    let alreadyImported = 0;
    const stored = (await this.store.db.query(
      'SELECT command_id, request_hash FROM command_results WHERE command_id = ANY($1::text[])',
      [batch.map((p) => p.commandId)],
    )) as { command_id: string; request_hash: string }[];
    const storedHash = new Map(stored.map((row) => [row.command_id, row.request_hash]));
    const todo: Pending[] = [];
    for (const pending of batch) {
      const hash = storedHash.get(pending.commandId);
      if (hash === undefined) todo.push(pending);
      else if (hash === pending.hash) alreadyImported++;
      else
        failures.push({
          line: pending.line,
          externalId: pending.record.externalId,
          message: `externalId ${pending.record.externalId} was already imported with other content`,
        });
    }
    if (todo.length === 0) return { imported: 0, alreadyImported, failures };

    if (dryRun) {
      let imported = 0;
      for (const pending of todo) {
        try {
          await this.replay(pending, correlationId, importedBy, undefined);
          imported++;
        } catch (error) {
          failures.push({
            line: pending.line,
            externalId: pending.record.externalId,
            message: reasonOf(error),
          });
        }
      }
      return { imported, alreadyImported, failures };
    }

    const given: string[] = [];
    const imported = await withTransaction(this.store.db, async (runner) => {
      // The batch's data keys in two statements. Made before the records' savepoints, so a failing record
      // may leave its applicant a key that seals nothing yet: harmless, and erasable like any other.
      const keys = await this.protection?.preload(
        todo.map((pending) => pending.record.applicant.nationalId),
        runner,
      );
      let count = 0;
      for (const pending of todo) {
        await runner.query('SAVEPOINT import_record');
        try {
          const { events, result } = await this.replay(pending, correlationId, importedBy, runner);
          const streamId = dossierStreamId(result.dossierId);
          const stored =
            this.protection === undefined
              ? events
              : await this.protection.protect(streamId, events, [], runner, keys);
          await this.store.append(streamId, DOSSIER_STREAM_TYPE, 0, stored, runner);
          await runner.query(
            `INSERT INTO command_results (command_id, command_type, request_hash, stream_id, result)
             VALUES ($1, $2, $3, $4, $5::jsonb)`,
            [
              pending.commandId,
              IMPORT_COMMAND_TYPE,
              pending.hash,
              dossierStreamId(result.dossierId),
              JSON.stringify(result),
            ],
          );
          await runner.query('RELEASE SAVEPOINT import_record');
          if (result.code !== null) given.push(result.code);
          count++;
        } catch (error) {
          await runner.query('ROLLBACK TO SAVEPOINT import_record');
          failures.push({
            line: pending.line,
            externalId: pending.record.externalId,
            message: reasonOf(error),
          });
        }
      }
      return count;
    });
    for (const code of given) this.codesGiven.add(code);
    return { imported, alreadyImported, failures };
  }

  /** The record through the decider; with `runner` its code is drawn (or its legacy code reserved) there. */
  private async replay(
    { record, commandId }: Pending,
    correlationId: string,
    importedBy: DossierActor | undefined,
    runner: QueryRunner | undefined,
  ): Promise<{ events: NewEvent[]; result: ImportResult }> {
    let context: DossierContext;
    let version: number;
    try {
      ({ context, version } = await this.contextOf(record));
    } catch (error) {
      throw new StepFailed(-1, undefined, error);
    }
    // A legacy history is kept as it happened: an act that broke a clock rule is recorded and flagged as an
    // irregularity naming the rule, never refused (docs/domain/after-the-deadline.md).
    context = { ...context, settings: { ...context.settings, onIrregularity: 'record' } };
    const { definition } = context.procedure;
    const agencyCode = definition.agency.code;
    // Agency scope: an agency administrator imports their own agency's dossiers only (system administrators
    // and the CLI, which names no official, any agency's).
    if (importedBy !== undefined && isOfficial(importedBy) && importedBy.agency !== agencyCode) {
      throw new StepFailed(-1, undefined, new SubmissionForAnotherAgency(importedBy.agency, agencyCode));
    }
    const dossierId = importedDossierId(record.externalId);
    const events: NewEvent[] = [];
    let state: DossierState = initialState();
    let code: string | null = null;
    const apply = (command: DossierCommand) => {
      const decided: DossierEvent[] = decide(context, state, command);
      state = decided.reduce(evolve, state);
      for (const event of decided) {
        events.push({
          type: event.type,
          data: event.data,
          occurredAt: command.now,
          metadata: {
            actor: {
              id: command.actor.id,
              role: command.actor.role,
              ...(command.actor.agency ? { agency: command.actor.agency } : {}),
            },
            correlationId,
            commandId,
            imported: true,
            externalId: record.externalId,
            ...(importedBy ? { importedBy: { id: importedBy.id, role: importedBy.role } } : {}),
            agencyCode,
            procedureCode: definition.code,
            procedureVersion: version,
          },
        });
      }
    };
    try {
      apply({
        type: 'SubmitDossier',
        now: record.submittedAt,
        actor: record.submittedBy,
        dossierId,
        procedureCode: record.procedureCode,
        procedureVersion: version,
        channel: record.channel,
        ...(record.onlineLevel === undefined ? {} : { onlineLevel: record.onlineLevel }),
        ...(record.applicantLocality === undefined ? {} : { applicantLocality: record.applicantLocality }),
        applicant: record.applicant,
        formData: record.formData,
        attachments: record.attachments.map(toAttachment),
        ...(record.paymentReference === undefined ? {} : { paymentReference: record.paymentReference }),
      });
    } catch (error) {
      throw new StepFailed(-1, undefined, error);
    }
    for (const [index, step] of record.steps.entries()) {
      try {
        const command = commandOf(step);
        if (command.type === 'ReceiveDossier') {
          const trial = decide(context, state, { ...command, code: provisionalCode(agencyCode, step.at) });
          const key = codeKeyOf(agencyCode, trial);
          code = await this.codeFor(record, key, runner);
          apply({ ...command, code });
        } else apply(command);
      } catch (error) {
        throw new StepFailed(index, step, error);
      }
    }
    return { events, result: { dossierId, code, events: events.length } };
  }

  private async codeFor(
    record: ImportRecord,
    key: DossierCodeKey,
    runner: QueryRunner | undefined,
  ): Promise<string> {
    const legacy = record.code;
    if (legacy !== undefined && isDossierCode(legacy)) {
      const parts = parseDossierCode(legacy);
      if (
        parts.unitCode === key.unitCode &&
        parts.localDate === key.localDate &&
        !this.codesGiven.has(legacy)
      ) {
        if (runner === undefined) return legacy;
        const used = (await runner.query('SELECT 1 FROM dossier_views WHERE code = $1', [
          legacy,
        ])) as unknown[];
        if (used.length === 0) {
          await runner.query(
            `INSERT INTO dossier_code_sequences (unit_code, local_date, last) VALUES ($1, $2::date, $3)
             ON CONFLICT (unit_code, local_date) DO UPDATE SET last = GREATEST(dossier_code_sequences.last, $3)`,
            [key.unitCode, key.localDate, parts.sequence],
          );
          return legacy;
        }
      }
    }
    if (runner === undefined) return dossierCodeFor(key, 1);
    for (;;) {
      const code = dossierCodeFor(key, await this.allocator.next(runner, key));
      if (!this.codesGiven.has(code)) return code;
    }
  }

  private contextOf(record: ImportRecord): Promise<{ context: DossierContext; version: number }> {
    const cacheKey = `${record.procedureCode}@${record.procedureVersion ?? 'current'}`;
    let cached = this.contexts.get(cacheKey);
    if (cached === undefined) {
      cached = (async () => {
        const { procedure, version } = await this.loader.procedureForSubmission(
          record.procedureCode,
          record.procedureVersion,
        );
        const context = await this.loader.contextFor(
          procedure.definition.code,
          version,
          procedure.definition.agency.code,
        );
        return { context, version };
      })();
      this.contexts.set(cacheKey, cached);
    }
    // The record's online level is the dossier's own, as it really was: it is not checked against what the
    // procedure offers today (docs/domain/online-service-levels.md); the decider checks it against the channel.
    return cached;
  }
}
