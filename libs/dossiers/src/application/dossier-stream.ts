// A dossier is one event stream, `dossier-<id>`, of stream type `dossier`. The id is a UUID the engine gives
// at submission; the dossier code (mã hồ sơ) comes later, on receipt.
import type { RecordedEvent } from '@tthc/event-store';
import {
  DOSSIER_EVENT_TYPES,
  evolve,
  initialState,
  type DossierEvent,
  type DossierState,
} from '../domain/dossier';

export const DOSSIER_STREAM_TYPE = 'dossier';
const STREAM_PREFIX = 'dossier-';

export const dossierStreamId = (dossierId: string): string => `${STREAM_PREFIX}${dossierId}`;

export function dossierIdOf(streamId: string): string {
  return streamId.startsWith(STREAM_PREFIX) ? streamId.slice(STREAM_PREFIX.length) : streamId;
}

const KNOWN: ReadonlySet<string> = new Set(DOSSIER_EVENT_TYPES);

/** The stream's dossier events as the decider sees them; other types (none today) are left out. */
export function toDossierEvents(history: readonly RecordedEvent[]): DossierEvent[] {
  return history
    .filter((event) => KNOWN.has(event.type))
    .map((event) => ({ type: event.type, data: event.data }) as DossierEvent);
}

export function foldDossier(events: readonly DossierEvent[]): DossierState {
  return events.reduce(evolve, initialState());
}
