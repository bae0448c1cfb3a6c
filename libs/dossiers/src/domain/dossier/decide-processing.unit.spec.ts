import { compileProcedure } from '@tthc/procedures';
import {
  ClockStopAfterDeadline,
  DossierActionNotAllowed,
  ExcludedIntervalNotDeclared,
  InvalidDossierCommand,
  SupplementRoundsExhausted,
  SupplementWindowClosed,
} from './errors';
import { dossierSpec, fold, play } from './testing/dossier-spec';
import {
  BIRTH_HEALTH_INSURANCE,
  MARITAL_STATUS,
  at,
  commands as c,
  contextFor,
  iso,
  leader,
  sampleDefinition,
  sampleProcedure,
  socialInsurance,
  specialist,
} from './testing/fixtures';

const marital = sampleProcedure(MARITAL_STATUS);
const context = contextFor(marital);
const { given } = dossierSpec(context);

/** Marital status: received Tue 10/03/2026 09:00, in "examine", supplement requested at 11:00. */
const waitingForSupplement = () =>
  play(context, [
    c.submit(marital, '2026-03-10 08:50'),
    c.receive('2026-03-10 09:00'),
    c.transfer('2026-03-10 09:00'),
    c.requestSupplement('2026-03-10 11:00'),
  ]);

/** Marital status: received Tue 10/03/2026 09:00 (due Wed 11/03 09:00, statutory Fri 13/03 09:00), in "examine". */
const examining = (procedure = marital) =>
  play(contextFor(procedure), [
    c.submit(procedure, '2026-03-10 08:50'),
    c.receive('2026-03-10 09:00'),
    c.transfer('2026-03-10 09:00'),
  ]);

/** The marital status certificate with a 10-working-day period, so its supplement window ends before it. */
const tenDays = compileProcedure({
  ...sampleDefinition(MARITAL_STATUS),
  committedDuration: { value: 10, unit: 'working-days' },
  statutoryDuration: { value: 10, unit: 'working-days' },
});

describe('TransferDossier', () => {
  it('hands the dossier to the first step immediately, starting its time budget', () => {
    const received = play(context, [c.submit(marital, '2026-03-10 08:50'), c.receive('2026-03-10 09:00')]);
    given(received)
      .when(c.transfer('2026-03-10 09:05'))
      .then([
        {
          type: 'DossierTransferred',
          data: {
            transferredAt: iso('2026-03-10 09:05'),
            transferDeadline: iso('2026-03-10 09:00'),
            timeliness: 'on-time',
            toStep: 'examine',
            toAgency: '000.31.18.H56',
            stepTimeBudget: 0.5,
            stepDueAt: iso('2026-03-10 14:05'),
          },
        },
      ]);
    expect(
      fold([...received, ...given(received).when(c.transfer('2026-03-10 09:05')).events()]),
    ).toMatchObject({
      status: 'in-progress',
      workflowState: 'examine.active',
    });
  });

  it('after the cut-off, gives until the start of the next working day', () => {
    const late = play(context, [c.submit(marital, '2026-03-10 15:20'), c.receive('2026-03-10 15:30')]);
    expect(given(late).when(c.transfer('2026-03-10 15:40')).events()[0].data).toMatchObject({
      transferDeadline: iso('2026-03-11 07:30'),
      timeliness: 'early',
      stepDueAt: iso('2026-03-11 10:40'),
    });
    expect(given(late).when(c.transfer('2026-03-11 08:00')).events()[0].data).toMatchObject({
      timeliness: 'on-time',
    });
    expect(given(late).when(c.transfer('2026-03-12 08:00')).events()[0].data).toMatchObject({
      timeliness: 'late',
    });
  });
});

