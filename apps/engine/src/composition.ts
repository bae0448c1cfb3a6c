// What the apps are made of: every context's migrations and projections, in one list each, so the
// engine, the api and the projector always agree on the schema and the read models.
import {
  AuditController,
  AuditTrail1763780000100,
  AuditTrailProjection,
  EventStore1763780000000,
} from '@tthc/event-store';

export const ALL_MIGRATIONS = [EventStore1763780000000, AuditTrail1763780000100];
export const ALL_PROJECTIONS = [AuditTrailProjection];
export const QUERY_CONTROLLERS = [AuditController];
