// Who may manage webhooks, as pure functions over the caller. Integrations manage their own endpoints;
// system administrators see and manage everyone's and alone handle the dead-letter list. The caller is the
// platform's CurrentActor, filled by authentication from a bearer token or an integration API key.
import { isSystemAdministrator, LEGACY_ADMINISTRATOR_ROLE, ROLES, type RequestActor } from '@tthc/platform';
import { WebhookIdentityRequired, WebhookNotAllowed } from './errors';

export const INTEGRATION_ROLE = ROLES.integration;
const ADMINISTRATOR_ROLES = [ROLES.systemAdmin, LEGACY_ADMINISTRATOR_ROLE];

const isAdministrator = (actor: RequestActor): boolean => isSystemAdministrator(actor);

export function assertCanManageWebhooks(actor: RequestActor): void {
  if (actor.role === ROLES.anonymous) throw new WebhookIdentityRequired();
  if (actor.role !== INTEGRATION_ROLE && !isAdministrator(actor)) {
    throw new WebhookNotAllowed(actor.role, [INTEGRATION_ROLE, ...ADMINISTRATOR_ROLES]);
  }
}

export function assertAdministrator(actor: RequestActor): void {
  if (actor.role === ROLES.anonymous) throw new WebhookIdentityRequired();
  if (!isAdministrator(actor)) throw new WebhookNotAllowed(actor.role, ADMINISTRATOR_ROLES);
}

/** Whether the caller sees every integration's endpoints, or only its own. */
export const seesAll = (actor: RequestActor): boolean => isAdministrator(actor);
