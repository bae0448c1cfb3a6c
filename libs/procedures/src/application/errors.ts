/**
 * The registry's typed errors. One channel: use cases throw these, the HTTP layer turns `kind` into a status
 * and `details()` into members of the RFC 9457 problem document (ProblemDetailsFilter, in one place).
 */
import { DomainError } from '@tthc/shared-kernel';
import type { LocatedIssue } from '../domain/definition-text';

/** A definition that does not validate: every error at once, with JSON Pointers and both languages. → 422 */
export class InvalidProcedureDefinition extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'invalid-procedure-definition';
  constructor(
    readonly errors: readonly LocatedIssue[],
    readonly warnings: readonly LocatedIssue[] = [],
  ) {
    super(
      `The procedure definition has ${errors.length} error(s): ${errors
        .slice(0, 3)
        .map((e) => `${e.path || '/'} ${e.message}`)
        .join(' · ')}${errors.length > 3 ? ' …' : ''}`,
    );
    this.name = 'InvalidProcedureDefinition';
  }

  override details(): Record<string, unknown> {
    return {
      detailVi: `Định nghĩa thủ tục có ${this.errors.length} lỗi; xem danh sách errors.`,
      errors: this.errors,
      warnings: this.warnings,
    };
  }
}

/** The actions a procedure accepts in its current status, named in every conflict. */
export type RegistryAction = 'draft' | 'update-draft' | 'publish' | 'retire';

/** A command that the procedure's current status does not allow. → 409 */
export class ProcedureStateConflict extends DomainError {
  readonly kind = 'conflict';
  constructor(
    readonly code: string,
    readonly procedureCode: string,
    readonly status: string,
    readonly allowedActions: readonly RegistryAction[],
    message: string,
    readonly messageVi: string,
  ) {
    super(message);
    this.name = 'ProcedureStateConflict';
  }

  override details(): Record<string, unknown> {
    return {
      detailVi: this.messageVi,
      procedureCode: this.procedureCode,
      procedureStatus: this.status,
      allowedActions: this.allowedActions,
    };
  }
}

/** → 404 */
export class ProcedureNotFound extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'procedure-not-found';
  constructor(
    readonly procedureCode: string,
    readonly version?: number,
    hint?: string,
  ) {
    super(
      version === undefined
        ? `There is no procedure ${procedureCode}${hint ? `; ${hint}` : '.'}`
        : `Procedure ${procedureCode} has no version ${version}.`,
    );
    this.name = 'ProcedureNotFound';
  }

  override details(): Record<string, unknown> {
    return this.version === undefined
      ? { procedureCode: this.procedureCode }
      : { procedureCode: this.procedureCode, version: this.version };
  }
}

/** The actor may not act on this agency's procedures or on the directory. → 403 */
export class NotAllowed extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'not-allowed';
  constructor(
    message: string,
    readonly messageVi: string,
    readonly actorId: string,
    readonly agencyCode?: string,
  ) {
    super(message);
    this.name = 'NotAllowed';
  }

  override details(): Record<string, unknown> {
    return {
      detailVi: this.messageVi,
      actorId: this.actorId,
      ...(this.agencyCode === undefined ? {} : { agencyCode: this.agencyCode }),
    };
  }
}

/** An agency or administrative unit that does not exist. → 404 */
export class DirectoryEntryNotFound extends DomainError {
  readonly kind = 'not-found';
  constructor(
    readonly code: 'agency-not-found' | 'administrative-unit-not-found',
    readonly entryCode: string,
  ) {
    super(
      code === 'agency-not-found'
        ? `There is no agency ${entryCode}.`
        : `There is no administrative unit ${entryCode}.`,
    );
    this.name = 'DirectoryEntryNotFound';
  }

  override details(): Record<string, unknown> {
    return { entryCode: this.entryCode };
  }
}

/** A directory command the entry's current status does not allow (already registered, already dissolved). → 409 */
export class DirectoryConflict extends DomainError {
  readonly kind = 'conflict';
  constructor(
    readonly code: string,
    readonly entryCode: string,
    readonly status: string,
    message: string,
    readonly messageVi: string,
  ) {
    super(message);
    this.name = 'DirectoryConflict';
  }

  override details(): Record<string, unknown> {
    return { detailVi: this.messageVi, entryCode: this.entryCode, entryStatus: this.status };
  }
}

/** One problem in an agency or administrative unit record. */
export interface RecordProblem {
  readonly path: string;
  readonly message: string;
  readonly messageVi: string;
}

/** A directory record that breaks a rule the DTO cannot express (periods, references). → 422 */
export class InvalidDirectoryRecord extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'invalid-directory-record';
  constructor(
    readonly entryCode: string,
    readonly problems: readonly RecordProblem[],
  ) {
    super(`${entryCode}: ${problems.map((p) => `${p.path} ${p.message}`).join(' · ')}`);
    this.name = 'InvalidDirectoryRecord';
  }

  override details(): Record<string, unknown> {
    return { entryCode: this.entryCode, errors: this.problems };
  }
}
