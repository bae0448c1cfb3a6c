import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MASTER_KEY_FILE, resolveMasterKey } from './master-key';
import {
  KEY_BYTES,
  keyedHash,
  newDataKey,
  open,
  PersonalDataKeyError,
  seal,
  unwrapDataKey,
  wrapDataKey,
} from './personal-data-cipher';
import { scratchDirectory } from '@tthc/testing';

const applicant = { name: 'Nguyễn Thị Lan', nationalId: '056195000123', phone: '0905 123 456' };
const PLACE = 'dossier-1/DossierSubmitted/applicant';

describe('sealing personal data (AES-256-GCM with a per-applicant data key)', () => {
  const key = newDataKey();

  it('opens what it sealed, and the sealed form holds nothing of the clear value', () => {
    const sealed = seal(key, 'kid-1', applicant, PLACE);
    expect(open(key, sealed, PLACE)).toEqual(applicant);
    expect(JSON.stringify(sealed)).not.toContain('056195000123');
    expect(JSON.stringify(sealed)).not.toContain('Lan');
    expect(sealed).toMatchObject({ v: 1, alg: 'A256GCM', kid: 'kid-1' });
  });

  it('uses a fresh IV each time: the same value seals differently', () => {
    expect(seal(key, 'k', applicant, PLACE).ct).not.toBe(seal(key, 'k', applicant, PLACE).ct);
  });

  it('detects a changed ciphertext, IV or tag', () => {
    const sealed = seal(key, 'kid-1', applicant, PLACE);
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] ^= 1;
      return bytes.toString('base64');
    };
    expect(() => open(key, { ...sealed, ct: flip(sealed.ct) }, PLACE)).toThrow(PersonalDataKeyError);
    expect(() => open(key, { ...sealed, iv: flip(sealed.iv) }, PLACE)).toThrow(PersonalDataKeyError);
    expect(() => open(key, { ...sealed, tag: flip(sealed.tag) }, PLACE)).toThrow(PersonalDataKeyError);
  });

  it('refuses a sealed value moved to another dossier or field (bound by its additional data)', () => {
    const sealed = seal(key, 'kid-1', applicant, PLACE);
    expect(() => open(key, sealed, 'dossier-2/DossierSubmitted/applicant')).toThrow(PersonalDataKeyError);
    expect(() => open(key, sealed, 'dossier-1/DossierSubmitted/formData')).toThrow(PersonalDataKeyError);
  });

  it('does not open with another applicant’s key', () => {
    expect(() => open(newDataKey(), seal(key, 'kid-1', applicant, PLACE), PLACE)).toThrow(
      PersonalDataKeyError,
    );
  });
});

describe('wrapping data keys under the master key', () => {
  const master = randomBytes(KEY_BYTES);

  it('unwraps to the same key, bound to its id', () => {
    const dataKey = newDataKey();
    const wrapped = wrapDataKey(master, 'kid-1', dataKey);
    expect(unwrapDataKey(master, 'kid-1', wrapped).equals(dataKey)).toBe(true);
    expect(wrapped).not.toContain(dataKey.toString('base64url'));
    expect(() => unwrapDataKey(master, 'kid-2', wrapped)).toThrow(PersonalDataKeyError);
  });

  it('refuses another master key', () => {
    const wrapped = wrapDataKey(master, 'kid-1', newDataKey());
    expect(() => unwrapDataKey(randomBytes(KEY_BYTES), 'kid-1', wrapped)).toThrow(PersonalDataKeyError);
  });
});

describe('keyed hashes', () => {
  it('depend on the key: without it a national ID cannot be confirmed by hashing guesses', () => {
    const a = newDataKey();
    expect(keyedHash(a, 'lookup', '056195000123')).toBe(keyedHash(a, 'lookup', '056195000123'));
    expect(keyedHash(a, 'lookup', '056195000123')).not.toBe(
      keyedHash(newDataKey(), 'lookup', '056195000123'),
    );
    expect(keyedHash(a, 'lookup', '056195000123')).not.toBe(keyedHash(a, 'other', '056195000123'));
  });
});

describe('the master key', () => {
  it('is generated once in the data dir (owner-only) and found again', () => {
    const dir = scratchDirectory('tthc-master-');
    const first = resolveMasterKey({ dataDir: dir, production: false });
    expect(first).toHaveLength(KEY_BYTES);
    expect(resolveMasterKey({ dataDir: dir, production: false }).equals(first)).toBe(true);
    expect(statSync(join(dir, MASTER_KEY_FILE)).mode & 0o077).toBe(0);
    expect(Buffer.from(readFileSync(join(dir, MASTER_KEY_FILE), 'utf8').trim(), 'base64').equals(first)).toBe(
      true,
    );
  });

  it('is taken from configuration when given, and required in production', () => {
    const configured = randomBytes(KEY_BYTES).toString('base64');
    expect(
      resolveMasterKey({ configured, dataDir: '/nonexistent', production: true }).toString('base64'),
    ).toBe(configured);
    expect(() => resolveMasterKey({ dataDir: '/nonexistent', production: true })).toThrow(/production/);
    expect(() => resolveMasterKey({ configured: 'c2hvcnQ=', dataDir: '/x', production: false })).toThrow(
      /32 bytes/,
    );
  });
});
