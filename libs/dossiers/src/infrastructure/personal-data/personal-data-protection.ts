// Personal data in dossier events, sealed on the way into the event store and opened on the way out.
//
// Which fields: the applicant (name, national ID, phone, email, address) and every form-data payload (the
// application form holds the same details again, and those of other people, e.g. an intended spouse). Names
// are sealed too: a name with the procedure, agency and date identifies a person as well as an ID number does,
// and erasure must leave nothing that points back to them. What stays clear is what statistics need: ids,
// procedure, version, agency, channel, levels, every instant and deadline, attachments' descriptions.
//
// Stored form of a sealed field: `{ "$sealed": SealedValue }`; the applicant also carries `lookup`, the
// citizen lookup's verification codes (HMAC under the applicant's data key, so they die with the key). Events
// written before sealing existed are read as they are (clear), never rewritten.
//
// On read, a field whose key was destroyed opens as the erased placeholder (ERASED_APPLICANT, empty form
// data); a field that fails authentication is an error, never silently "erased".
import { timingSafeEqual } from 'node:crypto';
import type { NewEvent, Queryable, RecordedEvent, Statement } from '@tthc/event-store';
import type { ApplicantDetails } from '../../domain/dossier';
import {
  ERASED_APPLICANT,
  matchesVerification,
  normaliseNationalId,
  normalisePhone,
} from '../../application/personal-data';
import type { ApplicantKeyring, DataKey } from './applicant-keyring';
import { isSealedValue, keyedHash, open, seal, type SealedValue } from './personal-data-cipher';

/** The fields sealed per event type. */
export const SEALED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  DossierSubmitted: ['applicant', 'formData'],
  DossierCompleted: ['formData'],
  SupplementProvided: ['formData'],
};

export interface SealedField {
  readonly $sealed: SealedValue;
  /** Only on the applicant: the lookup's verification codes. */
  readonly lookup?: readonly string[];
}

export function isSealedField(value: unknown): value is SealedField {
  return typeof value === 'object' && value !== null && isSealedValue((value as SealedField).$sealed);
}

/** A new event for an applicant whose key was destroyed: nothing can be sealed for them any more. */
export class ApplicantErased extends Error {
  constructor() {
    super('The applicant of this dossier was erased; no personal data can be added to it');
  }
}

const placeOf = (streamId: string, eventType: string, field: string): string =>
  `${streamId}/${eventType}/${field}`;

const ERASED_FIELD: Readonly<Record<string, unknown>> = { applicant: ERASED_APPLICANT, formData: {} };

type Data = Record<string, unknown>;

/** Data keys by applicant reference (ApplicantKeyring.applicantRef). */
export type PreloadedKeys = ReadonlyMap<string, { readonly id: string; readonly key: Buffer }>;

/** Verification codes of one dossier's applicant, salted with the dossier id, keyed by the data key. */
export function lookupCodes(dataKey: Buffer, dossierId: string, applicant: ApplicantDetails): string[] {
  const codes = [
    keyedHash(dataKey, 'lookup', `${dossierId}\nnational-id\n${normaliseNationalId(applicant.nationalId)}`),
  ];
  const phone = applicant.phone === undefined ? '' : normalisePhone(applicant.phone);
  if (phone !== '') codes.push(keyedHash(dataKey, 'lookup', `${dossierId}\nphone\n${phone}`));
  return codes;
}

export class PersonalDataProtection {
  constructor(private readonly keyring: ApplicantKeyring) {}

  /**
   * Seals the personal fields of events about to be appended to `streamId`. `prior` is the stream as stored
   * (sealed): a later event's form data is sealed with the key of the submission that opened the stream.
   */
  async protect(
    streamId: string,
    events: readonly NewEvent[],
    prior: readonly RecordedEvent[],
    runner: Queryable,
    /** Keys loaded beforehand for a batch (preload), by applicant reference. */
    preloaded?: PreloadedKeys,
  ): Promise<NewEvent[]> {
    let key: { id: string; key: Buffer } | undefined;
    const keyOfStream = async (): Promise<{ id: string; key: Buffer }> => {
      if (key !== undefined) return key;
      const submitted = [...prior, ...events].find((event) => event.type === 'DossierSubmitted');
      const applicant = (submitted?.data as Data | undefined)?.applicant;
      if (isSealedField(applicant)) {
        const found = (await this.keyring.keys([applicant.$sealed.kid], runner)).get(applicant.$sealed.kid);
        if (found === undefined || found.key === 'erased') throw new ApplicantErased();
        key = { id: found.id, key: found.key };
      } else if (typeof (applicant as Partial<ApplicantDetails> | undefined)?.nationalId === 'string') {
        const { nationalId } = applicant as ApplicantDetails;
        key =
          preloaded?.get(this.keyring.applicantRef(nationalId)) ??
          (await this.keyring.keyFor(nationalId, runner));
      } else {
        throw new Error(
          `Invariant: personal data on ${streamId} before a DossierSubmitted with an applicant`,
        );
      }
      return key;
    };

    const sealed: NewEvent[] = [];
    for (const event of events) {
      const fields = SEALED_FIELDS[event.type] ?? [];
      const data = event.data as Data;
      const clear = fields.filter((field) => data[field] !== undefined && !isSealedField(data[field]));
      if (clear.length === 0) {
        sealed.push(event);
        continue;
      }
      const { id, key: dataKey } = await keyOfStream();
      const next: Data = { ...data };
      for (const field of clear) {
        const value = seal(dataKey, id, data[field], placeOf(streamId, event.type, field));
        next[field] =
          field === 'applicant' && typeof data.dossierId === 'string'
            ? {
                $sealed: value,
                lookup: lookupCodes(dataKey, data.dossierId, data.applicant as ApplicantDetails),
              }
            : { $sealed: value };
      }
      sealed.push({ ...event, data: next });
    }
    return sealed;
  }

