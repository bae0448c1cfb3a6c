/** Integrations, pure domain: webhook signatures, the retry schedule, the portal status mapping. */
export * from './domain/webhook-signature';
export * from './domain/retry-schedule';
export * from './domain/portal-status';
export * from './domain/webhook-subscription';

// Application, delivery queue and HTTP API (see integrations.module.ts).
export { IntegrationsModule } from './integrations.module';
export { Webhooks1763780001000 } from './infrastructure/migrations/1763780001000-webhooks';
export { WebhookDeliveryProjection } from './infrastructure/webhook-delivery.projection';
export { WebhookDispatcher, WEBHOOK_CONTENT_TYPE } from './infrastructure/webhook-dispatcher';
export { webhookPayload, type WebhookData } from './application/webhook-payload';
export {
  startWebhookReceiver,
  type ReceivedDelivery,
  type WebhookReceiver,
} from './infrastructure/webhook-receiver';
