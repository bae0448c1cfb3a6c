import { localInstant } from '../domain/calendar';
import type { DossierEvent } from '../domain/dossier';
import { codeKeyOf, dossierCodeFor, provisionalCode } from './dossier-code-allocation';
import { DailySequenceExhausted } from './errors';

const UNIT = '000.31.18.H56';

function received(receivedAt: Date): DossierEvent {
  return {
    type: 'DossierReceived',
    data: { receivedAt: receivedAt.toISOString() },
  } as unknown as DossierEvent;
}

describe('dossier code allocation', () => {
  it('runs the first decision with a well-formed provisional code of the local day', () => {
    // 23:30 on 1 March in Vietnam is still 1 March locally, though already 16:30 UTC.
    expect(provisionalCode(UNIT, localInstant('2026-03-01', '23:30'))).toBe('000.31.18.H56-260301-0001');
  });

  it('draws from the counter of the LOCAL date of the legal receipt instant', () => {
    // An online dossier submitted at 00:10 local time on 2 March (17:10 UTC on 1 March).
    expect(codeKeyOf(UNIT, [received(localInstant('2026-03-02', '00:10'))])).toEqual({
      unitCode: UNIT,
      localDate: '2026-03-02',
    });
    // Submitted online on Sunday night, accepted Monday: the code carries Sunday, the receipt on the slip.
    expect(codeKeyOf(UNIT, [received(localInstant('2026-03-01', '22:00'))]).localDate).toBe('2026-03-01');
  });

  it('needs the DossierReceived event of the provisional decision', () => {
    expect(() => codeKeyOf(UNIT, [])).toThrow(/Invariant/);
  });

  it('formats the code with the 4-digit daily sequence', () => {
    const key = { unitCode: UNIT, localDate: '2026-11-23' };
    expect(dossierCodeFor(key, 1)).toBe('000.31.18.H56-261123-0001');
    expect(dossierCodeFor(key, 42)).toBe('000.31.18.H56-261123-0042');
    expect(dossierCodeFor(key, 9999)).toBe('000.31.18.H56-261123-9999');
  });

  it('refuses a 10 000th receipt of a unit on one day', () => {
    expect(() => dossierCodeFor({ unitCode: UNIT, localDate: '2026-11-23' }, 10_000)).toThrow(
      DailySequenceExhausted,
    );
  });
});
