// The integrations context's refusals. One channel: DomainError subclasses, turned into problem documents
// by the platform's ProblemDetailsFilter.
import { DomainError } from '@tthc/shared-kernel';

/** No identity at all. → 403 (authentication will answer 401 before this is reached) */
export class WebhookIdentityRequired extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'identity-required';
  constructor() {
    super('Identify yourself as an integration (or an administrator) to manage webhooks.');
    this.name = 'WebhookIdentityRequired';
  }
}

/** The role may not do this. → 403 */
export class WebhookNotAllowed extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'webhook-not-allowed';
  constructor(
    readonly role: string,
    readonly allowedRoles: readonly string[],
  ) {
    super(`Role ${role} may not do this; allowed: ${allowedRoles.join(', ')}.`);
    this.name = 'WebhookNotAllowed';
  }
  override details(): Record<string, unknown> {
    return { role: this.role, allowedRoles: this.allowedRoles };
  }
}

/** Unknown, or registered by another integration (we do not tell which). → 404 */
export class WebhookNotFound extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'webhook-not-found';
  constructor(readonly webhookId: string) {
    super(`No webhook ${webhookId} is registered for you.`);
    this.name = 'WebhookNotFound';
  }
  override details(): Record<string, unknown> {
    return { webhookId: this.webhookId };
  }
}

/** → 404 */
export class DeliveryNotFound extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'webhook-delivery-not-found';
  constructor(readonly deliveryId: string) {
    super(`No webhook delivery ${deliveryId} exists.`);
    this.name = 'DeliveryNotFound';
  }
  override details(): Record<string, unknown> {
    return { deliveryId: this.deliveryId };
  }
}

/** Only dead-lettered deliveries are replayed. → 409 */
export class DeliveryNotDead extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'webhook-delivery-not-dead-lettered';
  constructor(
    readonly deliveryId: string,
    readonly status: string,
  ) {
    super(`Delivery ${deliveryId} is ${status}; only dead-lettered deliveries can be replayed.`);
    this.name = 'DeliveryNotDead';
  }
  override details(): Record<string, unknown> {
    return { deliveryId: this.deliveryId, status: this.status };
  }
}

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** A registration the DTO cannot judge alone (event types, the status mapping, no filter). → 400 */
export class InvalidWebhookRegistration extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'validation-failed';
  constructor(readonly errors: readonly FieldProblem[]) {
    super(`The request has ${errors.length} invalid member(s): ${errors.map((e) => e.path).join(', ')}`);
    this.name = 'InvalidWebhookRegistration';
  }
  override details(): Record<string, unknown> {
    return { errors: this.errors };
  }
}

/**
 * The registration names a procedure that has no published version: its webhook would never fire, and a typo
 * in the code would go unnoticed until the portal missed every event. → 422, naming the procedure.
 */
export class UnknownWebhookProcedure extends DomainError {
  readonly kind = 'unprocessable';
  readonly code = 'unknown-procedure';
  constructor(readonly procedureCode: string) {
    super(`No procedure ${procedureCode} has been published: a webhook for it would never be called.`);
    this.name = 'UnknownWebhookProcedure';
  }
  override details(): Record<string, unknown> {
    return {
      detailVi: `Không có thủ tục ${this.procedureCode} đã công bố.`,
      procedureCode: this.procedureCode,
      errors: [{ path: '/procedureCode', message: `no procedure ${this.procedureCode} has been published` }],
    };
  }
}
