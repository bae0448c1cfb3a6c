import {
  canSeePersonalData,
  maskAddress,
  maskApplicant,
  maskEmail,
  maskName,
  maskTail,
  matchesVerification,
  normaliseNationalId,
  normalisePhone,
  presentApplicant,
  verificationHashes,
} from './personal-data';

const applicant = {
  name: 'Nguyễn Văn An',
  nationalId: '079203001123',
  phone: '0905 123 456',
  email: 'an.nguyen@example.vn',
  address: 'Thôn Suối Cá, xã Khánh Trung, tỉnh Khánh Hòa',
};

describe('masking personal data', () => {
  it('keeps the family name and the first letter of every other word, with stars of fixed length', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V*** A**');
    expect(maskName('  Trần   Thị Ngọc   Hân ')).toBe('Trần T*** N*** H**');
    expect(maskName('Hmôa')).toBe('H**');
    expect(maskName('')).toBe('');
  });

  it('keeps whole Vietnamese letters, composed or decomposed', () => {
    expect(maskName('Lê Ánh')).toBe('Lê Á**');
    expect(maskName('Lê A\u0301nh')).toBe('Lê Á**');
  });

  it('shows only the last three characters of numbers', () => {
    expect(maskTail('079203001123')).toBe('*********123');
    expect(maskTail('12')).toBe('**');
  });

  it('masks e-mail addresses and addresses', () => {
    expect(maskEmail('an.nguyen@example.vn')).toBe('a***@example.vn');
    expect(maskEmail('not-an-email')).toBe('************');
    expect(maskAddress(applicant.address)).toBe('***, tỉnh Khánh Hòa');
    expect(maskAddress('Khánh Hòa')).toBe('***');
  });

  it('masks every member of the applicant', () => {
    expect(maskApplicant(applicant)).toEqual({
      name: 'Nguyễn V*** A**',
      nationalId: '*********123',
      phone: '*******456',
      email: 'a***@example.vn',
      address: '***, tỉnh Khánh Hòa',
    });
    expect(maskApplicant({ name: 'Lò Văn Páo', nationalId: '123456789' })).toEqual({
      name: 'Lò V*** P**',
      nationalId: '******789',
    });
  });
});

describe('who sees personal data', () => {
  const agency = '000.31.18.H56';

  it('shows it in full only to an official of the dossier’s agency', () => {
    expect(canSeePersonalData({ id: 'kt-1', role: 'specialist', agency }, agency)).toBe(true);
    expect(canSeePersonalData({ id: 'kv-1', role: 'specialist', agency: '000.00.18.H56' }, agency)).toBe(
      false,
    );
    expect(canSeePersonalData({ id: 'kt-1', role: 'specialist' }, agency)).toBe(false);
    expect(canSeePersonalData({ id: 'anonymous', role: 'anonymous' }, agency)).toBe(false);
    expect(canSeePersonalData({ id: 'portal', role: 'integration', agency }, agency)).toBe(false);
    expect(canSeePersonalData({ id: 'c-1', role: 'citizen', agency }, agency)).toBe(false);
  });

  it('says whether what it presents is masked', () => {
    expect(presentApplicant({ id: 'x', role: 'leader', agency }, agency, applicant)).toEqual({
      applicant,
      personalData: 'full',
    });
    expect(presentApplicant({ id: 'x', role: 'anonymous' }, agency, applicant).personalData).toBe('masked');
  });
});

describe('the citizen lookup’s verification', () => {
  const id = '0b5f3c3e-7c1a-4a53-9d0e-3f4a8f3b9c21';
  const hashes = verificationHashes(id, applicant);

  it('normalises phone numbers and national IDs', () => {
    expect(normalisePhone('+84 905-123-456')).toBe('0905123456');
    expect(normalisePhone('84905123456')).toBe('0905123456');
    expect(normalisePhone('0905.123.456')).toBe('0905123456');
    expect(normaliseNationalId(' 079 203 001 123 ')).toBe('079203001123');
    expect(normaliseNationalId('b1234567')).toBe('B1234567');
  });

  it('matches the phone number or the national ID in any usual spelling, and nothing else', () => {
    expect(hashes).toHaveLength(2);
    expect(hashes.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
    for (const input of ['0905123456', '+84 905 123 456', '079203001123', '079 203 001 123']) {
      expect(matchesVerification(id, hashes, input)).toBe(true);
    }
    for (const input of ['0905123457', '079203001124', '', 'Nguyễn Văn An']) {
      expect(matchesVerification(id, hashes, input)).toBe(false);
    }
  });

  it('salts the hashes with the dossier id', () => {
    const other = verificationHashes('another-dossier', applicant);
    expect(other).not.toEqual(hashes);
    expect(matchesVerification('another-dossier', hashes, '0905123456')).toBe(false);
  });

  it('keeps one hash when no phone number was given', () => {
    expect(verificationHashes(id, { name: 'A', nationalId: '079203001123' })).toHaveLength(1);
  });
});
