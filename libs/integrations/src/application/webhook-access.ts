// Who may manage webhooks, as pure functions over the caller. Integrations manage their own endpoints;
// administrators see and manage everyone's and alone handle the dead-letter list. The caller comes from
// the platform's CurrentActor, which authentication will fill from tokens and API keys instead of headers.
import type { RequestActor } from '@tthc/platform';
import { WebhookIdentityRequired, WebhookNotAllowed } from './errors';

export const INTEGRATION_ROLE = 'integration';
export const ADMINISTRATOR_ROLE = 'administrator';

export function assertCanManageWebhooks(actor: RequestActor): void {
  if (actor.role === 'anonymous') throw new WebhookIdentityRequired();
  if (actor.role !== INTEGRATION_ROLE && actor.role !== ADMINISTRATOR_ROLE) {
    throw new WebhookNotAllowed(actor.role, [INTEGRATION_ROLE, ADMINISTRATOR_ROLE]);
  }
}

export function assertAdministrator(actor: RequestActor): void {
  if (actor.role === 'anonymous') throw new WebhookIdentityRequired();
  if (actor.role !== ADMINISTRATOR_ROLE) throw new WebhookNotAllowed(actor.role, [ADMINISTRATOR_ROLE]);
}

/** Whether the caller sees every integration's endpoints, or only its own. */
export const seesAll = (actor: RequestActor): boolean => actor.role === ADMINISTRATOR_ROLE;
