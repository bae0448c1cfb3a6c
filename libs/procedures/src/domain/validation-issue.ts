/**
 * One problem in a procedure definition, phrased for the agency that wrote it: where (a JSON Pointer into the
 * document), what, in English and Vietnamese, and a stable code for tools and tests. Warnings do not block
 * publishing; errors do.
 */

export const ISSUE_CODES = [
  'syntax',
  'schema',
  'invalid-form-schema',
  'duplicate-id',
  'reserved-step-id',
  'unknown-target',
  'unreachable-step',
  'dead-end-step',
  'no-approval',
  'undeclared-role',
  'missing-intake-role',
  'undeclared-event',
  'reserved-event',
  'decision-target',
  'undeclared-agency',
  'partner-agency-step',
  'unknown-form-field',
  'committed-exceeds-statutory',
  'online-delivery',
  'budget-exceeds-committed',
  'shadowed-transition',
  'duration-units-differ',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueSeverity = 'error' | 'warning';

export interface ValidationIssue {
  readonly code: IssueCode;
  readonly severity: IssueSeverity;
  /** JSON Pointer into the document, e.g. `/workflow/steps/2/transitions/0/target`; `` is the root. */
  readonly path: string;
  /** A plain English sentence. */
  readonly message: string;
  /** The same sentence in Vietnamese. */
  readonly messageVi: string;
}

export function error(code: IssueCode, path: string, message: string, messageVi: string): ValidationIssue {
  return { code, severity: 'error', path, message, messageVi };
}

export function warning(code: IssueCode, path: string, message: string, messageVi: string): ValidationIssue {
  return { code, severity: 'warning', path, message, messageVi };
}
