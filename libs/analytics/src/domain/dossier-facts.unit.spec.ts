import { deadlineAt, pauseAt } from './dossier-facts';
import { processingTimesOf } from './processing-time';
import { dossier, t } from './testing/dossier-history';

describe('dossier facts folded from the events', () => {
  // Received Mon 3 March 08:00; supplement asked Tue 08:00, handed in online Thu 08:00 (2 working days paused,
  // deadline moved from Wed 5 to Fri 7 March); inter-agency verification Fri 08:00 – Mon 08:00 (1 working day,
  // deadline to Mon 10); form 05: the specialist's step took 1.5 working days; the leader's 0.5; resolved Mon
  // 10 March 08:00.
  const history = dossier('P', '2025-03-03 07:50')
    .received('2025-03-03 08:00', '2025-03-05 08:00')
    .supplementRequested('2025-03-04 08:00')
    .supplementProvided('2025-03-06 08:00', '2025-03-07 08:00', 2, 'online')
    .excludedInterval(
      'inter-agency-verification',
      '2025-03-07 08:00',
      '2025-03-10 08:00',
      '2025-03-10 08:00',
      1,
    )
    .handedOver('2025-03-10 07:00', '000.31.18.H56', 1.5)
    .approved('2025-03-10 07:30', 0.5)
    .resolved('2025-03-10 08:00', '2025-03-10 08:00', { workingDaysUsed: 2, beforeStatutoryDue: 1 });

  it('keeps the pauses, the deadlines over time and who held the clock', () => {
    const facts = history.facts();
    expect(facts.pauses).toEqual([
      { kind: 'supplement', from: t('2025-03-04 08:00'), to: t('2025-03-06 08:00') },
      { kind: 'inter-agency-verification', from: t('2025-03-07 08:00'), to: t('2025-03-10 08:00') },
    ]);
    expect(facts.pausedWorkingDays).toBe(3);
    expect(facts.pausedMs).toBe((2 + 3) * 86_400_000);
    expect(facts.held).toEqual({
      agency: 2,
      'partner-agency': 1,
      citizen: 2,
      payment: 0,
      'other-excluded': 0,
    });
    expect(facts.supplementRounds).toBe(1);
    expect(facts.inPersonSupplements).toBe(0);
    expect(deadlineAt(facts, Date.parse(t('2025-03-05 12:00')))).toBe(t('2025-03-05 08:00'));
    expect(deadlineAt(facts, Date.parse(t('2025-03-06 09:00')))).toBe(t('2025-03-07 08:00'));
    expect(pauseAt(facts, Date.parse(t('2025-03-05 00:00')))?.kind).toBe('supplement');
    expect(pauseAt(facts, Date.parse(t('2025-03-06 09:00')))).toBeUndefined();
  });

  it('gives processing times gross and net, in working and calendar days', () => {
    // 3 March 08:00 → 10 March 08:00 = 7 calendar days, 5 of them paused; 2 working days net, 3 paused.
    expect(processingTimesOf(history.facts())).toEqual({
      workingNet: 2,
      workingGross: 5,
      calendarGross: 7,
      calendarNet: 2,
    });
  });

  it('does not let a withdrawal after the result undo the resolution', () => {
    const facts = dossier('Q', '2025-03-03 07:50')
      .received('2025-03-03 08:00', '2025-03-05 08:00')
      .resolved('2025-03-04 08:00', '2025-03-05 08:00', { workingDaysUsed: 1, beforeStatutoryDue: 2 })
      .withdrawn('2025-03-06 08:00')
      .facts();
    expect(facts.outcome).toBe('resolved');
    expect(facts.endedAt).toBe(t('2025-03-04 08:00'));
  });

  it('closes an open pause when a paused dossier is withdrawn', () => {
    const facts = dossier('R', '2025-03-03 07:50')
      .received('2025-03-03 08:00', '2025-03-05 08:00')
      .supplementRequested('2025-03-04 08:00')
      .withdrawn('2025-03-06 08:00')
      .facts();
    expect(facts).toMatchObject({ outcome: 'withdrawn', endedAt: t('2025-03-06 08:00') });
    expect(facts.pauses[0].to).toBe(t('2025-03-06 08:00'));
  });

  it('gives counter and post dossiers no online level, whatever level their procedure offered', () => {
    // Events written before the intake recorded the dossier's own level carry the procedure's for every channel.
    expect(
      dossier('C', '2025-03-03 07:50', { channel: 'counter', onlineLevel: 'full' }).facts().onlineLevel,
    ).toBe('none');
    expect(
      dossier('P', '2025-03-03 07:50', { channel: 'post', onlineLevel: 'partial' }).facts().onlineLevel,
    ).toBe('none');
    expect(
      dossier('O', '2025-03-03 07:50', { channel: 'online', onlineLevel: 'partial' }).facts().onlineLevel,
    ).toBe('partial');
  });

  it('marks a withdrawal before receipt as an intake outcome, never counted', () => {
    const facts = dossier('S', '2025-03-03 07:50').withdrawn('2025-03-03 09:00').facts();
    expect(facts.receivedAt).toBeUndefined();
    expect(facts.intakeOutcome).toBe('withdrawn');
    expect(facts.outcome).toBeUndefined();
  });
});
