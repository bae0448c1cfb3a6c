// Messages as the whole engine sees them: readonly { type, data, metadata }. Time, ids and the actor
// arrive from outside (metadata), never from a clock inside the domain.

export interface Actor {
  readonly id: string;
  readonly role: string;
  readonly agency?: string;
}

export interface EventMetadata {
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly actor?: Actor;
  readonly commandId?: string;
  /** True for events written by the historical import: real past timestamps, not live activity. */
  readonly imported?: boolean;
  readonly [key: string]: unknown;
}

export interface NewEvent<Data = unknown> {
  readonly type: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** Business time: when it happened in the world (may be in the past for imported events). */
  readonly occurredAt: Date;
  readonly schemaVersion?: number;
  readonly eventId?: string;
}

/**
 * Where an event sits in the global log. Readers order by (transactionId, position): see
 * docs/adr/0001-event-store.md for why that order never skips a late-committing writer.
 */
export interface LogPosition {
  readonly transactionId: string;
  readonly position: string;
}

export interface RecordedEvent<Data = unknown> {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly streamId: string;
  readonly streamType: string;
  readonly streamVersion: number;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
  readonly logPosition: LogPosition;
}

/** The stream's current version (0: it must not exist yet), or `'any'` to skip the check. */
export type ExpectedVersion = number | 'any';
export const NO_STREAM = 0;

export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  const tx = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (tx !== 0n) return tx < 0n ? -1 : 1;
  const pos = BigInt(a.position) - BigInt(b.position);
  return pos === 0n ? 0 : pos < 0n ? -1 : 1;
}

export const LOG_START: LogPosition = { transactionId: '0', position: '0' };
