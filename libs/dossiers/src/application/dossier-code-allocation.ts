// docs/domain/lifecycle-and-forms.md: the dossier code `<unit code>-YYMMDD-XXXX` is given on receipt: the receiving unit's code, the
// LOCAL date of the legal receipt instant (the one printed on form 01) and the unit's daily sequence.
//
// How a receipt gets its number (see ReceiveDossier in perform-dossier-action.handler.ts):
// 1. decide once with a provisional code, inside the command's transaction: this checks that the dossier may
//    be received now and tells the legal receipt instant (for an online dossier that is its submission,
//    which may be an earlier day than the acceptance), without touching the sequence;
// 2. take the next number of (unit, local date) in the SAME transaction (DossierCodeAllocator);
// 3. decide again with the real code; append.
// The counter row stays locked until the transaction ends, so concurrent receipts at one unit take their
// numbers one after the other, each waiting for the previous one's outcome: a rolled-back receipt gives its
// number back (the row reverts) and a committed one keeps it, so a code is never committed without its
// DossierReceived event and numbers come out consecutive. Gaps are tolerated by readers all the same.
import { toLocalDate, type LocalDate } from '../domain/calendar';
import { formatDossierCode, fromInstant, MAX_DAILY_SEQUENCE, type DossierEvent } from '../domain/dossier';
import { DailySequenceExhausted } from './errors';

/** Where the code's number comes from: one counter per receiving unit and local receipt date. */
export interface DossierCodeKey {
  readonly unitCode: string;
  readonly localDate: LocalDate;
}

/** A well-formed code the first decision runs with; never stored (the second decision replaces it). */
export function provisionalCode(unitCode: string, now: Date): string {
  return formatDossierCode(unitCode, toLocalDate(now), 1);
}

/** The counter a receipt draws from, read off the provisional decision's DossierReceived event. */
export function codeKeyOf(unitCode: string, events: readonly DossierEvent[]): DossierCodeKey {
  const received = events.find((event) => event.type === 'DossierReceived');
  if (received === undefined) throw new Error('Invariant: a ReceiveDossier decision without DossierReceived');
  return { unitCode, localDate: toLocalDate(fromInstant(received.data.receivedAt)) };
}

/** @throws DailySequenceExhausted after 9999 receipts of one unit on one day. */
export function dossierCodeFor(key: DossierCodeKey, sequence: number): string {
  if (sequence > MAX_DAILY_SEQUENCE) throw new DailySequenceExhausted(key.unitCode, key.localDate);
  return formatDossierCode(key.unitCode, key.localDate, sequence);
}
