// Bearer tokens: verification of every issuer the engine trusts, and minting for the local issuer (the
// development CLI and the tests' helper). Claims: `sub` = the actor id, `role`, and the scopes `agency`
// (officials) and `area` (analysts); `iss`, `exp`, `iat` and, when AUTH_JWT_AUDIENCE is set, `aud` are checked.
// `iat` bounds what a token may be: issued no later than now (plus AUTH_JWT_CLOCK_SKEW_MS for the issuer's
// clock), and living no longer than AUTH_JWT_MAX_LIFETIME_MS (exp − iat). A token minted for ten years, or
// "issued" next week, is what a stolen signing key or a careless issuer produces: refused either way.
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { AuthConfig } from '../config/app-config';
import { ROLE_NAME, ROLES, type Principal } from './roles';

/** Asymmetric algorithms accepted from an external issuer's key set. */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
const SCOPE_CODE = /^[A-Za-z0-9._-]{1,64}$/;

export class InvalidCredentials extends Error {}

function claim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' ? value : undefined;
}

/** The principal a verified token names; refuses tokens that name no one or claim the engine's own role. */
export function principalFromClaims(payload: JWTPayload): Principal {
  const id = payload.sub;
  const role = claim(payload, 'role');
  if (!id || id.length > 200) throw new InvalidCredentials('the token names no subject (sub)');
  if (!role || !ROLE_NAME.test(role) || role === ROLES.system || role === ROLES.anonymous) {
    throw new InvalidCredentials('the token carries no usable role claim');
  }
  const agency = claim(payload, 'agency');
  const area = claim(payload, 'area');
  for (const [name, value] of [
    ['agency', agency],
    ['area', area],
  ] as const) {
    if (value !== undefined && !SCOPE_CODE.test(value))
      throw new InvalidCredentials(`malformed ${name} claim`);
  }
  return {
    id,
    role,
    ...(agency === undefined ? {} : { agency }),
    ...(area === undefined ? {} : { area }),
  };
}

/**
 * Refuses a signature-checked payload whose `iat` lies in the future beyond the allowed clock skew, or whose
 * lifetime (exp − iat) is longer than allowed. jose checks `exp`; `iat` is required by the verification.
 */
export function checkTokenTimes(
  payload: JWTPayload,
  limits: Pick<AuthConfig, 'maxTokenLifetimeMs' | 'clockSkewMs'>,
  nowMs: number,
): void {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') {
    throw new InvalidCredentials('the token carries no issue time (iat) or expiry (exp)');
  }
  if (iat * 1000 > nowMs + limits.clockSkewMs) {
    throw new InvalidCredentials('the token claims to be issued in the future (iat)');
  }
  if ((exp - iat) * 1000 > limits.maxTokenLifetimeMs) {
    throw new InvalidCredentials(
      `the token lives longer than the ${Math.floor(limits.maxTokenLifetimeMs / 1000)} s allowed (exp - iat)`,
    );
  }
}

/** Tokens remembered at most; an integration or a busy official sends the same one with every request. */
const VERIFIED_CACHE_SIZE = 10_000;

export class TokenVerifier {
  private readonly remoteKeys?: JWTVerifyGetKey;
  /**
   * Tokens that verified, until their expiry. Checking the signature again on every request took about 7%
   * of the engine's CPU under load (the benchmark's profile); the token string, signature included, is
   * the key, so a cached answer is one the signature check already gave.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(
    private readonly auth: AuthConfig,
    private readonly localSecret: Uint8Array | undefined,
    private readonly now: () => number = Date.now,
  ) {
    if (auth.jwks) this.remoteKeys = createRemoteJWKSet(new URL(auth.jwks.url));
  }

  /** @throws InvalidCredentials for any token that does not verify against a trusted issuer. */
  async verify(token: string): Promise<Principal> {
    const cached = this.verified.get(token);
    if (cached !== undefined) {
      if (this.now() < cached.expiresAtMs) return cached.principal;
      this.verified.delete(token);
    }
    const { principal, expiresAtMs } = await this.verifySignature(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      // The oldest entry goes first (a Map iterates in insertion order).
      this.verified.delete(this.verified.keys().next().value as string);
    }
    this.verified.set(token, { principal, expiresAtMs });
    return principal;
  }

  private async verifySignature(token: string): Promise<{ principal: Principal; expiresAtMs: number }> {
    let algorithm: string | undefined;
    try {
      algorithm = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidCredentials('the bearer token is not a JWT');
    }
    const audience = this.auth.jwtAudience;
    try {
      if (algorithm === 'HS256' && this.localSecret) {
        const { payload } = await jwtVerify(token, this.localSecret, {
          algorithms: ['HS256'],
          issuer: this.auth.jwtIssuer,
          requiredClaims: ['exp', 'iat', 'sub'],
          currentDate: new Date(this.now()),
          ...(audience ? { audience } : {}),
        });
        checkTokenTimes(payload, this.auth, this.now());
        return { principal: principalFromClaims(payload), expiresAtMs: (payload.exp as number) * 1000 };
      }
      if (this.remoteKeys && this.auth.jwks && algorithm && JWKS_ALGORITHMS.includes(algorithm)) {
        const { payload } = await jwtVerify(token, this.remoteKeys, {
          algorithms: JWKS_ALGORITHMS,
          issuer: this.auth.jwks.issuer,
          requiredClaims: ['exp', 'iat', 'sub'],
          currentDate: new Date(this.now()),
          ...(audience ? { audience } : {}),
        });
        checkTokenTimes(payload, this.auth, this.now());
        return { principal: principalFromClaims(payload), expiresAtMs: (payload.exp as number) * 1000 };
      }
    } catch (error) {
      if (error instanceof InvalidCredentials) throw error;
      throw new InvalidCredentials(`the bearer token was refused (${(error as Error).message})`);
    }
    throw new InvalidCredentials(`no trusted issuer signs with ${algorithm ?? 'no algorithm'}`);
  }
}

/** A token of the local issuer (development CLI, tests). Production callers get theirs from an identity provider. */
export function mintToken(
  secret: Uint8Array,
  principal: Principal,
  options: { issuer: string; audience?: string; ttlSeconds: number },
): Promise<string> {
  const claims: Record<string, string> = { role: principal.role };
  if (principal.agency !== undefined) claims.agency = principal.agency;
  if (principal.area !== undefined) claims.area = principal.area;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.id)
    .setIssuer(options.issuer)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + options.ttlSeconds);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(secret);
}
