import {
  ApologyAlreadyIssued,
  ApologyTooLate,
  DossierActionNotAllowed,
  DossierAlreadyRated,
  InvalidDossierCommand,
  RescheduledAppointmentNotLater,
  ResultDeliveryNotOffered,
} from './errors';
import { dossierSpec, fold, play } from './testing/dossier-spec';
import {
  BIRTH_HEALTH_INSURANCE,
  DOSSIER_CODE,
  MARITAL_STATUS,
  citizen,
  commands as c,
  contextFor,
  counter,
  iso,
  leader,
  sampleProcedure,
  specialist,
} from './testing/fixtures';
import type { DossierCommand } from './dossier-commands';

const marital = sampleProcedure(MARITAL_STATUS);
const context = contextFor(marital);
const { given } = dossierSpec(context);

/** Marital status received Tue 10/03/2026 09:00: due Wed 11/03 09:00, statutory Fri 13/03 09:00. */
const intake: DossierCommand[] = [
  c.submit(marital, '2026-03-10 08:50'),
  c.receive('2026-03-10 09:00'),
  c.transfer('2026-03-10 09:05'),
  c.handOver('2026-03-10 10:00', 'SUBMIT_FOR_SIGNATURE', specialist),
];
const approved = play(context, [...intake, c.approve('2026-03-10 11:00')]);

describe('the happy path: received, examined, signed, issued, returned and rated', () => {
  it('decides every step and ends closed with the outcome "returned"', () => {
    given(play(context, intake))
      .when(c.approve('2026-03-10 11:00'))
      .then([
        {
          type: 'DossierApproved',
          data: {
            approvedAt: iso('2026-03-10 11:00'),
            step: 'sign',
            stepDueAt: iso('2026-03-10 12:00'),
            stepWorkingDaysUsed: 0.125,
            stepTimeliness: 'on-time',
          },
        },
      ]);
    given(approved)
      .when(c.issueResult('2026-03-10 14:00'))
      .then([
        {
          type: 'ResultIssued',
          data: {
            resolvedAt: iso('2026-03-10 14:00'),
            electronic: true,
            dueAt: iso('2026-03-11 09:00'),
            statutoryDueAt: iso('2026-03-13 09:00'),
            appointmentAt: iso('2026-03-11 09:00'),
            granularity: 'day',
            timeliness: 'early',
            statutoryTimeliness: 'early',
            workingDaysUsed: 0.5,
            workingDaysBeforeDue: 0.5,
            workingDaysBeforeStatutoryDue: 2.5,
            apologised: false,
          },
        },
      ]);
    const issued = play(context, [
      ...intake,
      c.approve('2026-03-10 11:00'),
      c.issueResult('2026-03-10 14:00'),
    ]);
    expect(fold(issued)).toMatchObject({ status: 'resolved', workflowState: 'result-ready' });
    given(issued)
      .when(c.returnResult('2026-03-10 15:00', 'counter'))
      .then([{ type: 'ResultReturned', data: { returnedAt: iso('2026-03-10 15:00'), method: 'counter' } }]);
    const returned = play(context, [
      ...intake,
      c.approve('2026-03-10 11:00'),
      c.issueResult('2026-03-10 14:00'),
      c.returnResult('2026-03-10 15:00'),
    ]);
    const rated = given(returned).when(c.rate('2026-03-10 15:05', 5));
    rated.then([{ type: 'DossierRated', data: { ratedAt: iso('2026-03-10 15:05'), score: 5 } }]);
    expect(rated.state()).toMatchObject({
      status: 'closed',
      outcome: 'returned',
      workflowState: 'returned',
      returnMethod: 'counter',
      rating: 5,
      resolution: { timeliness: 'early' },
      processing: { code: DOSSIER_CODE },
    });
  });
});

describe('ResultIssued: timeliness against the original due time', () => {
  const issue = (when: string, granularity: 'day' | 'minute' = 'day') =>
    dossierSpec(contextFor(marital, { timelinessGranularity: granularity }))
      .given(approved)
      .when(c.issueResult(when))
      .events()[0].data;

  it.each([
    ['2026-03-10 15:00', 'early'],
    ['2026-03-11 10:00', 'on-time'],
    ['2026-03-11 16:00', 'on-time'],
    ['2026-03-12 08:00', 'late'],
  ])('at day granularity (default), resolved %s is %s', (when, timeliness) => {
    expect(issue(when)).toMatchObject({ granularity: 'day', timeliness, statutoryTimeliness: 'early' });
  });

  it.each([
    ['2026-03-11 08:59', 'early'],
    ['2026-03-11 09:00', 'on-time'],
    ['2026-03-11 09:01', 'late'],
  ])('at minute granularity, resolved %s is %s', (when, timeliness) => {
    expect(issue(when, 'minute')).toMatchObject({ granularity: 'minute', timeliness });
  });

  it('also measures against the statutory due time, in working days net of pauses (negative when late)', () => {
    expect(issue('2026-03-16 08:00')).toMatchObject({
      timeliness: 'late',
      statutoryTimeliness: 'late',
      workingDaysBeforeDue: -2.875,
      workingDaysBeforeStatutoryDue: -0.875,
      workingDaysUsed: 3.875,
    });
  });
});

