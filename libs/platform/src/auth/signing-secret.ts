// The shared HS256 secret of the engine's own token issuer. Configured (AUTH_JWT_SECRET) in any real
// deployment with several processes; otherwise generated once with 256 random bits and kept in
// DATA_DIR/auth/jwt-signing-secret (mode 0600), so that `npm run token` can mint tokens the running
// embedded engine accepts and a restart does not invalidate them. There is no built-in default secret.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthConfig } from '../config/app-config';

export const SIGNING_SECRET_FILE = join('auth', 'jwt-signing-secret');

export interface LocalSigningSecret {
  readonly secret: Uint8Array;
  readonly source: 'configured' | 'generated' | 'data-dir';
}

export function signingSecretPath(dataDir: string): string {
  return join(dataDir, SIGNING_SECRET_FILE);
}

/** Reads the secret kept under the data directory, if there is one (the token CLI uses this). */
export function readStoredSigningSecret(dataDir: string): Uint8Array | undefined {
  const path = signingSecretPath(dataDir);
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8').trim();
  return text.length >= 32 ? new TextEncoder().encode(text) : undefined;
}

/**
 * The local issuer's secret: the configured one, else the one under DATA_DIR, else a new one written there.
 * Undefined when only an external issuer (JWKS) is configured: then the engine signs nothing itself.
 */
export function resolveSigningSecret(auth: AuthConfig, dataDir: string): LocalSigningSecret | undefined {
  if (auth.jwtSecret) return { secret: new TextEncoder().encode(auth.jwtSecret), source: 'configured' };
  if (auth.jwks) return undefined;
  const stored = readStoredSigningSecret(dataDir);
  if (stored) return { secret: stored, source: 'data-dir' };
  const path = signingSecretPath(dataDir);
  // `wx`: two processes starting on one data directory cannot overwrite each other's secret.
  try {
    mkdirSync(join(dataDir, 'auth'), { recursive: true, mode: 0o700 });
    writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new Error(
        `neither AUTH_JWT_SECRET nor AUTH_JWKS_URL is set, and the token signing secret cannot be kept in ` +
          `${path}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  const written = readStoredSigningSecret(dataDir);
  if (!written) throw new Error(`could not keep the token signing secret in ${path}`);
  return { secret: written, source: 'generated' };
}
