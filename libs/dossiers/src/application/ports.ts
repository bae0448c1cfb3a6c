// What the dossier use cases need from outside, as small interfaces with injection tokens; the PostgreSQL
// implementations are in ../infrastructure and wired in dossiers.module.ts.
import type { Queryable, Statement } from '@tthc/event-store';
import type { CompiledProcedure } from '@tthc/procedures';
import type { WorkingDayCalendar } from '../domain/calendar';
import type { DossierContext } from '../domain/dossier';
import type { DossierCodeKey } from './dossier-code-allocation';

export interface ProcedureVersionRef {
  readonly procedure: CompiledProcedure;
  readonly version: number;
}

export interface SubmissionContext extends ProcedureVersionRef {
  readonly context: DossierContext;
}

export interface DossierContextLoader {
  /**
   * The version a new dossier runs on: the one asked for, else the current published one.
   * @throws ProcedureVersionNotFound, ProcedureRetired
   */
  procedureForSubmission(procedureCode: string, version?: number): Promise<ProcedureVersionRef>;
  /** The statement (CommandSpec.reads) that reads what submissionContextOf needs, with a new dossier's stream. */
  submissionReadFor(procedureCode: string): Statement;
  /**
   * procedureForSubmission with what the new dossier is decided with (contextFor at its procedure's
   * agency), from the rows of submissionReadFor; `on` as in contextFor.
   * @throws ProcedureVersionNotFound, ProcedureRetired
   */
  submissionContextOf(
    procedureCode: string,
    version: number | undefined,
    rows: readonly Record<string, unknown>[],
    on?: Queryable,
  ): Promise<SubmissionContext>;
  /**
   * What a dossier is decided with: its own procedure version and its agency's calendar. Inside a command,
   * `on` is its transaction: a second connection taken from the pool meanwhile could wait for a pool
   * that the commands in flight hold whole.
   */
  contextFor(
    procedureCode: string,
    version: number,
    agencyCode: string,
    on?: Queryable,
    /** The rows of `agencyReadWith(stream)`, read with the dossier's stream: no statement of its own then. */
    readWithStream?: readonly Record<string, unknown>[],
  ): Promise<DossierContext>;
  /** The statement (CommandSpec.reads) that reads the office hours of the agency a dossier was submitted to. */
  agencyReadWith(streamId: string): Statement;
  calendarFor(agencyCode: string): Promise<WorkingDayCalendar>;
}
export const DOSSIER_CONTEXT_LOADER = Symbol('DOSSIER_CONTEXT_LOADER');

export interface DossierCodeAllocator {
  /**
   * The next number of the counter, taken inside `transaction` (the command's own, or the import batch's):
   * the counter stays locked until that transaction ends, and a rollback gives the number back.
   */
  next(transaction: Queryable, key: DossierCodeKey): Promise<number>;
}
export const DOSSIER_CODE_ALLOCATOR = Symbol('DOSSIER_CODE_ALLOCATOR');

/** `() => Date`; tests replace it. */
export type Clock = () => Date;
export const DOSSIER_CLOCK = Symbol('DOSSIER_CLOCK');
