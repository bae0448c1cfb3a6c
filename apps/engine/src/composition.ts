// What the apps are made of: every context's migrations and projections, in one list each, so the
// engine, the api and the projector always agree on the schema and the read models.
import {
  AuditController,
  AuditTrail1763780000100,
  AuditTrailProjection,
  AuditTrailStreamKey1763780005000,
  EventStore1763780000000,
} from '@tthc/event-store';
import { AsyncApiController } from '@tthc/messaging';
import {
  AnalyticsDailyCounts1763780000910,
  AnalyticsDailySavings1763780004000,
  AnalyticsAwaitingCollection1763780004100,
  AnalyticsApplicantLocality1763780006000,
  AnalyticsFacts1763780000900,
  AnalyticsModule,
  DossierFactsProjection,
} from '@tthc/analytics';
import { ApiKeys1763780003000 } from '@tthc/platform';
import {
  DossierCodeSequences1763780000500,
  DossierReadModelProjection,
  DossierReadModels1763780000510,
  ApplicantKeys1763780000520,
  DossiersModule,
  DossierTimelineStreamKey1763780005010,
  OfficialCalendars1763780000800,
  OfficialCalendarsProjection,
} from '@tthc/dossiers';
import { IntegrationsModule, WebhookDeliveryProjection, Webhooks1763780001000 } from '@tthc/integrations';
import {
  AgencyDirectory1763780000210,
  AgencyDirectoryProjection,
  ProcedureRegistry1763780000200,
  ProcedureRegistryProjection,
  ProceduresModule,
} from '@tthc/procedures';

export const ALL_MIGRATIONS = [
  EventStore1763780000000,
  AuditTrail1763780000100,
  ProcedureRegistry1763780000200,
  AgencyDirectory1763780000210,
  DossierCodeSequences1763780000500,
  DossierReadModels1763780000510,
  ApplicantKeys1763780000520,
  OfficialCalendars1763780000800,
  AnalyticsFacts1763780000900,
  AnalyticsDailyCounts1763780000910,
  Webhooks1763780001000,
  ApiKeys1763780003000,
  AnalyticsDailySavings1763780004000,
  AnalyticsAwaitingCollection1763780004100,
  AnalyticsApplicantLocality1763780006000,
  AuditTrailStreamKey1763780005000,
  DossierTimelineStreamKey1763780005010,
];
export const ALL_PROJECTIONS = [
  AuditTrailProjection,
  ProcedureRegistryProjection,
  AgencyDirectoryProjection,
  DossierReadModelProjection,
  OfficialCalendarsProjection,
  WebhookDeliveryProjection,
  DossierFactsProjection,
];
export const QUERY_CONTROLLERS = [AuditController, AsyncApiController];
/** Bounded contexts with their own commands, queries and controllers (each imports what it needs). */
export const CONTEXT_MODULES = [ProceduresModule, DossiersModule, IntegrationsModule, AnalyticsModule];
