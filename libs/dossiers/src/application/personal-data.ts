// Personal data on the read side: masking, the citizen lookup's verification hashes, and the one rule that
// decides who sees the applicant in full. Authorization proper (authenticated officials, scopes) is a later
// issue; until then `canSeePersonalData` is the single place that decides, so it can be replaced in one go.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApplicantDetails } from '../domain/dossier';

/** Who reads: the actor the HTTP layer hands in (X-Actor-* headers until authentication lands). */
export interface ReadingActor {
  readonly id: string;
  readonly role: string;
  readonly agency?: string;
}

/** Roles that are never officials, whatever agency header they send. */
const NON_OFFICIAL_ROLES: ReadonlySet<string> = new Set(['anonymous', 'citizen', 'integration']);

/**
 * Full personal data only to an official of the dossier's (competent) agency; everyone else gets it masked.
 * A liên thông partner agency sees masked data until authorization lands (issue 8).
 */
export function canSeePersonalData(actor: ReadingActor, dossierAgencyCode: string): boolean {
  return (
    !NON_OFFICIAL_ROLES.has(actor.role) && actor.agency !== undefined && actor.agency === dossierAgencyCode
  );
}

const words = (value: string): string[] => value.normalize('NFC').trim().split(/\s+/).filter(Boolean);
const firstLetter = (word: string): string => Array.from(word)[0] ?? '';

/**
 * `Nguyễn Văn An` → `Nguyễn V*** A**`: the family name stays (it says little on its own), every other word
 * keeps its first letter. The stars have a fixed length so the mask does not tell how long a name is.
 */
export function maskName(name: string): string {
  const parts = words(name);
  if (parts.length === 0) return '';
  if (parts.length === 1) return `${firstLetter(parts[0])}**`;
  const [family, ...rest] = parts;
  return [
    family,
    ...rest.map((word, i) => `${firstLetter(word)}${i === rest.length - 1 ? '**' : '***'}`),
  ].join(' ');
}

/** All but the last `visible` characters become `*`: `079203001123` → `*********123`. */
export function maskTail(value: string, visible = 3): string {
  const chars = Array.from(value.trim());
  if (chars.length <= visible) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - visible) + chars.slice(chars.length - visible).join('');
}

/** `an.nguyen@example.vn` → `a***@example.vn`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskTail(email, 0);
  return `${firstLetter(email)}***${email.slice(at)}`;
}

/** Only the last part (usually the province) stays: `12 Lê Lợi, Khánh Trung, Khánh Hòa` → `***, Khánh Hòa`. */
export function maskAddress(address: string): string {
  const parts = address
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length <= 1 ? '***' : `***, ${parts[parts.length - 1]}`;
}

export type ApplicantView = ApplicantDetails;

/**
 * What an applicant reads as once their data key was destroyed (crypto-shredding). `[erased]` can never be a
 * real national ID (the API accepts letters and digits only), so it also marks the erased state.
 */
export const ERASED = '[erased]';
export const ERASED_APPLICANT: ApplicantDetails = { name: ERASED, nationalId: ERASED };

export const isErasedApplicant = (applicant: ApplicantDetails): boolean => applicant.nationalId === ERASED;

/** full: an entitled official; masked: everyone else; erased: nobody can see it any more. */
export type PersonalDataAccess = 'full' | 'masked' | 'erased';

export function maskApplicant(applicant: ApplicantDetails): ApplicantView {
  return {
    name: maskName(applicant.name),
    nationalId: maskTail(applicant.nationalId),
    ...(applicant.phone === undefined ? {} : { phone: maskTail(applicant.phone.replace(/\s+/g, '')) }),
    ...(applicant.email === undefined ? {} : { email: maskEmail(applicant.email) }),
    ...(applicant.address === undefined ? {} : { address: maskAddress(applicant.address) }),
  };
}

/** The applicant as this actor may see it, and whether it is masked. */
export function presentApplicant(
  actor: ReadingActor,
  dossierAgencyCode: string,
  applicant: ApplicantDetails,
): { readonly applicant: ApplicantView; readonly personalData: PersonalDataAccess } {
  if (isErasedApplicant(applicant)) return { applicant: ERASED_APPLICANT, personalData: 'erased' };
  return canSeePersonalData(actor, dossierAgencyCode)
    ? { applicant, personalData: 'full' }
    : { applicant: maskApplicant(applicant), personalData: 'masked' };
}

// ---- Citizen lookup ------------------------------------------------------------------------------------

/** National ID: letters upper-cased, separators dropped (`079 203 001 123` = `079203001123`). */
export function normaliseNationalId(value: string): string {
  return value.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Vietnamese phone numbers: digits only, the country code +84 / 84 read as the leading 0. */
export function normalisePhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

/**
 * sha256 over the dossier id and the normalised value. The dossier id salts it, so equal phone numbers give
 * different hashes on different dossiers and a leaked table cannot be joined on them; it does not make a
 * 10-digit phone number unguessable, which is why the lookup also needs the dossier code.
 */
export function verificationHash(dossierId: string, kind: 'national-id' | 'phone', value: string): string {
  return createHash('sha256').update(`${dossierId}\n${kind}\n${value}`).digest('hex');
}

/** What the read model keeps for the lookup: one hash per detail the applicant gave. */
export function verificationHashes(dossierId: string, applicant: ApplicantDetails): string[] {
  const hashes = [verificationHash(dossierId, 'national-id', normaliseNationalId(applicant.nationalId))];
  const phone = applicant.phone === undefined ? '' : normalisePhone(applicant.phone);
  if (phone !== '') hashes.push(verificationHash(dossierId, 'phone', phone));
  return hashes;
}

/** Whether what the citizen typed (a phone number or the national ID) matches one of the stored hashes. */
export function matchesVerification(dossierId: string, stored: readonly string[], input: string): boolean {
  const candidates = [
    verificationHash(dossierId, 'national-id', normaliseNationalId(input)),
    verificationHash(dossierId, 'phone', normalisePhone(input)),
  ];
  let found = false;
  // Compare every pair in constant time, so the answer's timing does not say which detail nearly matched.
  for (const hash of stored) {
    for (const candidate of candidates) {
      if (hash.length === candidate.length && timingSafeEqual(Buffer.from(hash), Buffer.from(candidate))) {
        found = true;
      }
    }
  }
  return found;
}