  /** The data keys of a batch of applicants, made where missing, for protect() (the historical import). */
  preload(nationalIds: readonly string[], runner: Queryable): Promise<PreloadedKeys> {
    return this.keyring.keysFor(nationalIds, runner);
  }

  /**
   * The statement (CommandSpec.reads) that makes or reads the data key of a new dossier's applicant in the
   * submission's opening round trip, for keyMadeBy; undefined when the applicant has no national id.
   */
  newApplicantKeyRead(applicant: unknown): Statement | undefined {
    const nationalId = (applicant as Partial<ApplicantDetails> | undefined)?.nationalId;
    return typeof nationalId === 'string' ? this.keyring.keyForStatement(nationalId) : undefined;
  }

  /** protect's `preloaded` from the rows of newApplicantKeyRead (read again if they hold no key). */
  async keyMadeBy(
    applicant: unknown,
    rows: readonly Record<string, unknown>[],
    runner: Queryable,
  ): Promise<PreloadedKeys> {
    const { nationalId } = applicant as ApplicantDetails;
    const key = await this.keyring.keyMadeBy(nationalId, rows, runner);
    return new Map([[this.keyring.applicantRef(nationalId), key]]);
  }

  /** SQL text that reads the key of a dossier's applicant with its stream (reveal's `known`). */
  keyReadWith(streamId: string): Statement {
    return this.keyring.keyReadWith(streamId);
  }

  /**
   * The events with their personal fields opened (or erased); events without sealed fields unchanged.
   * `known`: the rows of keyReadWith, read with the stream.
   */
  async reveal(
    events: readonly RecordedEvent[],
    runner?: Queryable,
    known?: readonly Record<string, unknown>[],
  ): Promise<RecordedEvent[]> {
    const kids = new Set<string>();
    for (const event of events) {
      for (const field of SEALED_FIELDS[event.type] ?? []) {
        const value = (event.data as Data)[field];
        if (isSealedField(value)) kids.add(value.$sealed.kid);
      }
    }
    if (kids.size === 0) return [...events];
    const keys = await this.keyring.keys(kids, runner, known);
    return events.map((event) => {
      const fields = SEALED_FIELDS[event.type] ?? [];
      const data = event.data as Data;
      if (!fields.some((field) => isSealedField(data[field]))) return event;
      const next: Data = { ...data };
      for (const field of fields) {
        const value = data[field];
        if (isSealedField(value)) {
          next[field] = openField(
            keys.get(value.$sealed.kid),
            value,
            placeOf(event.streamId, event.type, field),
            field,
          );
        }
      }
      return { ...event, data: next };
    });
  }

  /** Applicants as stored in the read model (sealed or, before sealing, clear), opened or erased. */
  async revealApplicants(
    rows: readonly { readonly streamId: string; readonly applicant: unknown }[],
  ): Promise<ApplicantDetails[]> {
    const kids = rows.flatMap((row) => (isSealedField(row.applicant) ? [row.applicant.$sealed.kid] : []));
    const keys = await this.keyring.keys(kids);
    return rows.map((row) =>
      isSealedField(row.applicant)
        ? (openField(
            keys.get(row.applicant.$sealed.kid),
            row.applicant,
            placeOf(row.streamId, 'DossierSubmitted', 'applicant'),
            'applicant',
          ) as ApplicantDetails)
        : (row.applicant as ApplicantDetails),
    );
  }

  /**
   * The citizen lookup: whether `input` (phone number or national ID) matches the stored codes. Sealed
   * applicants are checked with their data key (an erased one matches nothing); older rows with the
   * unkeyed hashes of personal-data.ts.
   */
  async matchesLookup(
    dossierId: string,
    storedApplicant: unknown,
    storedHashes: readonly string[],
    input: string,
  ): Promise<boolean> {
    if (!isSealedField(storedApplicant)) return matchesVerification(dossierId, storedHashes, input);
    const found = (await this.keyring.keys([storedApplicant.$sealed.kid])).get(storedApplicant.$sealed.kid);
    const dataKey = found === undefined || found.key === 'erased' ? undefined : found.key;
    const stored = storedApplicant.lookup ?? [];
    if (dataKey === undefined) return false;
    const candidates = [
      keyedHash(dataKey, 'lookup', `${dossierId}\nnational-id\n${normaliseNationalId(input)}`),
      keyedHash(dataKey, 'lookup', `${dossierId}\nphone\n${normalisePhone(input)}`),
    ];
    return constantTimeIncludes(stored, candidates);
  }
}

function openField(key: DataKey | undefined, value: SealedField, place: string, field: string): unknown {
  if (key === undefined || key.key === 'erased') return ERASED_FIELD[field] ?? null;
  return open(key.key, value.$sealed, place);
}

/** Every pair compared in constant time, so the timing does not say which detail nearly matched. */
function constantTimeIncludes(stored: readonly string[], candidates: readonly string[]): boolean {
  let found = false;
  for (const hash of stored) {
    for (const candidate of candidates) {
      if (hash.length === candidate.length && timingSafeEqual(Buffer.from(hash), Buffer.from(candidate))) {
        found = true;
      }
    }
  }
  return found;
}
