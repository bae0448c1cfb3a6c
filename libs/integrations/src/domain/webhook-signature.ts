// Signing webhook deliveries the Standard Webhooks way (https://www.standardwebhooks.com): headers
// `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`, the signature being
// `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`. Secrets are `whsec_<base64 key>`.
//
// Why this convention rather than our own header: receivers can verify with any Standard Webhooks library
// in their language, and the id + timestamp inside the signed content make a captured request useless
// after the tolerance window (replay protection) and impossible to re-target at another message.
//
// Rotation: while a previous secret is still in its grace period the sender signs with both, space
// separated (`v1,<new> v1,<old>`), so a receiver that has not yet switched keeps accepting deliveries.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
/** How far a delivery's timestamp may be from the receiver's clock (Standard Webhooks suggests 5 minutes). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface SignedHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('A webhook secret starts with whsec_');
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

/** A secret from random bytes the caller supplies (the domain takes no randomness of its own). */
export function secretFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 24) throw new Error('A webhook secret needs at least 24 random bytes');
  return SECRET_PREFIX + Buffer.from(bytes).toString('base64');
}

export function signature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/** The headers of one delivery attempt, signed with every secret currently valid (newest first). */
export function signDelivery(
  secrets: readonly string[],
  id: string,
  timestampSeconds: number,
  body: string,
): SignedHeaders {
  if (secrets.length === 0) throw new Error('A delivery needs at least one secret');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((s) => signature(s, id, timestampSeconds, body)).join(' '),
  };
}

export type Verification =
  | { readonly valid: true; readonly id: string; readonly timestampSeconds: number }
  | {
      readonly valid: false;
      readonly reason: 'missing-headers' | 'timestamp-out-of-tolerance' | 'no-matching-signature';
    };

/**
 * What a receiver does: the timestamp must be within the tolerance of its own clock (`nowSeconds`), and
 * at least one `v1` signature must match one of its secrets. Comparison is constant-time.
 */
export function verifyDelivery(
  secrets: readonly string[],
  headers: Partial<Record<keyof SignedHeaders, string | undefined>>,
  body: string,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): Verification {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) {
    return { valid: false, reason: 'missing-headers' };
  }
  const timestampSeconds = Number(timestamp);
  if (Math.abs(nowSeconds - timestampSeconds) > toleranceSeconds) {
    return { valid: false, reason: 'timestamp-out-of-tolerance' };
  }
  const offered = signatures
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  for (const secret of secrets) {
    const expected = Buffer.from(signature(secret, id, timestampSeconds, body).slice(3), 'base64');
    if (offered.some((o) => o.length === expected.length && timingSafeEqual(o, expected))) {
      return { valid: true, id, timestampSeconds };
    }
  }
  return { valid: false, reason: 'no-matching-signature' };
}
