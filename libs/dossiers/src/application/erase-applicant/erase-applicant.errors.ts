import { DomainError } from '@tthc/shared-kernel';

/** Who may erase an applicant: the national data protection role, never an agency on its own. */
export const ERASURE_ROLES: readonly string[] = ['system-admin'];

/** → 403 */
export class ErasureNotAllowed extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'erasure-not-allowed';

  constructor(readonly role: string) {
    super(`The role "${role}" may not erase applicants (only ${ERASURE_ROLES.join(', ')}).`);
    this.name = 'ErasureNotAllowed';
  }

  override details(): Record<string, unknown> {
    return { role: this.role, allowedRoles: ERASURE_ROLES };
  }
}

/** No live data key for this national ID: never an applicant here, or already erased. → 404 */
export class ApplicantNotKnown extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'applicant-not-known';

  constructor() {
    super('No applicant with this national ID has personal data here (never submitted, or already erased).');
    this.name = 'ApplicantNotKnown';
  }
}
