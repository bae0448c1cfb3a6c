import { DomainError } from '@tthc/shared-kernel';

/** Roles that may import historical dossiers. */
export const IMPORT_ROLES: readonly string[] = ['agency-admin', 'system-admin'];

/** Only an agency or system administrator may import historical dossiers. → 403 */
export class ImportNotAllowed extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'import-not-allowed';

  constructor(readonly role: string) {
    super(`The role "${role}" may not import dossiers (only ${IMPORT_ROLES.join(', ')}).`);
    this.name = 'ImportNotAllowed';
  }

  override details(): Record<string, unknown> {
    return {
      role: this.role,
      allowedRoles: IMPORT_ROLES,
      detailVi: `Vai trò "${this.role}" không được nhập hồ sơ (chỉ ${IMPORT_ROLES.join(', ')}).`,
    };
  }
}
