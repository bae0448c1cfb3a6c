// II.06a for March 2025, given a hand-built set of dossiers; every expected figure is counted by hand below.
import { identityGap, summariseIi06a, classifyIi06a } from './ii06a';
import { boundsOf } from './periods';
import { dossier } from './testing/dossier-history';

const MARCH = boundsOf({ from: '2025-03-01', to: '2025-03-31' });

// A: received in February, resolved 3 March two days before its due date → carried over, resolved early.
const A = dossier('A', '2025-02-27 07:50')
  .received('2025-02-27 08:00', '2025-03-05 08:00')
  .resolved('2025-03-03 10:00', '2025-03-05 08:00', { workingDaysUsed: 2.25, beforeStatutoryDue: 2 });
// B: online (full), resolved at 16:00 on its due day, due 09:00 → on time by day, late by minute.
const B = dossier('B', '2025-03-10 07:00', { channel: 'online', onlineLevel: 'full', payment: true })
  .received('2025-03-10 07:30', '2025-03-12 09:00')
  .resolved('2025-03-12 16:00', '2025-03-12 09:00', {
    workingDaysUsed: 2.875,
    beforeStatutoryDue: 1,
    electronic: true,
  })
  .returned('2025-03-12 16:05', 'online');
// C: at the counter, late with an apology, collected at the counter on the 21st.
const C = dossier('C', '2025-03-11 07:55')
  .received('2025-03-11 08:00', '2025-03-14 08:00')
  .apologised('2025-03-13 09:00')
  .resolved('2025-03-20 10:00', '2025-03-14 08:00', {
    workingDaysUsed: 7.25,
    beforeStatutoryDue: -3,
    apologised: true,
  })
  .returned('2025-03-21 09:00', 'counter');
// D: by post, withdrawn two days later.
const D = dossier('D', '2025-03-25 08:00', { channel: 'post' })
  .received('2025-03-25 09:00', '2025-03-28 09:00')
  .withdrawn('2025-03-27 10:00');
// E: online (partial), due 28 March, still open at the end of March → overdue.
const E = dossier('E', '2025-03-26 07:00', { channel: 'online' }).received(
  '2025-03-26 07:30',
  '2025-03-28 08:00',
);
// F: waiting for the citizen's supplement at the end of March, its deadline (31 March) passed → not overdue.
const F = dossier('F', '2025-03-27 08:00')
  .received('2025-03-27 08:00', '2025-03-31 08:00')
  .supplementRequested('2025-03-28 10:00');
// G: received in February, refused on 5 March.
const G = dossier('G', '2025-02-10 08:00')
  .received('2025-02-10 08:00', '2025-02-13 08:00')
  .refused('2025-03-05 09:00');
// H: received and resolved in February: not in March's report at all.
const H = dossier('H', '2025-02-03 08:00')
  .received('2025-02-03 08:00', '2025-02-05 08:00')
  .resolved('2025-02-04 08:00', '2025-02-05 08:00', { workingDaysUsed: 1, beforeStatutoryDue: 2 });
// I: received in April.
const I = dossier('I', '2025-04-01 08:00').received('2025-04-02 08:00', '2025-04-04 08:00');
// J: refused at receipt: never received.
const J = dossier('J', '2025-03-12 08:00').refusedAtReceipt('2025-03-12 08:30');
// L: received in February, paused 26 Feb – 5 Mar, its deadline moved to 10 April → carried over, not yet due.
const L = dossier('L', '2025-02-25 08:00')
  .received('2025-02-25 08:00', '2025-02-28 08:00')
  .supplementRequested('2025-02-26 08:00')
  .supplementProvided('2025-03-05 08:00', '2025-04-10 08:00', 5, 'online');
// M: received 31 March at 23:30 local (still March), nothing else → received, in progress not yet due.
const M = dossier('M', '2025-03-31 23:00', { channel: 'online' }).received(
  '2025-03-31 23:30',
  '2025-04-02 08:00',
);

