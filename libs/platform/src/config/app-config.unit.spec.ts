import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, parseTrustedProxies } from './app-config';
import { keyWeakness, secretWeakness } from './secret-strength';

const STRONG_SECRET = randomBytes(32).toString('hex');
const STRONG_KEY = randomBytes(32).toString('base64');
const production = (over: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: STRONG_SECRET,
  PERSONAL_DATA_MASTER_KEY: STRONG_KEY,
  ...over,
});
/** The one line the process prints (bootstrap.ts), or undefined when the configuration loads. */
const refusal = (env: Record<string, string>): string | undefined => {
  try {
    loadConfig(env);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
};

describe('TRUSTED_PROXIES: whose X-Forwarded-For is believed', () => {
  it('given nothing, then no proxy is trusted (the TCP peer is the client)', () => {
    expect(loadConfig({}).http.trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '  ' }).http.trustedProxies).toEqual([]);
  });

  it('given addresses, CIDR ranges and proxy-addr names, then they are kept as given', () => {
    expect(
      loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 172.30.18.0/24,::1,fd00::/8,loopback' }).http.trustedProxies,
    ).toEqual(['10.0.0.5', '172.30.18.0/24', '::1', 'fd00::/8', 'loopback']);
  });

  it.each([
    ['nginx', /"nginx", which is not an IP address or CIDR range/],
    ['10.0.0.0/33', /"10.0.0.0\/33", which is not an IP address or CIDR range/],
    ['10.0.0.1/8/1', /not an IP address or CIDR range/],
    ['0.0.0.0/0', /"0.0.0.0\/0", which would believe every client/],
    ['::/0', /would believe every client/],
  ])('given %s, then start-up stops naming it', (value, message) => {
    expect(() => parseTrustedProxies(value)).toThrow(ConfigError);
    expect(refusal({ TRUSTED_PROXIES: value })).toMatch(message);
  });
});

describe('weak secrets and keys in production', () => {
  it('given generated ones, then production starts', () => {
    expect(refusal(production())).toBeUndefined();
  });

  it.each([
    [
      'a repeated character',
      'a'.repeat(36),
      /AUTH_JWT_SECRET is too weak for production: it is one character/,
    ],
    ['few distinct characters', 'abcabcabcabcabcabcabcabcabcabcabcabc', /only 3 distinct characters/],
    ['a repeated word', 'tthc-engine!'.repeat(4), /a shorter text repeated/],
    ['a placeholder', 'please-change-me-before-going-live-2025', /placeholder word "changeme"/],
    [
      'the test suite’s secret',
      'tthc-test-only-signing-secret-0123456789abcdef',
      /placeholder word "testonly"/,
    ],
  ])(
    'given %s as AUTH_JWT_SECRET, then start-up stops with one line that does not quote it',
    (_, secret, message) => {
      const line = refusal(production({ AUTH_JWT_SECRET: secret }));
      expect(line).toMatch(message);
      expect(line?.split('\n')).toHaveLength(1);
      expect(line).not.toContain(secret);
    },
  );

  it.each([
    [
      'all zero bytes',
      Buffer.alloc(32).toString('base64'),
      /PERSONAL_DATA_MASTER_KEY is too weak for production: all its bytes are zero/,
    ],
    ['one byte repeated', Buffer.alloc(32, 7).toString('base64'), /all its bytes are the same/],
    ['a typed text', Buffer.from('change-me-change-me-change-me-ch').toString('base64'), /distinct bytes/],
    [
      'a repeated pattern',
      Buffer.from(
        Array.from({ length: 32 }, (_, i) => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16][i % 16]),
      ).toString('base64'),
      /repeated/,
    ],
  ])('given %s as PERSONAL_DATA_MASTER_KEY, then start-up stops naming the key', (_, key, message) => {
    const line = refusal(production({ PERSONAL_DATA_MASTER_KEY: key }));
    expect(line).toMatch(message);
    expect(line).not.toContain(key);
  });

  it('given both weak, then the one line names both', () => {
    const line = refusal(
      production({
        AUTH_JWT_SECRET: 'a'.repeat(36),
        PERSONAL_DATA_MASTER_KEY: Buffer.alloc(32).toString('base64'),
      }),
    );
    expect(line).toMatch(/AUTH_JWT_SECRET is too weak.*; PERSONAL_DATA_MASTER_KEY is too weak/);
  });

  it('given development, then a weak secret is accepted (tests and sandboxes)', () => {
    expect(refusal({ AUTH_JWT_SECRET: 'a'.repeat(36) })).toBeUndefined();
  });

  it('never quotes a secret that fails its format check either', () => {
    const line = refusal({ AUTH_JWT_SECRET: 'hunter2-too-short' });
    expect(line).toMatch(/AUTH_JWT_SECRET must be at least 32 characters \(got a value of 17 characters\)/);
    expect(line).not.toContain('hunter2');
  });

  it('tells random secrets and keys from weak ones', () => {
    for (let i = 0; i < 200; i++) {
      expect(secretWeakness(randomBytes(16).toString('hex'))).toBeUndefined();
      expect(secretWeakness(randomBytes(32).toString('base64url'))).toBeUndefined();
      expect(keyWeakness(randomBytes(32))).toBeUndefined();
    }
  });
});

describe('token lifetime and clock skew', () => {
  it('default to 24 hours and 60 seconds, and are configurable', () => {
    expect(loadConfig({}).auth).toMatchObject({ maxTokenLifetimeMs: 86_400_000, clockSkewMs: 60_000 });
    expect(
      loadConfig({ AUTH_JWT_MAX_LIFETIME_MS: '3600000', AUTH_JWT_CLOCK_SKEW_MS: '0' }).auth,
    ).toMatchObject({ maxTokenLifetimeMs: 3_600_000, clockSkewMs: 0 });
    expect(refusal({ AUTH_JWT_MAX_LIFETIME_MS: '1000' })).toMatch(
      /AUTH_JWT_MAX_LIFETIME_MS must not be less than 60000/,
    );
  });
});
