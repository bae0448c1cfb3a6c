export * from './domain/event';
export * from './domain/errors';
export * from './domain/upcasting';
export * from './infrastructure/transaction';
export * from './infrastructure/postgres-event-store';
export * from './infrastructure/command-executor';
export * from './infrastructure/command-transaction';
export {
  queryStatement,
  sqlLiteral,
  use,
  type PreparedStatement,
  type PreparedUse,
  type Statement,
} from './infrastructure/sql-text';
export { EventStore1763780000000 } from './infrastructure/migrations/1763780000000-event-store';
export * from './subscriptions/projection';
export * from './subscriptions/recordset';
export * from './subscriptions/checkpoints';
export * from './subscriptions/log-notifications';
export * from './subscriptions/log-catch-up';
export * from './subscriptions/log-subscription';
export * from './subscriptions/rebuild';
export * from './event-store.module';
export * from './audit/audit-trail.projection';
export { AuditTrail1763780000100 } from './audit/1763780000100-audit-trail';
export { AuditTrailStreamKey1763780005000 } from './audit/1763780005000-audit-trail-stream-key';
export * from './api/audit.controller';