const ALL = [A, B, C, D, E, F, G, H, I, J, L, M].map((d) => d.facts());

describe('II.06a for a period', () => {
  it('counts carried over, received by channel, outcomes and open dossiers at day granularity', () => {
    const figures = summariseIi06a(ALL, MARCH, 'day');
    expect(figures).toEqual({
      carriedOver: 3, // A, G, L
      received: 6, // B, C, D, E, F, M
      receivedOnline: 3,
      receivedOnlineFull: 1, // B
      receivedOnlinePartial: 2, // E, M
      receivedCounterAndPost: 3,
      receivedCounter: 2, // C, F
      receivedPost: 1, // D
      toResolve: 9,
      resolved: 3, // A, B, C
      resolvedEarly: 1, // A
      resolvedOnTime: 1, // B: same local day
      resolvedLate: 1, // C
      lateWithApology: 1,
      lateWithoutApology: 0,
      resolvedNotCollected: 1, // A (B was returned online, C collected on the 21st)
      refused: 1, // G
      withdrawn: 1, // D
      refusedLate: 1, // G: refused 5 March, due 13 February
      withdrawnLate: 0, // D: withdrawn before its due date
      inProgress: 4, // E, F, L, M
      inProgressNotYetDue: 3, // F (waiting), L, M
      inProgressOverdue: 1, // E
      inProgressWaitingForCitizen: 1, // F
    });
    expect(identityGap(figures)).toBe(0);
  });

  it('compares to the minute when asked: B, resolved 7 hours after its due instant, is late', () => {
    const figures = summariseIi06a(ALL, MARCH, 'minute');
    expect(figures).toMatchObject({
      resolvedEarly: 1,
      resolvedOnTime: 0,
      resolvedLate: 2,
      lateWithApology: 1,
      lateWithoutApology: 1,
    });
    expect(identityGap(figures)).toBe(0);
  });

  it('carries the open dossiers into April: what was in progress at the end of March is carried over', () => {
    const april = summariseIi06a(ALL, boundsOf({ from: '2025-04-01', to: '2025-04-30' }));
    expect(april.carriedOver).toBe(4); // E, F, L, M
    expect(april.received).toBe(1); // I
    expect(april.inProgress).toBe(5);
    expect(identityGap(april)).toBe(0);
  });

  it('times refusals and withdrawals against the deadline in force, not while the clock stands still', () => {
    // Given N withdrawn the day after its due date, P withdrawn after its due date while waiting for the
    // citizen, Q refused on its due day (a later minute),
    const N = dossier('N', '2025-03-03 08:00')
      .received('2025-03-03 08:00', '2025-03-05 08:00')
      .withdrawn('2025-03-06 09:00');
    const P = dossier('P', '2025-03-03 08:00')
      .received('2025-03-03 08:00', '2025-03-05 08:00')
      .supplementRequested('2025-03-04 08:00')
      .withdrawn('2025-03-10 09:00');
    const Q = dossier('Q', '2025-03-03 08:00')
      .received('2025-03-03 08:00', '2025-03-05 08:00')
      .refused('2025-03-05 15:00');
    const facts = [N, P, Q].map((d) => d.facts());
    // when March is counted by day, then only N is late; by minute, Q is late too.
    expect(summariseIi06a(facts, MARCH, 'day')).toMatchObject({
      withdrawn: 2,
      withdrawnLate: 1,
      refused: 1,
      refusedLate: 0,
    });
    expect(summariseIi06a(facts, MARCH, 'minute')).toMatchObject({ withdrawnLate: 1, refusedLate: 1 });
  });

  it('counts nothing of a dossier refused at receipt', () => {
    expect(classifyIi06a(J.facts(), MARCH).counted).toBe(false);
  });

  it('holds the identity for every period of the year, one day at a time', () => {
    for (let day = 1; day <= 28; day++) {
      const date = `2025-03-${String(day).padStart(2, '0')}`;
      expect(identityGap(summariseIi06a(ALL, boundsOf({ from: date, to: date })))).toBe(0);
    }
  });
});
