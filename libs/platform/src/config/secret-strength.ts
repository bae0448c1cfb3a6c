// Weak secrets refused at start in production: a JWT secret or a personal-data master key that an operator
// typed by hand, copied from an example or left as a placeholder gives no protection, however long it is
// ('a' × 36 passes a length check; 32 zero bytes are a valid base64 key). These are cheap checks of the
// shapes such values take, not an entropy proof: a generated secret (`openssl rand -hex 32`, 32 random
// bytes in base64) always passes them, and the README tells operators to generate theirs.

/**
 * Fewest distinct characters in a JWT secret. 32 random hex digits show 14 on average and fewer than 8 with a
 * probability of 4e-8 (64 digits: 1e-19); a typed word or a repeated character shows far fewer.
 */
export const MIN_DISTINCT_SECRET_CHARACTERS = 8;
/** Fewest distinct bytes in the 32-byte master key: 32 random bytes show about 30 (fewer than 16: p < 1e-12). */
export const MIN_DISTINCT_KEY_BYTES = 16;

/**
 * Words of examples and placeholders (compared without case and without separators), e.g. "change-me",
 * "replace_me", "your-secret-here", and the test suite's own secret ("test-only").
 */
const PLACEHOLDER_WORDS = [
  'changeme',
  'replaceme',
  'placeholder',
  'yoursecret',
  'example',
  'insecure',
  'notsecret',
  'testonly',
  'secretkey',
  'password',
  'default',
];

function repeatsAShorterUnit(text: string): boolean {
  return /^(.+?)\1+$/s.test(text);
}

/** Why a JWT shared secret is too weak for production, or undefined when it is not. Never quotes the secret. */
export function secretWeakness(secret: string): string | undefined {
  const distinct = new Set(secret).size;
  if (distinct === 1) return 'it is one character repeated';
  if (distinct < MIN_DISTINCT_SECRET_CHARACTERS) {
    return `it has only ${distinct} distinct characters (at least ${MIN_DISTINCT_SECRET_CHARACTERS} expected)`;
  }
  if (repeatsAShorterUnit(secret)) return 'it is a shorter text repeated';
  const squeezed = secret.toLowerCase().replace(/[^a-z0-9]/g, '');
  const word = PLACEHOLDER_WORDS.find((w) => squeezed.includes(w));
  if (word !== undefined) return `it contains the placeholder word "${word}"`;
  return undefined;
}

/** Why a 32-byte master key is too weak for production, or undefined when it is not. Never quotes the key. */
export function keyWeakness(key: Uint8Array): string | undefined {
  const distinct = new Set(key).size;
  if (distinct === 1) return `all its bytes are ${key[0] === 0 ? 'zero' : 'the same'}`;
  if (distinct < MIN_DISTINCT_KEY_BYTES) {
    return `it has only ${distinct} distinct bytes (random keys have about 30)`;
  }
  if (repeatsAShorterUnit(Buffer.from(key).toString('latin1')))
    return 'it is a shorter byte pattern repeated';
  return undefined;
}