describe('HandOver (form 05): each step is timed against its own budget', () => {
  const lienThong = sampleProcedure(BIRTH_HEALTH_INSURANCE);
  const ltContext = contextFor(lienThong);
  /** Received Mon 02/03/2026 09:00 (due Wed 11/03 09:00), transferred 09:30: "examine" due 14:30. */
  const ltExamining = play(ltContext, [
    c.submit(lienThong, '2026-03-02 08:50'),
    c.receive('2026-03-02 09:00'),
    c.transfer('2026-03-02 09:30'),
  ]);
  const toRegister = c.handOver('2026-03-02 11:00', 'HAND_OVER', specialist);
  const atRegister = [...ltExamining, ...dossierSpec(ltContext).given(ltExamining).when(toRegister).events()];

  it('records the hand-over within the commune with the finished step’s timeliness', () => {
    dossierSpec(ltContext)
      .given(ltExamining)
      .when(toRegister)
      .then([
        {
          type: 'DossierHandedOver',
          data: {
            event: 'HAND_OVER',
            handedOverAt: iso('2026-03-02 11:00'),
            fromStep: 'examine',
            fromAgency: '000.31.18.H56',
            toStep: 'register-birth',
            toAgency: '000.31.18.H56',
            interAgency: false,
            stepStartedAt: iso('2026-03-02 09:30'),
            timeBudget: 0.5,
            stepDueAt: iso('2026-03-02 14:30'),
            workingDaysUsed: 0.1875,
            timeliness: 'on-time',
            nextStepTimeBudget: 0.5,
            nextStepDueAt: iso('2026-03-02 16:00'),
          },
        },
      ]);
  });

  it('records the liên thông hand-over from the commune to the district social insurance, late by a day', () => {
    dossierSpec(ltContext)
      .given(atRegister)
      .when(c.handOver('2026-03-03 08:00', 'SEND_TO_SOCIAL_INSURANCE', leader))
      .then([
        {
          type: 'DossierHandedOver',
          data: {
            event: 'SEND_TO_SOCIAL_INSURANCE',
            handedOverAt: iso('2026-03-03 08:00'),
            fromStep: 'register-birth',
            fromAgency: '000.31.18.H56',
            toStep: 'issue-health-card',
            toAgency: '000.29.18.H56',
            interAgency: true,
            stepStartedAt: iso('2026-03-02 11:00'),
            timeBudget: 0.5,
            stepDueAt: iso('2026-03-02 16:00'),
            workingDaysUsed: 0.625,
            timeliness: 'late',
            nextStepTimeBudget: 3,
            nextStepDueAt: iso('2026-03-06 08:00'),
          },
        },
      ]);
  });

  it('times the last step at approval, by the partner agency', () => {
    const toPartner = c.handOver('2026-03-03 08:00', 'SEND_TO_SOCIAL_INSURANCE', leader);
    const atPartner = [...atRegister, ...dossierSpec(ltContext).given(atRegister).when(toPartner).events()];
    dossierSpec(ltContext)
      .given(atPartner)
      .when(c.approve('2026-03-05 10:00', socialInsurance))
      .then([
        {
          type: 'DossierApproved',
          data: {
            approvedAt: iso('2026-03-05 10:00'),
            step: 'issue-health-card',
            stepDueAt: iso('2026-03-06 08:00'),
            stepWorkingDaysUsed: 2.25,
            stepTimeliness: 'early',
          },
        },
      ]);
    // The commune's leader cannot decide for the social insurance office.
    dossierSpec(ltContext)
      .given(atPartner)
      .when(c.approve('2026-03-05 10:00', leader))
      .then({
        error: DossierActionNotAllowed,
        details: { state: 'issue-health-card.active', reason: 'role-not-allowed' },
      });
  });

  it('at minute granularity, marks a step early, on time to the minute, or late', () => {
    const minute = dossierSpec(contextFor(lienThong, { timelinessGranularity: 'minute' })).given(ltExamining);
    const timeliness = (when: string) =>
      minute.when(c.handOver(when, 'HAND_OVER', specialist)).events()[0].data;
    expect(timeliness('2026-03-02 11:00')).toMatchObject({ timeliness: 'early' });
    expect(timeliness('2026-03-02 14:30')).toMatchObject({ timeliness: 'on-time' });
    expect(timeliness('2026-03-02 14:31')).toMatchObject({ timeliness: 'late' });
  });

  it('follows the definition’s own events and guards (marital status: no former residence → signature)', () => {
    const [handedOver] = given(examining())
      .when(c.handOver('2026-03-10 10:00', 'SUBMIT_FOR_SIGNATURE', specialist))
      .events();
    expect(handedOver.data).toMatchObject({ fromStep: 'examine', toStep: 'sign', nextStepTimeBudget: 0.25 });
    given(examining())
      .when(c.handOver('2026-03-10 10:00', 'REQUEST_VERIFICATION', specialist))
      .then({
        error: DossierActionNotAllowed,
        details: { reason: 'guard-not-satisfied', state: 'examine.active' },
      });
  });

  it('refuses a hand-over by a role that does not work in the step, naming what it may do', () => {
    given(examining())
      .when(c.handOver('2026-03-10 10:00', 'SUBMIT_FOR_SIGNATURE', leader))
      .then({
        error: DossierActionNotAllowed,
        details: {
          state: 'examine.active',
          role: 'leader',
          reason: 'role-not-allowed',
          allowedActions: ['APOLOGISE'],
        },
      });
  });

  it('refuses lifecycle and decision events and undeclared events as hand-overs', () => {
    for (const event of ['APPROVE', 'REFUSE', 'TRANSFER', 'TELEPORT']) {
      given(examining())
        .when(c.handOver('2026-03-10 10:00', event, specialist))
        .then({ error: InvalidDossierCommand });
    }
  });
});