describe('Withdraw: allowed before approval, refused after', () => {
  it('withdraws at intake, in a step and while waiting for the citizen', () => {
    given(play(context, [c.submit(marital, '2026-03-10 08:50')]))
      .when(c.withdraw('2026-03-10 08:55'))
      .then([
        {
          type: 'DossierWithdrawn',
          data: { withdrawnAt: iso('2026-03-10 08:55'), reason: 'Không còn nhu cầu', fromState: 'submitted' },
        },
      ]);
    expect(given(play(context, intake)).when(c.withdraw('2026-03-10 10:30')).state()).toMatchObject({
      status: 'closed',
      outcome: 'withdrawn',
      workflowState: 'withdrawn',
    });
    const waiting = play(context, [...intake.slice(0, 3), c.requestSupplement('2026-03-10 11:00')]);
    const withdrawn = given(waiting).when(c.withdraw('2026-03-11 09:00')).state();
    expect(withdrawn).toMatchObject({ status: 'closed', processing: { pauses: [{ kind: 'supplement' }] } });
    expect(withdrawn.status === 'closed' && withdrawn.processing?.pauses[0].to).toEqual(
      new Date(iso('2026-03-11 09:00')),
    );
  });

  it('refuses a withdrawal after approval', () => {
    given(approved)
      .when(c.withdraw('2026-03-10 11:30'))
      .then({
        error: DossierActionNotAllowed,
        details: { action: 'WITHDRAW', state: 'approved', role: 'citizen', allowedActions: [] },
      });
  });
});

