import type { STREAM_TYPES } from '../topics';
import type { JsonSchema } from './json-schema';

export type EventStreamType = (typeof STREAM_TYPES)[number];

/** One event type as published: what it means, in English and Vietnamese, and the schema of its `data`. */
export interface EventCatalogueEntry {
  readonly streamType: EventStreamType;
  /** The event type as stored, e.g. `DossierReceived` (the CloudEvent's `tthceventtype`). */
  readonly eventType: string;
  readonly schemaVersion: number;
  /** One English sentence. */
  readonly summary: string;
  /** Vietnamese title. */
  readonly titleVi: string;
  /** JSON Schema (draft-07) of the CloudEvent's `data`. */
  readonly dataSchema: JsonSchema;
}

/** Entries of one stream type; every event is at schema version 1 unless it says otherwise. */
export function streamEvents(
  streamType: EventStreamType,
  events: Readonly<
    Record<string, { summary: string; titleVi: string; data: JsonSchema; schemaVersion?: number }>
  >,
): EventCatalogueEntry[] {
  return Object.entries(events).map(([eventType, { summary, titleVi, data, schemaVersion }]) => ({
    streamType,
    eventType,
    schemaVersion: schemaVersion ?? 1,
    summary,
    titleVi,
    dataSchema: data,
  }));
}
