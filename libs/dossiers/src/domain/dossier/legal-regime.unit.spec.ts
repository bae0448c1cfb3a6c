import { at } from './testing/fixtures';
import { legalRegime } from './legal-regime';
import { normaliseOnlineLevel } from './online-level';

describe('legalRegime: chosen by the local receipt date (Asia/Ho_Chi_Minh)', () => {
  it('is Decree 61/2018 up to 30 June 2025 and Decree 118/2025 from 1 July 2025', () => {
    expect(legalRegime(at('2019-05-06 09:00'))).toBe('decree-61-2018');
    expect(legalRegime(at('2025-06-30 16:59'))).toBe('decree-61-2018');
    expect(legalRegime(at('2025-07-01 07:30'))).toBe('decree-118-2025');
  });

  it('reads the local date, not the UTC one: 00:30 on 1 July in Vietnam is still 30 June in UTC', () => {
    const instant = at('2025-07-01 00:30');
    expect(instant.toISOString()).toBe('2025-06-30T17:30:00.000Z');
    expect(legalRegime(instant)).toBe('decree-118-2025');
    expect(legalRegime(at('2025-06-30 23:59'))).toBe('decree-61-2018');
  });
});

describe('normaliseOnlineLevel (docs/domain/online-service-levels.md: 4 ≈ full, 3 ≈ partial, 1–2 = not online)', () => {
  it.each([
    [4, 'full'],
    ['full', 'full'],
    [3, 'partial'],
    ['partial', 'partial'],
    [2, 'none'],
  ] as const)('maps %j to %s', (level, expected) => {
    expect(normaliseOnlineLevel(level)).toBe(expected);
  });
});
