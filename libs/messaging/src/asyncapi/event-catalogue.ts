// Every event type the engine publishes, as plain data: its stream type, name, schema version, meaning in
// English and Vietnamese, and the JSON Schema of its `data`. The AsyncAPI document is built from it.
//
// Evolution: consumers must ignore members they do not know (data objects are open). Adding an optional
// member keeps the schema version; any other change is a new schema version, hence a new CloudEvents type.
import { cloudEventType } from '../cloud-event-mapping';
import type { EventCatalogueEntry, EventStreamType } from './catalogue-entry';
import { DOSSIER_EVENTS } from './dossier-event-schemas';
import { ADMINISTRATIVE_UNIT_EVENTS, AGENCY_EVENTS, PROCEDURE_EVENTS } from './registry-event-schemas';

export type { EventCatalogueEntry, EventStreamType } from './catalogue-entry';
export type { JsonSchema } from './json-schema';

export const EVENT_CATALOGUE: readonly EventCatalogueEntry[] = [
  ...DOSSIER_EVENTS,
  ...PROCEDURE_EVENTS,
  ...AGENCY_EVENTS,
  ...ADMINISTRATIVE_UNIT_EVENTS,
];

/** What each stream type is about; `calendar` is a reserved topic on which no event type is published yet. */
export const STREAM_DESCRIPTIONS: Readonly<Record<EventStreamType, { summary: string; titleVi: string }>> = {
  dossier: {
    summary: 'The life of each dossier, from submission to the returned result (one stream per dossier).',
    titleVi: 'Hồ sơ thủ tục hành chính',
  },
  procedure: {
    summary: 'Procedure definitions: drafts, published versions, retirement (one stream per procedure code).',
    titleVi: 'Quy trình thủ tục hành chính',
  },
  agency: {
    summary: 'The agency directory, time-versioned (one stream per agency code).',
    titleVi: 'Danh mục cơ quan',
  },
  'administrative-unit': {
    summary: 'Provinces, districts and communes, time-versioned with mergers (one stream per unit code).',
    titleVi: 'Đơn vị hành chính',
  },
  calendar: {
    summary: 'Official working-day calendars. Reserved: no event type is published on it yet.',
    titleVi: 'Lịch làm việc chính thức',
  },
  'applicant-key': {
    summary:
      'Erasures of applicants’ personal data: ApplicantDataErased { keyId, erasedAt, reference } when a data key is destroyed (crypto-shredding; see SECURITY.md). Not yet in the message catalogue.',
    titleVi: 'Xóa dữ liệu cá nhân của người nộp',
  },
};

/** The CloudEvents `type` of an entry, e.g. `vn.tthc.dossier.received.v1`. */
export function catalogueCloudEventType(entry: EventCatalogueEntry): string {
  return cloudEventType(entry.streamType, entry.eventType, entry.schemaVersion);
}

export function catalogueEntriesOf(streamType: string): EventCatalogueEntry[] {
  return EVENT_CATALOGUE.filter((entry) => entry.streamType === streamType);
}

export function findCatalogueEntry(
  eventType: string,
  schemaVersion: number,
): EventCatalogueEntry | undefined {
  return EVENT_CATALOGUE.find((e) => e.eventType === eventType && e.schemaVersion === schemaVersion);
}
