import { formatLocalMinute } from '../domain/dossier';
import { fold, play } from '../domain/dossier/testing/dossier-spec';
import {
  BIRTH_HEALTH_INSURANCE,
  MARITAL_STATUS,
  at,
  commands as c,
  contextFor,
  sampleProcedure,
} from '../domain/dossier/testing/fixtures';
import {
  apologyExtension,
  assertApologyAppointmentWithinLimit,
  latestApologyAppointment,
} from './apology-appointment';
import { RescheduledAppointmentTooLate } from './errors';

const lienThong = sampleProcedure(BIRTH_HEALTH_INSURANCE);
const context = contextFor(lienThong);
/** Received Mon 02/03/2026 09:00 with 7 working days committed (15 statutory): due Wed 11/03 09:00. */
const inProgress = fold(
  play(context, [
    c.submit(lienThong, '2026-03-02 08:50'),
    c.receive('2026-03-02 09:00'),
    c.transfer('2026-03-02 09:30'),
  ]),
);

describe('the latest new appointment of form 04: the committed processing time again after the due time', () => {
  it('given 7 committed working days (statutory 15), then it is 7 working days after the statutory due time', () => {
    if (inProgress.status !== 'in-progress') throw new Error('not in progress');
    const { processing } = inProgress;
    expect(formatLocalMinute(processing.dueAt)).toBe('09:00 11/03/2026');
    expect(formatLocalMinute(processing.statutoryDueAt)).toBe('09:00 23/03/2026');
    // Mon 23/03 + 7 working days: 24, 25, 26, 27, 30, 31 March and 1 April.
    expect(formatLocalMinute(latestApologyAppointment(context, processing))).toBe('09:00 01/04/2026');
  });

  it('given a same-day or half-day procedure, then the extension is still one working day', () => {
    expect(apologyExtension({ unit: 'same-day' })).toEqual({ unit: 'working-days', value: 1 });
    expect(apologyExtension({ unit: 'working-days', value: 0.5 })).toEqual({
      unit: 'working-days',
      value: 1,
    });
    expect(apologyExtension({ unit: 'calendar-days', value: 30 })).toEqual({
      unit: 'calendar-days',
      value: 30,
    });
  });

  it('accepts the latest appointment itself and refuses the year 2999 with the limit named (422)', () => {
    const processing = inProgress.status === 'in-progress' ? inProgress.processing : undefined;
    const latest = latestApologyAppointment(context, processing!);
    const now = at('2026-03-10 09:00');
    expect(() => assertApologyAppointmentWithinLimit(context, inProgress, latest, now)).not.toThrow();
    expect(() =>
      assertApologyAppointmentWithinLimit(context, inProgress, new Date(latest.getTime() + 60_000), now),
    ).toThrow(RescheduledAppointmentTooLate);
    try {
      assertApologyAppointmentWithinLimit(context, inProgress, new Date('2999-01-01T02:00:00Z'), now);
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(RescheduledAppointmentTooLate);
      const refusal = error as RescheduledAppointmentTooLate;
      expect(refusal.kind).toBe('unprocessable');
      expect(refusal.details()).toMatchObject({
        newAppointmentAt: '2999-01-01T02:00:00.000Z',
        latestAppointmentAt: latest.toISOString(),
        committedDuration: { unit: 'working-days', value: 7 },
        errors: [{ path: '/newAppointmentAt', message: `must be no later than ${latest.toISOString()}` }],
      });
    }
  });

  it('given a paused dossier, then the time paused so far moves the limit', () => {
    const marital = sampleProcedure(MARITAL_STATUS);
    const maritalContext = contextFor(marital);
    const paused = fold(
      play(maritalContext, [
        c.submit(marital, '2026-03-10 08:50'),
        c.receive('2026-03-10 09:00'),
        c.transfer('2026-03-10 09:05'),
        c.startExcludedInterval('2026-03-10 09:30'),
      ]),
    );
    expect(paused.status).toBe('paused');
    if (paused.status !== 'paused') return;
    const atStart = latestApologyAppointment(maritalContext, paused.processing);
    const weekLater = at('2026-03-17 09:30');
    const moved = latestApologyAppointment(
      maritalContext,
      paused.processing,
      weekLater.getTime() - paused.pausedSince.getTime(),
    );
    expect(moved.getTime()).toBeGreaterThan(atStart.getTime());
    expect(() => assertApologyAppointmentWithinLimit(maritalContext, paused, moved, weekLater)).not.toThrow();
    expect(() =>
      assertApologyAppointmentWithinLimit(maritalContext, paused, moved, at('2026-03-10 10:00')),
    ).toThrow(RescheduledAppointmentTooLate);
  });

  it('leaves every other refusal to the decider (which the handler asks first)', () => {
    const closed = fold(
      play(context, [c.submit(lienThong, '2026-03-02 08:50'), c.refuseReceipt('2026-03-02 08:55')]),
    );
    expect(() =>
      assertApologyAppointmentWithinLimit(
        context,
        closed,
        new Date('2999-01-01T00:00:00Z'),
        at('2026-03-03 09:00'),
      ),
    ).not.toThrow();
  });
});
