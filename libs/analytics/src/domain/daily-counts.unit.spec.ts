import { contributionChanges, dailyContributions } from './daily-counts';
import { dossier } from './testing/dossier-history';

describe('daily II.06a contributions', () => {
  const history = dossier('A', '2025-03-31 23:00', { channel: 'online' }).received(
    '2025-03-31 23:30',
    '2025-04-02 08:00',
  );

  it('counts the receipt on its local day (23:30 on 31 March is still March in Vietnam)', () => {
    expect(dailyContributions(history.facts())).toEqual([
      { day: '2025-03-31', column: 'received', delta: 1 },
    ]);
  });

  it('adds the outcome and both timeliness marks on the day the dossier ended', () => {
    const before = history.facts();
    const after = history
      .apologised('2025-04-01 08:00')
      .resolved('2025-04-02 16:00', '2025-04-02 08:00', {
        workingDaysUsed: 1.5,
        beforeStatutoryDue: 1,
        apologised: true,
      })
      .facts();
    expect(contributionChanges(before, after)).toEqual([
      { day: '2025-04-02', column: 'ended', delta: 1 },
      { day: '2025-04-02', column: 'late_apologised_minute', delta: 1 },
      { day: '2025-04-02', column: 'late_minute', delta: 1 },
      { day: '2025-04-02', column: 'on_time_day', delta: 1 },
      { day: '2025-04-02', column: 'resolved', delta: 1 },
      { day: '2025-04-02', column: 'saved_net', delta: 1 },
      { day: '2025-04-02', column: 'saved_positive', delta: 1 },
      // Online submission, result collected in person: one trip of the baseline two.
      { day: '2025-04-02', column: 'trips_actual', delta: 1 },
      { day: '2025-04-02', column: 'trips_baseline', delta: 2 },
    ]);
    expect(contributionChanges(after, after)).toEqual([]);
  });

  it('sums the days saved of a late dossier into the net only (its positive part is 0)', () => {
    const late = dossier('L', '2025-03-31 09:00', { channel: 'online' })
      .received('2025-03-31 09:30', '2025-04-02 08:00')
      .resolved('2025-04-03 16:00', '2025-04-02 08:00', { workingDaysUsed: 2.3, beforeStatutoryDue: -0.3 })
      .facts();
    const saved = dailyContributions(late).filter((c) => c.column.startsWith('saved_'));
    expect(saved).toEqual([{ day: '2025-04-03', column: 'saved_net', delta: -0.3 }]);
    expect(contributionChanges(late, undefined).find((c) => c.column === 'saved_net')?.delta).toBe(0.3);
  });

  it('counts nothing for a dossier never received', () => {
    expect(
      dailyContributions(dossier('J', '2025-03-12 08:00').refusedAtReceipt('2025-03-12 08:30').facts()),
    ).toEqual([]);
  });
});