describe('IssueApology (form 04): at least 1 working day before the deadline, at most once', () => {
  const lienThong = sampleProcedure(BIRTH_HEALTH_INSURANCE);
  const ltContext = contextFor(lienThong);
  const lt = dossierSpec(ltContext);
  /** Received Mon 02/03/2026 09:00 with 7 working days: due Wed 11/03 09:00. */
  const processing = play(ltContext, [
    c.submit(lienThong, '2026-03-02 08:50'),
    c.receive('2026-03-02 09:00'),
    c.transfer('2026-03-02 09:30'),
  ]);
  const apology = c.apologise('2026-03-10 09:00', '2026-03-13 09:00');
  const apologised = [...processing, ...lt.given(processing).when(apology).events()];

  it('apologises exactly one working day ahead and reschedules, keeping the original due time', () => {
    lt.given(processing)
      .when(apology)
      .then([
        {
          type: 'ApologyIssued',
          data: {
            issuedAt: iso('2026-03-10 09:00'),
            reason: 'Chờ kết quả xác minh của cơ quan khác',
            agencyCode: '000.31.18.H56',
            originalDueAt: iso('2026-03-11 09:00'),
            workingDaysLeft: 1,
          },
        },
        {
          type: 'AppointmentRescheduled',
          data: {
            rescheduledAt: iso('2026-03-10 09:00'),
            previousAppointmentAt: iso('2026-03-11 09:00'),
            newAppointmentAt: iso('2026-03-13 09:00'),
            originalDueAt: iso('2026-03-11 09:00'),
            reason: 'Chờ kết quả xác minh của cơ quan khác',
          },
        },
      ]);
    expect(fold(apologised)).toMatchObject({
      workflowState: 'examine.active',
      processing: {
        apologised: true,
        rescheduled: true,
        dueAt: new Date(iso('2026-03-11 09:00')),
        appointmentAt: new Date(iso('2026-03-13 09:00')),
      },
    });
  });

  it('refuses an apology less than one working day before the deadline', () => {
    lt.given(processing)
      .when(c.apologise('2026-03-10 09:01', '2026-03-13 09:00'))
      .then({
        error: ApologyTooLate,
        details: { dueAt: iso('2026-03-11 09:00'), workingDaysLeft: 0.9979, requiredWorkingDays: 1 },
      });
    lt.given(processing)
      .when(c.apologise('2026-03-12 09:00', '2026-03-13 09:00'))
      .then({ error: ApologyTooLate });
  });

  it('refuses a second apology: the return date is reset at most once', () => {
    lt.given(apologised)
      .when(c.apologise('2026-03-10 09:00', '2026-03-16 09:00'))
      .then({ error: ApologyAlreadyIssued, details: { appointmentAt: iso('2026-03-13 09:00') } });
  });

  it('refuses a new appointment that is not later than the current one', () => {
    lt.given(processing)
      .when(c.apologise('2026-03-09 09:00', '2026-03-11 09:00'))
      .then({ error: RescheduledAppointmentNotLater });
  });

  it('counts a late result as late against the original due time, "with apology"', () => {
    const atPartner = play(ltContext, [
      c.submit(lienThong, '2026-03-02 08:50'),
      c.receive('2026-03-02 09:00'),
      c.transfer('2026-03-02 09:30'),
      c.apologise('2026-03-10 09:00', '2026-03-13 09:00'),
      c.handOver('2026-03-10 10:00', 'HAND_OVER', specialist),
      c.handOver('2026-03-10 11:00', 'SEND_TO_SOCIAL_INSURANCE', leader),
      c.approve('2026-03-12 10:00', { id: 'bhxh', role: 'partner-agency' }),
    ]);
    expect(lt.given(atPartner).when(c.issueResult('2026-03-12 14:00')).events()[0].data).toMatchObject({
      dueAt: iso('2026-03-11 09:00'),
      appointmentAt: iso('2026-03-13 09:00'),
      timeliness: 'late',
      statutoryTimeliness: 'early',
      apologised: true,
    });
  });

  it('freezes the time left during an excluded interval', () => {
    const verifying = play(context, [
      c.submit(marital, '2026-03-10 08:50'),
      c.receive('2026-03-10 09:00'),
      c.transfer('2026-03-10 09:00'),
      c.startExcludedInterval('2026-03-10 09:00'),
    ]);
    expect(
      given(verifying).when(c.apologise('2026-03-12 10:00', '2026-03-16 09:00')).events()[0].data,
    ).toMatchObject({
      workingDaysLeft: 1,
    });
  });

  it('is not possible while waiting for the citizen, nor for the citizen', () => {
    const waiting = play(ltContext, [
      c.submit(lienThong, '2026-03-02 08:50'),
      c.receive('2026-03-02 09:00'),
      c.transfer('2026-03-02 09:30'),
      c.requestSupplement('2026-03-02 10:00'),
    ]);
    lt.given(waiting)
      .when(apology)
      .then({
        error: DossierActionNotAllowed,
        details: { state: 'examine.waiting-for-citizen', reason: 'not-available' },
      });
    lt.given(processing)
      .when({ ...apology, actor: citizen })
      .then({ error: DossierActionNotAllowed, details: { role: 'citizen', allowedActions: ['WITHDRAW'] } });
  });
});

describe('ReturnResult and Rate', () => {
  const issued = play(context, [...intake, c.approve('2026-03-10 11:00'), c.issueResult('2026-03-10 14:00')]);
  const returned = play(context, [
    ...intake,
    c.approve('2026-03-10 11:00'),
    c.issueResult('2026-03-10 14:00'),
    c.returnResult('2026-03-10 15:00', 'post'),
  ]);

  it('returns only by a channel the procedure delivers by', () => {
    const lienThong = sampleProcedure(BIRTH_HEALTH_INSURANCE);
    const ltContext = contextFor(lienThong);
    const ltIssued = play(ltContext, [
      c.submit(lienThong, '2026-03-02 08:50'),
      c.receive('2026-03-02 09:00'),
      c.transfer('2026-03-02 09:30'),
      c.handOver('2026-03-02 10:00', 'HAND_OVER', specialist),
      c.handOver('2026-03-02 11:00', 'SEND_TO_SOCIAL_INSURANCE', leader),
      c.approve('2026-03-04 10:00', { id: 'bhxh', role: 'partner-agency' }),
      c.issueResult('2026-03-04 11:00', counter),
    ]);
    dossierSpec(ltContext)
      .given(ltIssued)
      .when(c.returnResult('2026-03-04 14:00', 'online'))
      .then({ error: ResultDeliveryNotOffered, details: { method: 'online', offered: ['counter', 'post'] } });
  });

  it('accepts one rating, after the return only', () => {
    given(issued)
      .when(c.rate('2026-03-10 14:30'))
      .then({ error: DossierActionNotAllowed, details: { action: 'RATE', state: 'result-ready' } });
    const rated = play(context, [
      ...intake,
      c.approve('2026-03-10 11:00'),
      c.issueResult('2026-03-10 14:00'),
      c.returnResult('2026-03-10 15:00', 'post'),
      c.rate('2026-03-12 08:00', 4),
    ]);
    given(rated)
      .when(c.rate('2026-03-12 09:00', 1))
      .then({ error: DossierAlreadyRated, details: { score: 4 } });
  });

  it.each([0, 6, 4.5])('refuses a score of %d', (score) => {
    given(returned).when(c.rate('2026-03-12 08:00', score)).then({ error: InvalidDossierCommand });
  });

  it('lets no officer rate for the citizen', () => {
    given(returned)
      .when(c.rate('2026-03-12 08:00', 5, counter))
      .then({
        error: DossierActionNotAllowed,
        details: { role: 'receiving-officer', reason: 'role-not-allowed' },
      });
  });
});

