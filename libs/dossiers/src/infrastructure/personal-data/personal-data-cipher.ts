// The cryptography behind crypto-shredding, in plain functions over node:crypto (no framework, no I/O).
//
// Keys: one 256-bit master key from configuration; one random 256-bit data key per applicant, stored only
// wrapped (AES-256-GCM under a key derived from the master key, bound to the data key's id). Personal data in
// event payloads is sealed with the applicant's data key (AES-256-GCM, a fresh 96-bit IV per value), bound by
// its additional authenticated data to the stream, event type and field it belongs to, so a ciphertext moved to
// another dossier or field does not open. Destroying the wrapped data key makes every value sealed with it
// unreadable for good: that is the erasure.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

/** A sealed value as it sits in an event payload (JSON): base64 parts and the id of the data key. */
export interface SealedValue {
  readonly v: 1;
  readonly alg: 'A256GCM';
  /** The applicant data key's id (`applicant_keys.id`). */
  readonly kid: string;
  readonly iv: string;
  readonly ct: string;
  readonly tag: string;
}

export class PersonalDataKeyError extends Error {}

export function isSealedValue(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SealedValue>;
  return (
    v.v === 1 &&
    v.alg === 'A256GCM' &&
    typeof v.kid === 'string' &&
    typeof v.iv === 'string' &&
    typeof v.ct === 'string' &&
    typeof v.tag === 'string'
  );
}

export function assertKey(key: Buffer, what: string): void {
  if (key.length !== KEY_BYTES) throw new PersonalDataKeyError(`${what} must be ${KEY_BYTES} bytes`);
}

/** A key for one purpose derived from the master key (HKDF-SHA256), so one secret never serves two uses. */
export function deriveKey(master: Buffer, purpose: 'applicant-ref' | 'key-wrap'): Buffer {
  assertKey(master, 'The personal-data master key');
  return hkdf(master, `tthc/personal-data/${purpose}`);
}

/**
 * HKDF-SHA256 of `key` for `info`, kept as long as `key` itself lives: a submission derives from the master
 * key and from one data key several times, and node's hkdfSync was 5% of a submission's CPU. Keys are never
 * changed in place, so a kept derivation stays right; it goes with the key it came from.
 */
const derivations = new WeakMap<Buffer, Map<string, Buffer>>();

function hkdf(key: Buffer, info: string): Buffer {
  let byInfo = derivations.get(key);
  if (byInfo === undefined) {
    byInfo = new Map();
    derivations.set(key, byInfo);
  }
  let derived = byInfo.get(info);
  if (derived === undefined) {
    derived = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, KEY_BYTES));
    byInfo.set(info, derived);
  }
  return derived;
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

function encrypt(key: Buffer, plaintext: Buffer, aad: string): { iv: Buffer; ct: Buffer; tag: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ct, tag: cipher.getAuthTag() };
}

/** @throws PersonalDataKeyError when the key is wrong or any byte was changed (GCM authentication). */
function decrypt(key: Buffer, iv: Buffer, ct: Buffer, tag: Buffer, aad: string): Buffer {
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new PersonalDataKeyError('Sealed value is malformed');
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  } catch {
    throw new PersonalDataKeyError('Sealed value does not authenticate (wrong key or tampered data)');
  }
}

/** `v1.<iv>.<ciphertext>.<tag>` (base64url): the data key wrapped under the master key, bound to its id. */
export function wrapDataKey(master: Buffer, keyId: string, dataKey: Buffer): string {
  assertKey(dataKey, 'A data key');
  const { iv, ct, tag } = encrypt(deriveKey(master, 'key-wrap'), dataKey, `applicant-key:${keyId}`);
  return ['v1', iv.toString('base64url'), ct.toString('base64url'), tag.toString('base64url')].join('.');
}

/** @throws PersonalDataKeyError when the master key is not the one that wrapped it, or it was altered. */
export function unwrapDataKey(master: Buffer, keyId: string, wrapped: string): Buffer {
  const [version, iv, ct, tag] = wrapped.split('.');
  if (version !== 'v1' || iv === undefined || ct === undefined || tag === undefined) {
    throw new PersonalDataKeyError(`Wrapped data key ${keyId} is malformed`);
  }
  const key = decrypt(
    deriveKey(master, 'key-wrap'),
    Buffer.from(iv, 'base64url'),
    Buffer.from(ct, 'base64url'),
    Buffer.from(tag, 'base64url'),
    `applicant-key:${keyId}`,
  );
  assertKey(key, 'An unwrapped data key');
  return key;
}

/** Seals any JSON value. `aad` says where the value belongs (stream, event type, field). */
export function seal(dataKey: Buffer, keyId: string, value: unknown, aad: string): SealedValue {
  assertKey(dataKey, 'A data key');
  const { iv, ct, tag } = encrypt(dataKey, Buffer.from(JSON.stringify(value), 'utf8'), aad);
  return {
    v: 1,
    alg: 'A256GCM',
    kid: keyId,
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: tag.toString('base64'),
  };
}

/** @throws PersonalDataKeyError on a wrong key, a wrong place (aad) or any altered byte. */
export function open(dataKey: Buffer, sealed: SealedValue, aad: string): unknown {
  const plaintext = decrypt(
    dataKey,
    Buffer.from(sealed.iv, 'base64'),
    Buffer.from(sealed.ct, 'base64'),
    Buffer.from(sealed.tag, 'base64'),
    aad,
  );
  return JSON.parse(plaintext.toString('utf8')) as unknown;
}

/**
 * HMAC-SHA256 of a normalised value under a key derived from `key`: the applicant reference (keyed by the
 * master key) and the citizen lookup's verification codes (keyed by the applicant's data key, so they stop
 * matching anything once the key is destroyed).
 */
export function keyedHash(key: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', hkdf(key, `tthc/hmac/${purpose}`))
    .update(value, 'utf8')
    .digest('hex');
}
