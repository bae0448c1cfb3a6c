// Personal-data protection for tests that build the dossier command path by hand: a fresh random master key
// per call, over the test database's applicant_keys table.
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ApplicantKeyring } from '../personal-data/applicant-keyring';
import { KEY_BYTES } from '../personal-data/personal-data-cipher';
import { PersonalDataProtection } from '../personal-data/personal-data-protection';

export function testPersonalDataProtection(
  db: DataSource,
  master = randomBytes(KEY_BYTES),
): PersonalDataProtection {
  return new PersonalDataProtection(new ApplicantKeyring(db, master));
}
