/**
 * The procedure domain's exceptions. Both signal a caller's mistake, not an agency's: definitions from
 * agencies go through `validateDefinition`, which returns its findings as data.
 */
import type { ValidationIssue } from './validation-issue';

/** `compileProcedure` was given a definition that does not validate. */
export class InvalidProcedureDefinitionError extends Error {
  constructor(
    readonly code: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(
      `Procedure ${code} is not valid: ${issues
        .slice(0, 3)
        .map((issue) => `${issue.path || '/'} ${issue.message}`)
        .join('; ')}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`,
    );
    this.name = 'InvalidProcedureDefinitionError';
  }
}

/** A workflow state that the compiled procedure version does not have (a dossier on another version?). */
export class UnknownWorkflowStateError extends Error {
  constructor(
    readonly procedureCode: string,
    readonly state: string,
  ) {
    super(`Procedure ${procedureCode} has no workflow state "${state}".`);
    this.name = 'UnknownWorkflowStateError';
  }
}
