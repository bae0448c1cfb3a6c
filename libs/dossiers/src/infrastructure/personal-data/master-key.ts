// Where the personal-data master key comes from. Configured (PERSONAL_DATA_MASTER_KEY, 32 bytes in base64)
// it is used as given, and production requires it. Otherwise (the embedded default, development, tests) one
// is generated once and kept in DATA_DIR beside the embedded database, readable by its owner only: losing that
// file makes every sealed value unreadable, exactly as if every applicant had been erased.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KEY_BYTES, PersonalDataKeyError } from './personal-data-cipher';

export const MASTER_KEY_FILE = 'personal-data-master.key';

export interface MasterKeySource {
  readonly configured?: string;
  readonly dataDir: string;
  readonly production: boolean;
}

function decode(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new PersonalDataKeyError(`${where} must be ${KEY_BYTES} bytes in base64 (got ${key.length} bytes)`);
  }
  return key;
}

export function resolveMasterKey(source: MasterKeySource): Buffer {
  if (source.configured !== undefined) return decode(source.configured, 'PERSONAL_DATA_MASTER_KEY');
  if (source.production) {
    throw new PersonalDataKeyError('PERSONAL_DATA_MASTER_KEY must be set in production');
  }
  const dir = resolve(source.dataDir);
  const file = join(dir, MASTER_KEY_FILE);
  try {
    return decode(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Two processes may start at once on one data dir: write a private temporary file and hard-link it into
  // place, which fails if the other won, so both end up with the same key.
  mkdirSync(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return decode(readFileSync(file, 'utf8'), file);
}