describe('supplement after acceptance', () => {
  it('pauses the clock in the step, within the window of 3 working days', () => {
    const spec = given(examining()).when(c.requestSupplement('2026-03-10 11:00'));
    spec.then([
      {
        type: 'SupplementRequested',
        data: {
          requestedAt: iso('2026-03-10 11:00'),
          step: 'examine',
          reason: 'Thiếu giấy tờ chứng minh nơi cư trú trước đây',
          missingDocuments: [{ name: 'Xác nhận nơi cư trú' }],
          policy: 'PAUSE',
          round: 1,
          windowEndsAt: iso('2026-03-13 09:00'),
        },
      },
    ]);
    expect(spec.state()).toMatchObject({
      status: 'paused',
      workflowState: 'examine.waiting-for-citizen',
      pauseKind: 'supplement',
      pausedSince: at('2026-03-10 11:00'),
    });
  });

  it('PAUSE: the time already used counts, every deadline moves by the paused working time', () => {
    const waiting = waitingForSupplement();
    const spec = given(waiting).when(c.provideSupplement('2026-03-12 14:00'));
    spec.then([
      {
        type: 'SupplementProvided',
        data: {
          providedAt: iso('2026-03-12 14:00'),
          resumedAt: iso('2026-03-12 14:00'),
          channel: 'counter',
          addedAttachments: [],
          policy: 'PAUSE',
          pausedWorkingDays: 2.25,
          // 2 h used before the pause, 6 h left from Thu 14:00.
          dueAt: iso('2026-03-13 11:00'),
          statutoryDueAt: iso('2026-03-17 11:00'),
          appointmentAt: iso('2026-03-13 11:00'),
          stepDueAt: iso('2026-03-12 16:00'),
        },
      },
    ]);
    expect(spec.state()).toMatchObject({ status: 'in-progress', workflowState: 'examine.active' });
  });

  it('PAUSE: a supplement after the cut-off resumes the clock the next working morning', () => {
    const waiting = waitingForSupplement();
    expect(given(waiting).when(c.provideSupplement('2026-03-12 15:30')).events()[0].data).toMatchObject({
      resumedAt: iso('2026-03-13 07:30'),
      pausedWorkingDays: 2.5625,
      dueAt: iso('2026-03-13 14:30'),
    });
  });

  it('RESTART: the committed and statutory periods start again from the supplement; the step budget only pauses', () => {
    const restarting = compileProcedure({ ...sampleDefinition(MARITAL_STATUS), supplementPolicy: 'RESTART' });
    const restartContext = contextFor(restarting);
    const waiting = play(restartContext, [
      c.submit(restarting, '2026-03-10 08:50'),
      c.receive('2026-03-10 09:00'),
      c.transfer('2026-03-10 09:00'),
      c.requestSupplement('2026-03-10 11:00'),
    ]);
    expect(waiting[1].data).toMatchObject({ supplementPolicy: 'RESTART' });
    const spec = dossierSpec(restartContext).given(waiting).when(c.provideSupplement('2026-03-12 14:00'));
    expect(spec.events()[0].data).toMatchObject({
      policy: 'RESTART',
      dueAt: iso('2026-03-13 14:00'),
      statutoryDueAt: iso('2026-03-17 14:00'),
      appointmentAt: iso('2026-03-13 14:00'),
      stepDueAt: iso('2026-03-12 16:00'),
    });
    expect(spec.state()).toMatchObject({ processing: { clockStartedAt: at('2026-03-12 14:00') } });
  });

  it('refuses a supplement requested more than 3 working days after receipt', () => {
    const { given } = dossierSpec(contextFor(tenDays));
    given(examining(tenDays)).when(c.requestSupplement('2026-03-13 09:00')).events();
    const error = given(examining(tenDays))
      .when(c.requestSupplement('2026-03-13 09:01'))
      .thenThrows({
        error: SupplementWindowClosed,
        details: { windowWorkingDays: 3, windowEndedAt: iso('2026-03-13 09:00') },
      });
    expect(error.kind).toBe('conflict');
  });

  it('counts the window on the processing clock: an excluded interval extends it', () => {
    const { given } = dossierSpec(contextFor(tenDays));
    const verified = play(contextFor(tenDays), [
      c.submit(tenDays, '2026-03-10 08:50'),
      c.receive('2026-03-10 09:00'),
      c.transfer('2026-03-10 09:00'),
      c.startExcludedInterval('2026-03-10 10:00'),
      c.endExcludedInterval('2026-03-11 10:00'),
    ]);
    expect(given(verified).when(c.requestSupplement('2026-03-16 09:00')).events()[0].data).toMatchObject({
      windowEndsAt: iso('2026-03-16 09:00'),
    });
    given(verified).when(c.requestSupplement('2026-03-16 09:01')).then({ error: SupplementWindowClosed });
  });

  it('uses the procedure’s own window when the sector law sets another one', () => {
    const fiveDays = compileProcedure({
      ...sampleDefinition(MARITAL_STATUS),
      committedDuration: { value: 10, unit: 'working-days' },
      statutoryDuration: { value: 10, unit: 'working-days' },
      supplementRequestWindow: 5,
    });
    const history = examining(fiveDays);
    dossierSpec(contextFor(fiveDays)).given(history).when(c.requestSupplement('2026-03-17 09:00')).events();
    dossierSpec(contextFor(fiveDays))
      .given(history)
      .when(c.requestSupplement('2026-03-17 09:01'))
      .then({ error: SupplementWindowClosed, details: { windowWorkingDays: 5 } });
  });

  it('only lets the citizen side provide the supplement', () => {
    const waiting = waitingForSupplement();
    given(waiting)
      .when({ ...c.provideSupplement('2026-03-11 09:00'), actor: specialist })
      .then({
        error: DossierActionNotAllowed,
        details: { state: 'examine.waiting-for-citizen', reason: 'role-not-allowed' },
      });
  });
});

