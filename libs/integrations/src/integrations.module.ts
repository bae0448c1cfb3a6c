import { Module } from '@nestjs/common';
import { WebhooksController } from './api/webhooks.controller';
import { DeadLetters } from './application/dead-letters';
import { WebhookRegistrations } from './application/webhook-registrations';
import { WebhookDispatcherService } from './infrastructure/webhook-dispatcher';

export const INTEGRATION_CONTROLLERS = [WebhooksController];
export const INTEGRATION_SERVICES = [WebhookRegistrations, DeadLetters, WebhookDispatcherService];

/**
 * Integrations: webhook endpoints and their deliveries. Needs the platform (database, config); its
 * projection (WebhookDeliveryProjection) and migration are listed by the app (apps/engine/src/composition.ts).
 * The dispatcher runs wherever this module is (engine, api) unless WEBHOOKS_DISPATCH_ENABLED=false.
 */
@Module({
  controllers: INTEGRATION_CONTROLLERS,
  providers: INTEGRATION_SERVICES,
})
export class IntegrationsModule {}
