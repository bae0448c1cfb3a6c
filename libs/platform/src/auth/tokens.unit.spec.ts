import { chmodSync, readFileSync, statSync } from 'node:fs';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AuthConfig } from '../config/app-config';
import { demoApiKey, hashApiKey, newApiKey } from './api-keys';
import { isOfficial, isOfficialOf, isSystemAdministrator, mayReadStatisticsOf, provinceOf } from './roles';
import { resolveSigningSecret, signingSecretPath } from './signing-secret';
import { InvalidCredentials, mintToken, principalFromClaims, TokenVerifier } from './tokens';
import { scratchDirectory } from '@tthc/testing';

const SECRET = new TextEncoder().encode('unit-test-secret-unit-test-secret-0123456789');
const auth = (over: Partial<AuthConfig> = {}): AuthConfig => ({
  jwtIssuer: 'tthc-engine',
  demoApiKey: false,
  maxTokenLifetimeMs: 24 * 3600 * 1000,
  clockSkewMs: 60_000,
  ...over,
});

describe('bearer tokens of the local issuer', () => {
  const verifier = new TokenVerifier(auth(), SECRET);
  const specialist = { id: 'officer-tuan', role: 'specialist', agency: '000.31.18.H56' };

  it('given a minted token, when it is verified, then the principal comes back with its scopes', async () => {
    const token = await mintToken(
      SECRET,
      { ...specialist, area: 'H56' },
      { issuer: 'tthc-engine', ttlSeconds: 60 },
    );
    await expect(verifier.verify(token)).resolves.toEqual({ ...specialist, area: 'H56' });
  });

  it.each([
    [
      'another secret',
      () =>
        mintToken(new TextEncoder().encode('x'.repeat(40)), specialist, {
          issuer: 'tthc-engine',
          ttlSeconds: 60,
        }),
    ],
    ['another issuer', () => mintToken(SECRET, specialist, { issuer: 'elsewhere', ttlSeconds: 60 })],
    ['an expired token', () => mintToken(SECRET, specialist, { issuer: 'tthc-engine', ttlSeconds: -10 })],
    [
      'the engine’s own role',
      () => mintToken(SECRET, { id: 'x', role: 'system' }, { issuer: 'tthc-engine', ttlSeconds: 60 }),
    ],
    [
      'alg none',
      async () =>
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"a","role":"leader"}').toString('base64url')}.`,
    ],
    ['not a JWT', async () => 'hello'],
  ])('given %s, when it is verified, then it is refused', async (_, token) => {
    await expect(verifier.verify(await token())).rejects.toBeInstanceOf(InvalidCredentials);
  });

  it('given a token verified once, answers from memory until its expiry, then refuses it', async () => {
    let now = Date.now();
    const cached = new TokenVerifier(auth(), SECRET, () => now);
    const checks = jest.spyOn(cached as unknown as { verifySignature: () => unknown }, 'verifySignature');
    const token = await mintToken(SECRET, specialist, { issuer: 'tthc-engine', ttlSeconds: 60 });
    await expect(cached.verify(token)).resolves.toEqual(specialist);
    await expect(cached.verify(token)).resolves.toEqual(specialist);
    expect(checks).toHaveBeenCalledTimes(1);
    now += 61_000;
    await expect(cached.verify(token)).rejects.toBeInstanceOf(InvalidCredentials);
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it('requires the audience when one is configured', async () => {
    const strict = new TokenVerifier(auth({ jwtAudience: 'tthc-api' }), SECRET);
    const without = await mintToken(SECRET, specialist, { issuer: 'tthc-engine', ttlSeconds: 60 });
    const with_ = await mintToken(SECRET, specialist, {
      issuer: 'tthc-engine',
      audience: 'tthc-api',
      ttlSeconds: 60,
    });
    await expect(strict.verify(without)).rejects.toBeInstanceOf(InvalidCredentials);
    await expect(strict.verify(with_)).resolves.toMatchObject({ id: 'officer-tuan' });
  });

  it('refuses claims that name no subject, no usable role or malformed scopes', () => {
    expect(() => principalFromClaims({ role: 'leader' })).toThrow(InvalidCredentials);
    expect(() => principalFromClaims({ sub: 'a' })).toThrow(InvalidCredentials);
    expect(() => principalFromClaims({ sub: 'a', role: 'Leader!' })).toThrow(InvalidCredentials);
    expect(() => principalFromClaims({ sub: 'a', role: 'leader', agency: 'x y' })).toThrow(
      InvalidCredentials,
    );
  });
});

describe('the issue time and lifetime of a token (iat, exp)', () => {
  const now = Math.floor(Date.now() / 1000);
  const verifier = new TokenVerifier(
    auth({ maxTokenLifetimeMs: 24 * 3600 * 1000, clockSkewMs: 60_000 }),
    SECRET,
  );
  /** A correctly signed token of the local issuer with the given times (seconds; undefined: no such claim). */
  const signed = (iat: number | undefined, exp: number) => {
    const jwt = new SignJWT({ role: 'specialist', agency: '000.31.18.H56' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('officer-tuan')
      .setIssuer('tthc-engine')
      .setExpirationTime(exp);
    if (iat !== undefined) jwt.setIssuedAt(iat);
    return jwt.sign(SECRET);
  };

  it('given a token issued now for 24 hours, or issued within the clock skew, then it is accepted', async () => {
    await expect(verifier.verify(await signed(now, now + 24 * 3600))).resolves.toMatchObject({
      id: 'officer-tuan',
    });
    await expect(verifier.verify(await signed(now + 30, now + 3600))).resolves.toMatchObject({
      id: 'officer-tuan',
    });
  });

  it.each([
    ['issued an hour in the future', now + 3600, now + 7200, /issued in the future/],
    ['living 7 days', now, now + 7 * 24 * 3600, /lives longer than the 86400 s allowed/],
    ['issued long ago and living ten years', now - 3600, now + 10 * 365 * 24 * 3600, /lives longer/],
    ['without an issue time', undefined, now + 3600, /iat/],
  ])('given a token %s, when it is verified, then it is refused', async (_, iat, exp, reason) => {
    const refusal = verifier.verify(await signed(iat, exp));
    await expect(refusal).rejects.toBeInstanceOf(InvalidCredentials);
    await expect(refusal).rejects.toThrow(reason);
  });

  it('takes the bounds from the configuration (AUTH_JWT_MAX_LIFETIME_MS, AUTH_JWT_CLOCK_SKEW_MS)', async () => {
    const strict = new TokenVerifier(auth({ maxTokenLifetimeMs: 3600_000, clockSkewMs: 0 }), SECRET);
    await expect(strict.verify(await signed(now, now + 2 * 3600))).rejects.toThrow(/lives longer/);
    await expect(strict.verify(await signed(now + 30, now + 600))).rejects.toThrow(/in the future/);
    await expect(strict.verify(await signed(now, now + 3600))).resolves.toMatchObject({ id: 'officer-tuan' });
  });
});

describe('bearer tokens of an external issuer (JWKS)', () => {
  let server: Server;
  let url: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    server = createServer((_, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address() as { port: number };
    url = `http://127.0.0.1:${address.port}/jwks.json`;
  });

  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('given a token signed by the identity provider, when verified against its key set, then it is accepted', async () => {
    const verifier = new TokenVerifier(auth({ jwks: { url, issuer: 'https://id.example.vn' } }), undefined);
    const token = await new SignJWT({ role: 'analyst', area: 'H56' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('analyst-an')
      .setIssuer('https://id.example.vn')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(verifier.verify(token)).resolves.toEqual({ id: 'analyst-an', role: 'analyst', area: 'H56' });
    // With no local secret, an HS256 token is refused whatever it claims.
    const local = await mintToken(
      SECRET,
      { id: 'x', role: 'leader', agency: 'A' },
      { issuer: 'tthc-engine', ttlSeconds: 60 },
    );
    await expect(verifier.verify(local)).rejects.toBeInstanceOf(InvalidCredentials);
  });
});

describe('the local signing secret', () => {
  const dataDir = () => {
    const dir = scratchDirectory('tthc-secret-');
    chmodSync(dir, 0o755);
    return dir;
  };

  it('is generated once under DATA_DIR (mode 0600) and read back after a restart', () => {
    const dir = dataDir();
    const first = resolveSigningSecret(auth(), dir);
    expect(first?.source).toBe('generated');
    expect(statSync(signingSecretPath(dir)).mode & 0o777).toBe(0o600);
    expect(readFileSync(signingSecretPath(dir), 'utf8').length).toBeGreaterThanOrEqual(43);
    const second = resolveSigningSecret(auth(), dir);
    expect(second).toEqual({ secret: first?.secret, source: 'data-dir' });
  });

  it('is the configured one when AUTH_JWT_SECRET is set, and none when only JWKS is configured', () => {
    expect(resolveSigningSecret(auth({ jwtSecret: 'c'.repeat(32) }), dataDir())?.source).toBe('configured');
    expect(
      resolveSigningSecret(auth({ jwks: { url: 'https://id/jwks', issuer: 'i' } }), dataDir()),
    ).toBeUndefined();
  });
});

describe('API keys and roles', () => {
  it('makes unguessable keys, hashes them, and derives the sandbox key from the secret', () => {
    const key = newApiKey();
    expect(key).toMatch(/^tthc_[A-Za-z0-9_-]{43}$/);
    expect(newApiKey()).not.toBe(key);
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(demoApiKey(SECRET)).toBe(demoApiKey(SECRET));
    expect(demoApiKey(SECRET)).not.toBe(demoApiKey(new TextEncoder().encode('y'.repeat(40))));
  });

  it('tells officials from the other roles, whatever agency those claim', () => {
    expect(isOfficialOf({ id: 'a', role: 'office-head', agency: 'X' }, 'X')).toBe(true);
    expect(isOfficialOf({ id: 'a', role: 'specialist', agency: 'X' }, 'Y')).toBe(false);
    for (const role of ['integration', 'analyst', 'citizen', 'system-admin', 'administrator', 'anonymous']) {
      expect(isOfficial({ id: 'a', role, agency: 'X' })).toBe(false);
    }
    expect(isSystemAdministrator({ id: 'a', role: 'administrator' })).toBe(true);
  });

  it('scopes statistics: an area analyst to the province, an official to their own province', () => {
    expect(provinceOf('000.31.18.H56')).toBe('H56');
    const analyst = { id: 'a', role: 'analyst', area: 'H56' };
    expect(mayReadStatisticsOf(analyst, '000.00.18.H56')).toBe(true);
    expect(mayReadStatisticsOf(analyst, '000.00.00.H01')).toBe(false);
    expect(mayReadStatisticsOf(analyst, undefined)).toBe(false);
    expect(mayReadStatisticsOf({ id: 'n', role: 'analyst' }, undefined)).toBe(true);
    const official = { id: 'o', role: 'specialist', agency: '000.31.18.H56' };
    expect(mayReadStatisticsOf(official, '000.00.18.H56')).toBe(true);
    expect(mayReadStatisticsOf(official, '000.00.00.H01')).toBe(false);
    expect(mayReadStatisticsOf({ id: 'p', role: 'integration' }, '000.00.18.H56')).toBe(false);
  });
});
