import { compileProcedure } from '@tthc/procedures';
import { dossierClock } from './dossier-clock';
import { fold, play } from './testing/dossier-spec';
import {
  MARITAL_STATUS,
  at,
  calendar,
  commands as c,
  contextFor,
  sampleDefinition,
  sampleProcedure,
} from './testing/fixtures';

const marital = sampleProcedure(MARITAL_STATUS);
const context = contextFor(marital);
/** Received Tue 10/03/2026 09:00 with 1 working day: due Wed 11/03 09:00. */
const examining = [
  c.submit(marital, '2026-03-10 08:50'),
  c.receive('2026-03-10 09:00'),
  c.transfer('2026-03-10 09:00'),
];
const clockOf = (commands: Parameters<typeof play>[1], now: string, ctx = context) =>
  dossierClock(fold(play(ctx, commands)), at(now), calendar);

describe('dossierClock: the live clock for queries', () => {
  it('has not started at intake', () => {
    expect(clockOf(examining.slice(0, 1), '2026-03-10 08:55')).toEqual({ clock: 'not-started' });
  });

  it('runs from the effective receipt: working days left, then negative when overdue', () => {
    expect(clockOf(examining, '2026-03-10 14:00')).toEqual({
      clock: 'running',
      dueAt: at('2026-03-11 09:00'),
      statutoryDueAt: at('2026-03-13 09:00'),
      appointmentAt: at('2026-03-11 09:00'),
      workingDaysLeft: 0.5,
      overdue: false,
    });
    expect(clockOf(examining, '2026-03-10 20:00')).toMatchObject({ workingDaysLeft: 0.1875, overdue: false });
    expect(clockOf(examining, '2026-03-11 10:00')).toMatchObject({ workingDaysLeft: -0.125, overdue: true });
  });

  it('stands still while waiting for the citizen (PAUSE): frozen time left, paused since the request', () => {
    const waiting = [...examining, c.requestSupplement('2026-03-10 11:00')];
    const expected = {
      clock: 'paused',
      pausedSince: at('2026-03-10 11:00'),
      pauseKind: 'supplement',
      dueAt: at('2026-03-11 09:00'),
      appointmentAt: at('2026-03-11 09:00'),
      workingDaysLeft: 0.75,
      overdue: false,
    };
    expect(clockOf(waiting, '2026-03-11 15:00')).toEqual(expected);
    // A paused dossier is never overdue, however long the citizen takes.
    expect(clockOf(waiting, '2026-03-20 15:00')).toEqual(expected);
  });

  it('has no time left to show while a RESTART supplement is awaited', () => {
    const restarting = compileProcedure({ ...sampleDefinition(MARITAL_STATUS), supplementPolicy: 'RESTART' });
    const waiting = [
      c.submit(restarting, '2026-03-10 08:50'),
      c.receive('2026-03-10 09:00'),
      c.transfer('2026-03-10 09:00'),
      c.requestSupplement('2026-03-10 11:00'),
    ];
    expect(clockOf(waiting, '2026-03-11 15:00', contextFor(restarting))).toMatchObject({
      clock: 'paused',
      workingDaysLeft: null,
    });
  });

  it('runs again with the moved deadline, from the next morning for a supplement after the cut-off', () => {
    const resumed = [
      ...examining,
      c.requestSupplement('2026-03-10 11:00'),
      c.provideSupplement('2026-03-12 15:30'),
    ];
    expect(clockOf(resumed, '2026-03-12 16:00')).toMatchObject({
      clock: 'running',
      dueAt: at('2026-03-13 14:30'),
      workingDaysLeft: 0.75,
      overdue: false,
    });
  });

  it('stops when the result is issued, keeping what was left then', () => {
    const issued = [
      ...examining,
      c.handOver('2026-03-10 10:00', 'SUBMIT_FOR_SIGNATURE', { id: 's', role: 'specialist' }),
      c.approve('2026-03-10 11:00'),
      c.issueResult('2026-03-10 14:00'),
    ];
    const expected = {
      clock: 'stopped',
      stoppedAt: at('2026-03-10 14:00'),
      dueAt: at('2026-03-11 09:00'),
      appointmentAt: at('2026-03-11 09:00'),
      workingDaysLeft: 0.5,
    };
    expect(clockOf(issued, '2026-03-20 10:00')).toEqual(expected);
    expect(clockOf([...issued, c.returnResult('2026-03-11 08:00')], '2026-03-20 10:00')).toEqual(expected);
  });

  it('never started for a dossier refused at intake', () => {
    expect(clockOf([examining[0], c.refuseReceipt('2026-03-10 09:00')], '2026-03-10 10:00')).toEqual({
      clock: 'not-started',
    });
  });
});
