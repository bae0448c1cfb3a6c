import { formatDossierCode, isDossierCode, parseDossierCode } from './dossier-code';
import { InvalidDossierCode } from './errors';

describe('dossier code (mã hồ sơ) <unit code>-YYMMDD-XXXX', () => {
  it('formats the unit code, the local receipt date and the 4-digit daily sequence', () => {
    expect(formatDossierCode('000.00.18.H56', '2023-01-01', 1)).toBe('000.00.18.H56-230101-0001');
    expect(formatDossierCode('000.31.18.H56', '2026-02-13', 9999)).toBe('000.31.18.H56-260213-9999');
  });

  it('parses a code back into its parts', () => {
    expect(parseDossierCode('000.00.18.H56-230101-0001')).toEqual({
      unitCode: '000.00.18.H56',
      localDate: '2023-01-01',
      sequence: 1,
    });
    expect(parseDossierCode(formatDossierCode('G09.01.02.A01', '2025-07-01', 42))).toEqual({
      unitCode: 'G09.01.02.A01',
      localDate: '2025-07-01',
      sequence: 42,
    });
  });

  it.each([
    ['a sequence of 0', () => formatDossierCode('000.00.18.H56', '2023-01-01', 0)],
    [
      'a sequence past 9999 (the daily counter must not overflow silently)',
      () => formatDossierCode('000.00.18.H56', '2023-01-01', 10000),
    ],
    ['a fractional sequence', () => formatDossierCode('000.00.18.H56', '2023-01-01', 1.5)],
    ['an impossible date', () => formatDossierCode('000.00.18.H56', '2023-02-30', 1)],
    ['a date outside 2000-2099', () => formatDossierCode('000.00.18.H56', '1999-12-31', 1)],
    ['a malformed unit code', () => formatDossierCode('00.00.18.H56', '2023-01-01', 1)],
  ])('refuses to format %s', (_case, format) => {
    expect(format).toThrow(InvalidDossierCode);
  });

  it.each([
    '000.00.18.H56-230101-0000',
    '000.00.18.H56-230230-0001',
    '000.00.18.H56-230101-001',
    '000.00.18.H56-20230101-0001',
    '000.00.18-230101-0001',
    'H56-230101-0001',
    '',
  ])('refuses to parse %j', (code) => {
    expect(() => parseDossierCode(code)).toThrow(InvalidDossierCode);
    expect(isDossierCode(code)).toBe(false);
  });

  it('names every problem in the error details', () => {
    try {
      formatDossierCode('x', '2023-13-01', 0);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDossierCode);
      expect((error as InvalidDossierCode).details()).toMatchObject({
        problems: [
          'unit code "x" is not like 000.00.18.H56',
          '"2023-13-01" is not a date 2000-2099 (YYYY-MM-DD)',
          'sequence 0 is not a whole number from 1 to 9999',
        ],
      });
      expect((error as InvalidDossierCode).kind).toBe('invalid');
    }
  });
});