describe('excluded intervals ("không tính vào thời gian giải quyết")', () => {
  it('takes an inter-agency verification out of the clock and records the moved deadlines', () => {
    const started = given(examining()).when(c.startExcludedInterval('2026-03-10 10:00'));
    started.then([
      {
        type: 'ExcludedIntervalStarted',
        data: {
          kind: 'inter-agency-verification',
          startedAt: iso('2026-03-10 10:00'),
          step: 'examine',
          legalBasis:
            'Khoản 3 Điều 22 Nghị định số 123/2015/NĐ-CP (xác minh tại nơi đã từng đăng ký thường trú)',
        },
      },
    ]);
    expect(started.state()).toMatchObject({ status: 'paused', workflowState: 'examine.excluded-interval' });
    const history = [...examining(), ...started.events()];
    given(history)
      .when(c.endExcludedInterval('2026-03-12 10:00'))
      .then([
        {
          type: 'ExcludedIntervalEnded',
          data: {
            kind: 'inter-agency-verification',
            endedAt: iso('2026-03-12 10:00'),
            pausedWorkingDays: 2,
            dueAt: iso('2026-03-13 09:00'),
            statutoryDueAt: iso('2026-03-17 09:00'),
            appointmentAt: iso('2026-03-13 09:00'),
            stepDueAt: iso('2026-03-12 14:00'),
          },
        },
      ]);
  });

  it('refuses an interval the procedure does not declare', () => {
    given(examining())
      .when({ ...c.startExcludedInterval('2026-03-10 10:00'), kind: 'financial-obligation' })
      .then({
        error: ExcludedIntervalNotDeclared,
        details: { intervalKind: 'financial-obligation', declared: ['inter-agency-verification'] },
      });
  });

  it('is not available at all in a procedure without excluded intervals', () => {
    const lienThong = sampleProcedure(BIRTH_HEALTH_INSURANCE);
    dossierSpec(contextFor(lienThong))
      .given(examining(lienThong))
      .when(c.startExcludedInterval('2026-03-10 10:00'))
      .then({ error: DossierActionNotAllowed, details: { reason: 'not-available' } });
  });
});

