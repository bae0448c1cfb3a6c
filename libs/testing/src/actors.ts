// Who a test request comes from. Every test builds its caller's headers here and nowhere else: a bearer
// token of the engine's local issuer, signed with the secret the test run gives every engine it starts
// (AUTH_JWT_SECRET, set by the Jest global setup and inherited by startEngine's child processes).
//
// Signed here with node:crypto rather than with jose (which the engine verifies with): `actorHeaders` is
// synchronous and is called at module scope by fixtures, and jose's signing is asynchronous. An HS256
// JWT is three base64url parts and one HMAC; the engine's jose verification checks every one of them.
import { createHmac } from 'node:crypto';

export interface TestActor {
  readonly id: string;
  readonly role: string;
  readonly agency?: string;
  /** An analyst's administrative area. */
  readonly area?: string;
}

/** The secret of test runs when AUTH_JWT_SECRET is not set; never used outside tests. */
export const TEST_JWT_SECRET = 'tthc-test-only-signing-secret-0123456789abcdef';
/** The engine's default local issuer (AUTH_JWT_ISSUER). */
export const TEST_JWT_ISSUER = 'tthc-engine';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export interface TokenOptions {
  readonly secret?: string;
  readonly issuer?: string;
  /** Seconds from now; negative for an expired token. Default 12 hours. */
  readonly expiresIn?: number;
  /** The issue time (iat) in seconds from now; positive for a token "issued" in the future. Default 0. */
  readonly issuedIn?: number;
}

/** A signed HS256 token for the actor (the engine's claims: sub, role, agency, area, iss, iat, exp). */
export function actorToken(actor: TestActor, options: TokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, string | number> = {
    sub: actor.id,
    role: actor.role,
    iss: options.issuer ?? TEST_JWT_ISSUER,
    iat: now + (options.issuedIn ?? 0),
    exp: now + (options.expiresIn ?? 12 * 3600),
  };
  if (actor.agency !== undefined) payload.agency = actor.agency;
  if (actor.area !== undefined) payload.area = actor.area;
  const signed = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
  const secret = options.secret ?? process.env.AUTH_JWT_SECRET ?? TEST_JWT_SECRET;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

export function actorHeaders(actor: TestActor): Record<string, string> {
  return { authorization: `Bearer ${actorToken(actor)}` };
}
