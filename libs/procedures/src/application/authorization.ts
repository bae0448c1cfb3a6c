/**
 * Who may change what, as pure functions over the authenticated actor the HTTP layer hands in (a verified
 * token; see libs/platform/src/auth). Keeps one agency's officials away from another agency's procedures.
 */
import { isOfficial, isSystemAdministrator } from '@tthc/platform';
import { NotAllowed } from './errors';

export interface RegistryActor {
  readonly id: string;
  readonly role: string;
  /** Electronic code of the agency the official works for. */
  readonly agency?: string;
}

/** Platform administrators: manage every agency's procedures and the agency directory (also `system-admin`). */
export const ADMINISTRATOR_ROLE = 'administrator';
/** The engine itself (sample loading, imports). */
export const SYSTEM_ROLE = 'system';
export const ANONYMOUS_ROLE = 'anonymous';

export const SYSTEM_ACTOR: RegistryActor = { id: 'system:samples', role: SYSTEM_ROLE };

function isPrivileged(actor: RegistryActor): boolean {
  return isSystemAdministrator(actor) || actor.role === SYSTEM_ROLE;
}

/**
 * Whether the actor may draft, publish or retire procedures of the agency: administrators may, and so may
 * an identified official of that same agency. `agencyCode` undefined (a draft that names no agency yet):
 * any identified official may.
 */
export function canManageProcedure(actor: RegistryActor, agencyCode: string | undefined): boolean {
  if (isPrivileged(actor)) return true;
  // Integrations, analysts and citizens never change procedures, whatever agency a token names.
  if (!isOfficial(actor)) return false;
  return agencyCode === undefined || actor.agency === agencyCode;
}

/** @throws NotAllowed (403) naming the first agency the actor may not act for. */
export function assertCanManageProcedure(
  actor: RegistryActor,
  agencyCodes: readonly (string | undefined)[],
): void {
  const codes = [...new Set(agencyCodes.filter((c): c is string => c !== undefined))];
  const allowed =
    codes.length === 0
      ? canManageProcedure(actor, undefined)
      : codes.every((code) => canManageProcedure(actor, code));
  if (allowed) return;
  const other = codes.find((code) => !canManageProcedure(actor, code));
  if (actor.role === ANONYMOUS_ROLE) {
    throw new NotAllowed(
      'Authenticate (a bearer token of an official) to change procedures.',
      'Hãy xác thực (mã thông báo của công chức) để thay đổi thủ tục.',
      actor.id,
    );
  }
  if (!isOfficial(actor)) {
    throw new NotAllowed(
      `${actor.id} is not an official of an agency and may not change procedures.`,
      `${actor.id} không phải công chức của cơ quan nào nên không được thay đổi thủ tục.`,
      actor.id,
    );
  }
  throw new NotAllowed(
    `${actor.id} of agency ${actor.agency} may not change the procedures of agency ${other}.`,
    `${actor.id} thuộc cơ quan ${actor.agency} không được thay đổi thủ tục của cơ quan ${other}.`,
    actor.id,
    other,
  );
}

export function canAdministerDirectory(actor: RegistryActor): boolean {
  return isPrivileged(actor);
}

/** @throws NotAllowed (403) unless the actor is an administrator. */
export function assertCanAdministerDirectory(actor: RegistryActor): void {
  if (canAdministerDirectory(actor)) return;
  throw new NotAllowed(
    'Only an administrator may change the agency directory and administrative units.',
    'Chỉ quản trị viên được thay đổi danh mục cơ quan và đơn vị hành chính.',
    actor.id,
  );
}