describe('RefuseResolution', () => {
  it('ends the dossier with the reasons, from the deciding step', () => {
    const signing = play(context, [
      c.submit(marital, '2026-03-10 08:50'),
      c.receive('2026-03-10 09:00'),
      c.transfer('2026-03-10 09:00'),
      c.handOver('2026-03-10 10:00', 'SUBMIT_FOR_SIGNATURE', specialist),
    ]);
    const spec = given(signing).when(c.refuseResolution('2026-03-10 11:00'));
    spec.then([
      {
        type: 'ResolutionRefused',
        data: {
          refusedAt: iso('2026-03-10 11:00'),
          step: 'sign',
          reason: 'Người yêu cầu đang có đăng ký kết hôn',
          dueAt: iso('2026-03-11 09:00'),
          granularity: 'day',
          timeliness: 'early',
        },
      },
    ]);
    expect(spec.state()).toMatchObject({ status: 'closed', outcome: 'refused', workflowState: 'refused' });
    given(signing)
      .when({ ...c.refuseResolution('2026-03-10 11:00'), reason: '  ' })
      .then({ error: InvalidDossierCommand });
  });
});

describe('the clock after the deadline (docs/domain/after-the-deadline.md)', () => {
  // Marital status: received Tue 10/03 09:00, due Wed 11/03 09:00; its 3-day supplement window outlasts it.
  it('refuses a supplement requested after the due instant, naming the rule and the instants (409)', () => {
    given(examining()).when(c.requestSupplement('2026-03-11 09:00')).events();
    const error = given(examining())
      .when(c.requestSupplement('2026-03-11 09:01'))
      .thenThrows({
        error: ClockStopAfterDeadline,
        details: {
          rule: 'supplement-after-deadline',
          dueAt: iso('2026-03-11 09:00'),
          at: iso('2026-03-11 09:01'),
        },
      });
    expect(error.kind).toBe('conflict');
  });

  it('refuses an excluded interval started after the due instant', () => {
    given(examining())
      .when(c.startExcludedInterval('2026-03-11 10:00'))
      .then({ error: ClockStopAfterDeadline, details: { rule: 'excluded-interval-after-deadline' } });
  });

  it('allows one supplement round, as the law does; a deployment may allow more', () => {
    const { given } = dossierSpec(contextFor(tenDays));
    const once = play(contextFor(tenDays), [
      c.submit(tenDays, '2026-03-10 08:50'),
      c.receive('2026-03-10 09:00'),
      c.transfer('2026-03-10 09:00'),
      c.requestSupplement('2026-03-10 10:00'),
      c.provideSupplement('2026-03-10 14:00'),
    ]);
    given(once)
      .when(c.requestSupplement('2026-03-11 10:00'))
      .then({ error: SupplementRoundsExhausted, details: { allowed: 1, requested: 1 } });
    const twice = dossierSpec(contextFor(tenDays, { supplementRoundsLimit: 2 }));
    expect(twice.given(once).when(c.requestSupplement('2026-03-11 10:00')).events()[0].data).toMatchObject({
      round: 2,
    });
  });

  describe('given an imported history, which keeps what happened', () => {
    const importing = (procedure = marital) => contextFor(procedure, { onIrregularity: 'record' });

    it('records a supplement after the deadline as an irregularity, and the pause hides no lateness', () => {
      const events = play(importing(), [
        ...[
          c.submit(marital, '2026-03-10 08:50'),
          c.receive('2026-03-10 09:00'),
          c.transfer('2026-03-10 09:00'),
        ],
        c.requestSupplement('2026-03-12 09:00'),
      ]);
      expect(events[events.length - 1].data).toMatchObject({
        startedOverdue: true,
        irregularities: [
          {
            rule: 'supplement-after-deadline',
            at: iso('2026-03-12 09:00'),
            limitAt: iso('2026-03-11 09:00'),
          },
        ],
      });
      const resumed = dossierSpec(importing()).given(events).when(c.provideSupplement('2026-03-16 09:00'));
      // The period had run out before the clock stopped: the deadline stays where it was.
      expect(resumed.events()[0].data).toMatchObject({ dueAt: iso('2026-03-11 09:00') });
    });

    it('RESTART after the deadline gives no new period: a dossier resolved days late stays late', () => {
      const restarting = compileProcedure({
        ...sampleDefinition(MARITAL_STATUS),
        supplementPolicy: 'RESTART',
      });
      const spec = dossierSpec(importing(restarting));
      const events = play(importing(restarting), [
        c.submit(restarting, '2026-03-10 08:50'),
        c.receive('2026-03-10 09:00'),
        c.transfer('2026-03-10 09:00'),
        c.requestSupplement('2026-03-13 09:00'),
        c.provideSupplement('2026-03-16 09:00'),
        c.handOver('2026-03-16 10:00', 'SUBMIT_FOR_SIGNATURE', specialist),
        c.approve('2026-03-16 11:00'),
      ]);
      const [result] = spec.given(events).when(c.issueResult('2026-03-16 14:00')).events();
      expect(result.data).toMatchObject({
        dueAt: iso('2026-03-11 09:00'),
        timeliness: 'late',
        irregularities: [{ rule: 'late-without-apology', limitAt: iso('2026-03-11 09:00') }],
      });
    });

    it('keeps the missed deadline through a later excluded interval after a RESTART that gave no new period (property seed 1829493326)', () => {
      // Found by the II.06a property suite: evolve restarted the clock although the decider had not, so the
      // next resumption computed a deadline a day later and a late dossier was counted early.
      const restarting = compileProcedure({
        ...sampleDefinition(MARITAL_STATUS),
        supplementPolicy: 'RESTART',
      });
      const events = play(importing(restarting), [
        c.submit(restarting, '2025-11-03 07:30'),
        c.receive('2025-11-03 07:45'),
        c.transfer('2025-11-03 07:45'),
        c.requestSupplement('2025-11-04 08:15'),
        c.provideSupplement('2025-11-04 08:45'),
        c.startExcludedInterval('2025-11-04 09:15'),
        c.endExcludedInterval('2025-11-04 09:45'),
      ]);
      expect(events[events.length - 1].data).toMatchObject({ dueAt: iso('2025-11-04 07:45') });
      expect(fold(events)).toMatchObject({ processing: { clockStartedAt: at('2025-11-03 07:45') } });
    });

    it('records a second supplement round and an excluded interval after the deadline instead of refusing them', () => {
      const events = play(importing(tenDays), [
        c.submit(tenDays, '2026-03-10 08:50'),
        c.receive('2026-03-10 09:00'),
        c.transfer('2026-03-10 09:00'),
        c.requestSupplement('2026-03-10 10:00'),
        c.provideSupplement('2026-03-10 14:00'),
        c.requestSupplement('2026-03-11 10:00'),
      ]);
      expect(events[events.length - 1].data).toMatchObject({
        round: 2,
        irregularities: [{ rule: 'supplement-rounds-exceeded', allowed: 1, count: 2 }],
      });
      const late = play(importing(), [
        c.submit(marital, '2026-03-10 08:50'),
        c.receive('2026-03-10 09:00'),
        c.transfer('2026-03-10 09:00'),
        c.startExcludedInterval('2026-03-12 10:00'),
      ]);
      expect(late[late.length - 1].data).toMatchObject({
        startedOverdue: true,
        irregularities: [{ rule: 'excluded-interval-after-deadline' }],
      });
    });
  });

  it('times a refusal to resolve against the deadline, and records a late one live', () => {
    const signing = play(context, [
      c.submit(marital, '2026-03-10 08:50'),
      c.receive('2026-03-10 09:00'),
      c.transfer('2026-03-10 09:00'),
      c.handOver('2026-03-10 10:00', 'SUBMIT_FOR_SIGNATURE', specialist),
    ]);
    expect(given(signing).when(c.refuseResolution('2026-03-12 11:00')).events()[0].data).toMatchObject({
      timeliness: 'late',
      irregularities: [{ rule: 'refusal-after-deadline', limitAt: iso('2026-03-11 09:00') }],
    });
  });
});
