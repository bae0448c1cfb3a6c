import { InvalidImportLine, parseImportLine } from './import-record';

const line = (onlineLevel: unknown) =>
  JSON.stringify({
    externalId: 'KV-1',
    procedureCode: '1.004873',
    channel: 'online',
    ...(onlineLevel === undefined ? {} : { onlineLevel }),
    applicant: { name: 'Nguyễn Văn A', nationalId: '056090000001' },
    formData: {},
    submittedAt: '2019-03-04T09:15:00+07:00',
    steps: [],
  });

describe('an import line’s online level', () => {
  it('is the level the dossier was submitted at: the Decree 42/2022 names or the legacy levels 1–4', () => {
    // Given legacy levels as numbers or digits, when parsed, then 4 is full, 3 partial, 1 and 2 none.
    const levels = [4, '4', 3, '3', 2, '2', 1, '1', 'full', 'partial', 'none', undefined];
    expect(levels.map((level) => parseImportLine(line(level)).onlineLevel)).toEqual([
      'full',
      'full',
      'partial',
      'partial',
      'none',
      'none',
      'none',
      'none',
      'full',
      'partial',
      'none',
      undefined,
    ]);
  });

  it('refuses anything else, naming the field', () => {
    for (const level of [5, 0, 'toàn trình', true]) {
      expect(() => parseImportLine(line(level))).toThrow(InvalidImportLine);
      expect(() => parseImportLine(line(level))).toThrow('onlineLevel');
    }
  });
});

describe('an import line’s applicant locality', () => {
  const withLocality = (applicantLocality: unknown) =>
    JSON.stringify({ ...JSON.parse(line(undefined)), applicantLocality });

  it('is kept when it is a unit code', () => {
    expect(parseImportLine(withLocality('000.32.18.H56')).applicantLocality).toBe('000.32.18.H56');
    expect(parseImportLine(line(undefined)).applicantLocality).toBeUndefined();
  });

  it('refuses an address or anything that is not a unit code, naming the field', () => {
    for (const locality of ['xã Khánh Trung', 12, '']) {
      expect(() => parseImportLine(withLocality(locality))).toThrow('applicantLocality');
    }
  });
});