describe('FlagAtRisk (scheduler)', () => {
  const risky = dossierSpec(contextFor(marital, { atRiskWorkingHours: 4 }));
  const examining = play(context, [
    c.submit(marital, '2026-03-10 08:50'),
    c.receive('2026-03-10 09:00'),
    c.transfer('2026-03-10 09:00'),
  ]);

  it('given a one-working-day procedure just received, then it is not at risk (the threshold scales with it)', () => {
    // Before, a fixed 12 working hours flagged every procedure of 1.5 days or less at receipt.
    given(examining).when(c.flagAtRisk('2026-03-10 09:05')).then([]);
    given(examining).when(c.flagAtRisk('2026-03-10 14:00')).then([]);
  });

  it('does nothing while more working time is left than the threshold', () => {
    risky.given(examining).when(c.flagAtRisk('2026-03-10 13:00')).then([]);
  });

  it('flags a one-day dossier with a quarter of its period left, once, with no apology it could no longer issue', () => {
    const spec = risky.given(examining).when(c.flagAtRisk('2026-03-11 07:30'));
    const [event] = spec.events();
    expect(event).toMatchObject({
      type: 'DossierAtRisk',
      data: {
        flaggedAt: iso('2026-03-11 07:30'),
        dueAt: iso('2026-03-11 09:00'),
        appointmentAt: iso('2026-03-11 09:00'),
        workingDaysLeft: 0.1875,
        thresholdWorkingHours: 2,
      },
    });
    if (event.type !== 'DossierAtRisk') throw new Error('expected DossierAtRisk');
    // Form 04 needs a working day of notice: with 1.5 hours left a draft could not be issued.
    expect(event.data.draftApology).toBeUndefined();
    const flagged = [...examining, event];
    risky.given(flagged).when(c.flagAtRisk('2026-03-11 08:00')).then([]);
    expect(fold(flagged)).toMatchObject({ processing: { atRisk: true } });
  });

  it('drafts form 04 in Vietnamese and English while it can still be issued, without personal data', () => {
    const early = dossierSpec(contextFor(marital, { atRiskShare: 1, atRiskMinWorkingHours: 0 }));
    const [event] = early.given(examining).when(c.flagAtRisk('2026-03-10 09:00')).events();
    if (event?.type !== 'DossierAtRisk') throw new Error('expected DossierAtRisk');
    expect(event.data).toMatchObject({ workingDaysLeft: 1, thresholdWorkingHours: 8 });
    const draft = event.data.draftApology;
    if (draft === undefined) throw new Error('expected a draft');
    expect(draft.vi).toContain(`hồ sơ số ${DOSSIER_CODE}`);
    expect(draft.vi).toContain('09:00 11/03/2026');
    expect(draft.vi).toContain('UBND xã Khánh Trung');
    expect(draft.vi).toContain('[họ và tên người nộp hồ sơ]');
    expect(JSON.stringify(draft)).not.toContain('Nguyễn Thị Lan');
  });

  it('does nothing while the clock is paused or stopped', () => {
    const waiting = [
      ...examining,
      ...given(examining).when(c.requestSupplement('2026-03-10 10:00')).events(),
    ];
    risky.given(waiting).when(c.flagAtRisk('2026-03-11 15:00')).then([]);
    risky
      .given(play(context, [...intake, c.approve('2026-03-10 11:00'), c.issueResult('2026-03-10 14:00')]))
      .when(c.flagAtRisk('2026-03-11 15:00'))
      .then([]);
  });
});
