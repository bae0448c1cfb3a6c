// Which events an integration's endpoint receives: dossier events of one procedure and/or one agency
// (the dossier's competent agency, as on its events), optionally narrowed to chosen event types.
import type { StatusMappingOverride } from './portal-status';

export interface SubscriptionFilter {
  readonly procedureCode: string | null;
  readonly agencyCode: string | null;
  /** Empty: every event type. */
  readonly eventTypes: readonly string[];
}

export interface SubscriptionRoute extends SubscriptionFilter {
  readonly id: string;
  readonly statusMapping: StatusMappingOverride;
}

/** The routing facts of one dossier event (from its metadata). */
export interface RoutableEvent {
  readonly type: string;
  readonly procedureCode?: string;
  readonly agencyCode?: string;
}

export function matches(filter: SubscriptionFilter, event: RoutableEvent): boolean {
  if (filter.procedureCode !== null && filter.procedureCode !== event.procedureCode) return false;
  if (filter.agencyCode !== null && filter.agencyCode !== event.agencyCode) return false;
  return filter.eventTypes.length === 0 || filter.eventTypes.includes(event.type);
}
