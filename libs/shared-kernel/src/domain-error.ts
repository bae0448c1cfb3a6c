// One error channel: domain code throws a DomainError subclass; the HTTP layer turns its `kind` into a
// status and its fields into an RFC 9457 problem document, in one place (ProblemDetailsFilter).

export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict' | 'unprocessable' | 'forbidden';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** A stable, URL-safe code, used in the problem document's `type`. */
  abstract readonly code: string;
  /** Extra members of the problem document (e.g. the current state and the actions allowed now). */
  details(): Record<string, unknown> {
    return {};
  }
}
