// Object-level authorization of dossiers (OWASP API1): who may read a dossier and act on it, decided from
// its own event stream. An official may when the dossier is their agency's — the competent agency, or one
// it was transferred or handed over to (liên thông); an integration or a citizen only when it submitted the
// dossier (the actor recorded on DossierSubmitted); a system administrator may read every dossier. Anyone
// else is told the dossier does not exist (404): dossier codes follow a daily sequence and could be
// enumerated, so a 403 would confirm which exist. What the caller may then DO is the decider's business
// (the procedure's roles per step, 409 otherwise).
import type { RecordedEvent } from '@tthc/event-store';
import { isIntegration, isOfficialOf, isSystemAdministrator, ROLES, type Principal } from '@tthc/platform';
import { DomainError } from '@tthc/shared-kernel';

export interface DossierParties {
  /** The competent agency and every agency the dossier was transferred or handed over to. */
  readonly agencies: readonly string[];
  /** Who submitted it (an integration, a citizen, or a counter officer), as recorded on DossierSubmitted. */
  readonly submitter?: { readonly id: string; readonly role: string };
}

interface ActorMetadata {
  readonly actor?: { readonly id?: unknown; readonly role?: unknown };
}

/** The parties of a dossier from its recorded stream; undefined when there is no dossier. */
export function dossierParties(history: readonly RecordedEvent[]): DossierParties | undefined {
  const submitted = history.find((event) => event.type === 'DossierSubmitted');
  if (submitted === undefined) return undefined;
  const agencies = new Set<string>([(submitted.data as { agencyCode: string }).agencyCode]);
  for (const event of history) {
    if (event.type === 'DossierTransferred' || event.type === 'DossierHandedOver') {
      const to = (event.data as { toAgency?: unknown }).toAgency;
      if (typeof to === 'string') agencies.add(to);
    }
  }
  const actor = (submitted.metadata as ActorMetadata).actor;
  return {
    agencies: [...agencies],
    ...(typeof actor?.id === 'string' && typeof actor.role === 'string'
      ? { submitter: { id: actor.id, role: actor.role } }
      : {}),
  };
}

/** Whether the principal may act on the dossier (the engine itself always may). */
export function mayActOnDossier(principal: Principal, parties: DossierParties): boolean {
  if (principal.role === ROLES.system) return true;
  if (parties.agencies.some((agency) => isOfficialOf(principal, agency))) return true;
  if (isIntegration(principal) || principal.role === ROLES.citizen) {
    return parties.submitter?.id === principal.id && parties.submitter.role === principal.role;
  }
  return false;
}

/** Reading: everyone who may act, and system administrators (support, audits). */
export function mayReadDossier(principal: Principal, parties: DossierParties): boolean {
  return isSystemAdministrator(principal) || mayActOnDossier(principal, parties);
}

/** An official submitting at the counter does so for their own agency's procedures. → 403 */
export class SubmissionForAnotherAgency extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'agency-scope-violation';

  constructor(
    readonly actorAgency: string | undefined,
    readonly procedureAgency: string,
  ) {
    super(`An official of ${actorAgency ?? 'no agency'} may not submit dossiers to ${procedureAgency}.`);
    this.name = 'SubmissionForAnotherAgency';
  }

  override details(): Record<string, unknown> {
    return {
      detailVi: `Công chức của ${this.actorAgency ?? 'không cơ quan'} không được nộp hồ sơ cho ${this.procedureAgency}.`,
      agencyCode: this.procedureAgency,
    };
  }
}
