// The built-in roles and the few predicates every context shares. Officials' roles are open-ended on
// purpose: a procedure definition names its own roles (receiving-officer, specialist, leader, office-head,
// partner-agency, …), and the decider checks them per workflow step. What is fixed is who is NOT an official
// and who administers. Pure functions: the dossiers and procedures contexts call them from their handlers.

/** A caller the engine has verified (token or API key), or the anonymous caller of a public route. */
export interface Principal {
  readonly id: string;
  readonly role: string;
  /** Electronic code of the official's agency (agency scope). */
  readonly agency?: string;
  /** The province an analyst may see (area scope), as agency codes end: `H56` for Khánh Hòa. */
  readonly area?: string;
}

export const ROLES = {
  /** Operates the whole engine: calendars, imports, the agency directory, API keys, the audit trail. */
  systemAdmin: 'system-admin',
  /** Administers one agency: its procedures, imports and worklists. */
  agencyAdmin: 'agency-admin',
  receivingOfficer: 'receiving-officer',
  specialist: 'specialist',
  /** The leader who signs (lãnh đạo ký). */
  leader: 'leader',
  /** A portal, post office or app submitting for citizens; sees only what it submitted. */
  integration: 'integration',
  /** Reads statistics of an administrative area; never a dossier. */
  analyst: 'analyst',
  /** A citizen's own lookup. */
  citizen: 'citizen',
  /** The engine itself (sample loading, the at-risk scheduler); never granted to a caller. */
  system: 'system',
  anonymous: 'anonymous',
} as const;

/** The procedure registry's earlier name for the system administrator, still honoured. */
export const LEGACY_ADMINISTRATOR_ROLE = 'administrator';

/** Roles that are never officials, whatever agency they claim. */
const NOT_OFFICIAL: ReadonlySet<string> = new Set([
  ROLES.systemAdmin,
  LEGACY_ADMINISTRATOR_ROLE,
  ROLES.integration,
  ROLES.analyst,
  ROLES.citizen,
  ROLES.system,
  ROLES.anonymous,
]);

/** A role name as tokens and API keys may carry it. */
export const ROLE_NAME = /^[a-z][a-z0-9-]{1,62}$/;

export function isSystemAdministrator(principal: Principal): boolean {
  return principal.role === ROLES.systemAdmin || principal.role === LEGACY_ADMINISTRATOR_ROLE;
}

/** An official: an agency-scoped role that is not one of the non-official built-ins. */
export function isOfficial(principal: Principal): principal is Principal & { readonly agency: string } {
  return principal.agency !== undefined && !NOT_OFFICIAL.has(principal.role);
}

export function isOfficialOf(principal: Principal, agencyCode: string): boolean {
  return isOfficial(principal) && principal.agency === agencyCode;
}

export function isIntegration(principal: Principal): boolean {
  return principal.role === ROLES.integration;
}

/** The province segment of an electronic agency code (QCVN 102:2016): `000.31.18.H56` → `H56`. */
export function provinceOf(agencyCode: string): string {
  return agencyCode.slice(agencyCode.lastIndexOf('.') + 1);
}

/**
 * Whether statistics of the agency (and what rolls up into it) are within the principal's scope: a national
 * analyst (no area) and system administrators see every agency; an analyst with an area sees the agencies of
 * that province; an official sees the agencies of their own agency's province. No agency (the whole country)
 * is for the unscoped only.
 */
export function mayReadStatisticsOf(principal: Principal, agencyCode: string | undefined): boolean {
  if (isSystemAdministrator(principal)) return true;
  if (principal.role === ROLES.analyst) {
    if (principal.area === undefined) return true;
    return agencyCode !== undefined && provinceOf(agencyCode) === principal.area;
  }
  if (isOfficial(principal)) {
    return agencyCode !== undefined && provinceOf(agencyCode) === provinceOf(principal.agency);
  }
  return false;
}
