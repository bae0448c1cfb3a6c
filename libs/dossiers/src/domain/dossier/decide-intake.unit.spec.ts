import { compileProcedure } from '@tthc/procedures';
import {
  ChannelNotOffered,
  CompletionAlreadyRequested,
  DossierActionNotAllowed,
  DossierAlreadySubmitted,
  DossierNotFound,
  InvalidApplication,
  InvalidDossierCode,
  InvalidDossierCommand,
} from './errors';
import { dossierSpec, fold, play } from './testing/dossier-spec';
import { OFFICIAL_CALENDAR_2025, OFFICIAL_CALENDAR_2026, WorkingDayCalendar } from '../calendar';
import {
  BIRTH_HEALTH_INSURANCE,
  DOSSIER_CODE,
  MARITAL_STATUS,
  applicant,
  at,
  citizen,
  commands as c,
  contextFor,
  counter,
  integration,
  iso,
  maritalStatusApplication,
  sampleDefinition,
  sampleProcedure,
} from './testing/fixtures';

const marital = sampleProcedure(MARITAL_STATUS);
const context = contextFor(marital);
const { given } = dossierSpec(context);

/** Submitted at the counter at `when`, by the counter officer. */
const submitted = (when: string) => play(context, [c.submit(marital, when)]);

describe('SubmitDossier', () => {
  it('records the application, the channel and the procedure version and online level at submission', () => {
    given([])
      .when(
        c.submit(marital, '2026-03-10 08:50', {
          channel: 'online',
          actor: citizen,
          paymentReference: 'PAY-77',
        }),
      )
      .then([
        {
          type: 'DossierSubmitted',
          data: {
            dossierId: 'dossier-1',
            procedureCode: '1.004873',
            procedureVersion: 1,
            agencyCode: '000.31.18.H56',
            channel: 'online',
            onlineServiceLevel: 'full',
            onlineLevel: 'full',
            applicant,
            formData: maritalStatusApplication,
            attachments: [
              {
                id: 'file-1',
                fileName: 'to-khai.pdf',
                mediaType: 'application/pdf',
                sizeBytes: 48213,
                documentCode: 'to-khai',
              },
            ],
            paymentReference: 'PAY-77',
            submittedAt: iso('2026-03-10 08:50'),
          },
        },
      ]);
  });

  it('normalises a legacy level 3 to partial online for an online submission', () => {
    const level3 = compileProcedure({ ...sampleDefinition(MARITAL_STATUS), onlineServiceLevel: 3 });
    const [event] = dossierSpec(contextFor(level3))
      .given([])
      .when(c.submit(level3, '2026-03-10 08:50', { channel: 'online', actor: citizen }))
      .events();
    expect(event.data).toMatchObject({ onlineServiceLevel: 3, onlineLevel: 'partial' });
  });

  it('records the level the dossier was submitted at: none at the counter and by post', () => {
    // Given a procedure offered in full online, when it is submitted at the counter or by post, then the
    // dossier is not online at any level (the procedure's level stays in onlineServiceLevel).
    for (const channel of ['counter', 'post'] as const) {
      const [event] = given([])
        .when(c.submit(marital, '2026-03-10 08:50', { channel }))
        .events();
      expect(event.data).toMatchObject({ channel, onlineServiceLevel: 'full', onlineLevel: 'none' });
    }
  });

  it('records an online submission at the level stated (partial of a full procedure), else the procedure’s', () => {
    const online = { channel: 'online', actor: citizen } as const;
    const [partial] = given([])
      .when(c.submit(marital, '2026-03-10 08:50', { ...online, onlineLevel: 'partial' }))
      .events();
    expect(partial.data).toMatchObject({ onlineServiceLevel: 'full', onlineLevel: 'partial' });
    const [unstated] = given([])
      .when(c.submit(marital, '2026-03-10 08:50', online))
      .events();
    expect(unstated.data).toMatchObject({ onlineLevel: 'full' });
  });

  it('refuses an online level on a counter submission, and an online submission at no level', () => {
    given([])
      .when(c.submit(marital, '2026-03-10 08:50', { channel: 'counter', onlineLevel: 'full' }))
      .thenThrows({ error: InvalidDossierCommand });
    given([])
      .when(c.submit(marital, '2026-03-10 08:50', { channel: 'online', actor: citizen, onlineLevel: 'none' }))
      .thenThrows({ error: InvalidDossierCommand });
  });

  it('refuses an application that does not match the form, with the JSON paths of the problems', () => {
    const formData = {
      ...maritalStatusApplication,
      applicant: { ...(maritalStatusApplication.applicant as object), personalId: '12345' },
      intendedSpouse: undefined,
    };
    const error = given([])
      .when(c.submit(marital, '2026-03-10 08:50', { formData: JSON.parse(JSON.stringify(formData)) }))
      .thenThrows({ error: InvalidApplication });
    expect(error.kind).toBe('invalid');
    expect(error.errors.map((e) => e.path).sort()).toEqual(['/applicant/personalId', '/intendedSpouse']);
  });

  it('refuses a second submission on the same stream', () => {
    given(submitted('2026-03-10 08:50'))
      .when(c.submit(marital, '2026-03-10 08:55'))
      .then({ error: DossierAlreadySubmitted, details: { dossierId: 'dossier-1' } });
  });

  it('refuses an online submission of a procedure that is not online (level 2)', () => {
    const offline = compileProcedure({ ...sampleDefinition(MARITAL_STATUS), onlineServiceLevel: 2 });
    dossierSpec(contextFor(offline))
      .given([])
      .when(c.submit(offline, '2026-03-10 08:50', { channel: 'online', actor: citizen }))
      .then({ error: ChannelNotOffered });
  });

  it('refuses a submission by a role that cannot submit', () => {
    given([])
      .when(c.submit(marital, '2026-03-10 08:50', { actor: { id: 'x', role: 'leader' } }))
      .then({
        error: DossierActionNotAllowed,
        details: { state: 'empty', role: 'leader', allowedActions: [] },
      });
  });

  it('answers any other command on an empty stream with DossierNotFound', () => {
    given([]).when(c.receive('2026-03-10 09:00')).then({ error: DossierNotFound });
    given([]).when(c.flagAtRisk('2026-03-10 09:00')).then({ error: DossierNotFound });
  });
});

describe('ReceiveDossier (form 01)', () => {
  it('gives the appointment to the minute: committed 1 working day, statutory 3', () => {
    given(submitted('2026-03-10 08:50'))
      .when(c.receive('2026-03-10 09:00'))
      .then([
        {
          type: 'DossierReceived',
          data: {
            dossierCode: DOSSIER_CODE,
            receivedAt: iso('2026-03-10 09:00'),
            acceptedAt: iso('2026-03-10 09:00'),
            effectiveReceivedAt: iso('2026-03-10 09:00'),
            legalRegime: 'decree-118-2025',
            committedDuration: { unit: 'working-days', value: 1 },
            statutoryDuration: { unit: 'working-days', value: 3 },
            deadlineMode: 'WORKING_HOURS',
            receiptCutoff: '15:00',
            supplementPolicy: 'PAUSE',
            dueAt: iso('2026-03-11 09:00'),
            statutoryDueAt: iso('2026-03-13 09:00'),
            appointmentAt: iso('2026-03-11 09:00'),
            receivingOfficer: { id: 'officer-hoa', agency: '000.31.18.H56' },
          },
        },
      ]);
  });

  it('counts a receipt after the 15:00 cut-off from the start of the next working day', () => {
    given(submitted('2026-03-10 15:25'))
      .when(c.receive('2026-03-10 15:30'))
      .events()
      .forEach(({ data }) =>
        expect(data).toMatchObject({
          receivedAt: iso('2026-03-10 15:30'),
          effectiveReceivedAt: iso('2026-03-11 07:30'),
          // 1 working day from 07:30 ends with the office day (an exact fit does not spill into the next one).
          dueAt: iso('2026-03-11 16:30'),
          appointmentAt: iso('2026-03-11 16:30'),
        }),
      );
  });

  it('counts a receipt at 15:00 sharp the same day (only strictly later is after the cut-off)', () => {
    const [received] = given(submitted('2026-03-10 14:55')).when(c.receive('2026-03-10 15:00')).events();
    expect(received.data).toMatchObject({
      effectiveReceivedAt: iso('2026-03-10 15:00'),
      dueAt: iso('2026-03-11 15:00'),
    });
  });

  it('counts an online submission at 22:00 on Saturday from Monday 07:30, whenever the counter accepts it', () => {
    const history = play(context, [
      c.submit(marital, '2026-03-07 22:00', { channel: 'online', actor: citizen }),
    ]);
    const [received] = given(history).when(c.receive('2026-03-09 09:40')).events();
    expect(received.data).toMatchObject({
      receivedAt: iso('2026-03-07 22:00'),
      acceptedAt: iso('2026-03-09 09:40'),
      effectiveReceivedAt: iso('2026-03-09 07:30'),
      dueAt: iso('2026-03-09 16:30'),
      statutoryDueAt: iso('2026-03-11 16:30'),
    });
  });

  it('skips Tết 2026: received Fri 13/02/2026 10:00 with 1 working day, due Mon 23/02/2026 10:00', () => {
    const [received] = given(submitted('2026-02-13 09:50')).when(c.receive('2026-02-13 10:00')).events();
    expect(received.data).toMatchObject({
      dueAt: iso('2026-02-23 10:00'),
      appointmentAt: iso('2026-02-23 10:00'),
      statutoryDueAt: iso('2026-02-25 10:00'),
    });
  });

  it('stores Decree 61/2018 for a receipt on 30/06/2025 and Decree 118/2025 from 01/07/2025', () => {
    const on = (day: string) =>
      given(submitted(`${day} 09:50`))
        .when(c.receive(`${day} 10:00`))
        .events()[0].data;
    expect(on('2025-06-30')).toMatchObject({ legalRegime: 'decree-61-2018' });
    expect(on('2025-07-01')).toMatchObject({ legalRegime: 'decree-118-2025' });
  });

  it('dates an online dossier by its submission: submitted 30/06/2025 23:00, accepted 01/07 → Decree 61', () => {
    const history = play(context, [
      c.submit(marital, '2025-06-30 23:00', { channel: 'online', actor: citizen }),
    ]);
    const [received] = given(history).when(c.receive('2025-07-01 08:00')).events();
    expect(received.data).toMatchObject({
      legalRegime: 'decree-61-2018',
      effectiveReceivedAt: iso('2025-07-01 07:30'),
    });
  });

  it('refuses a malformed dossier code', () => {
    given(submitted('2026-03-10 08:50'))
      .when(c.receive('2026-03-10 09:00', '000.31.18.H56-260310-1'))
      .then({ error: InvalidDossierCode });
  });

  it('lets only the counter receive, and names what the citizen may do instead', () => {
    const error = given(submitted('2026-03-10 08:50'))
      .when(c.receive('2026-03-10 09:00', DOSSIER_CODE, citizen))
      .thenThrows({
        error: DossierActionNotAllowed,
        details: {
          action: 'RECEIVE',
          state: 'submitted',
          role: 'citizen',
          reason: 'role-not-allowed',
          allowedActions: ['WITHDRAW'],
        },
      });
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('allowed now: WITHDRAW');
  });
});

describe('guidance once (form 02) and refusal to receive (form 03)', () => {
  it('asks to complete the dossier, then receives the completed one counting from the completion', () => {
    const history = play(context, [
      c.submit(marital, '2026-03-09 09:00', { channel: 'online', actor: citizen }),
      c.requestCompletion('2026-03-09 10:00'),
    ]);
    given(history)
      .when(c.complete('2026-03-10 09:00', integration))
      .then([
        {
          type: 'DossierCompleted',
          data: { completedAt: iso('2026-03-10 09:00'), channel: 'counter', addedAttachments: [] },
        },
      ]);
    const completed = play(context, [
      c.submit(marital, '2026-03-09 09:00', { channel: 'online', actor: citizen }),
      c.requestCompletion('2026-03-09 10:00'),
      c.complete('2026-03-10 09:00', integration),
    ]);
    const [received] = given(completed).when(c.receive('2026-03-10 11:00')).events();
    expect(received.data).toMatchObject({
      receivedAt: iso('2026-03-10 09:00'),
      dueAt: iso('2026-03-11 09:00'),
    });
  });

  it('records the missing documents and the written guidance', () => {
    given(submitted('2026-03-10 08:50'))
      .when(c.requestCompletion('2026-03-10 09:00'))
      .then([
        {
          type: 'CompletionRequested',
          data: {
            requestedAt: iso('2026-03-10 09:00'),
            missingDocuments: [{ code: 'giay-to-ly-hon-hoac-chet', name: 'Bản án ly hôn' }],
            guidance: 'Bổ sung bản sao bản án ly hôn.',
          },
        },
      ]);
  });

  it('refuses a second completion request: guidance is given once', () => {
    const awaiting = play(context, [
      c.submit(marital, '2026-03-10 08:50'),
      c.requestCompletion('2026-03-10 09:00'),
    ]);
    given(awaiting).when(c.requestCompletion('2026-03-10 09:30')).then({ error: CompletionAlreadyRequested });
    const resubmitted = play(context, [
      c.submit(marital, '2026-03-10 08:50'),
      c.requestCompletion('2026-03-10 09:00'),
      c.complete('2026-03-11 08:00'),
    ]);
    given(resubmitted)
      .when(c.requestCompletion('2026-03-11 08:10'))
      .then({
        error: CompletionAlreadyRequested,
        details: { allowedActions: ['RECEIVE', 'REFUSE_TO_RECEIVE', 'WITHDRAW'] },
      });
  });

  it('refuses to receive with a reason, and that is final: the dossier is never received', () => {
    const refused = play(context, [
      c.submit(marital, '2026-03-10 08:50'),
      c.refuseReceipt('2026-03-10 09:00'),
    ]);
    expect(refused[1]).toEqual({
      type: 'ReceiptRefused',
      data: { refusedAt: iso('2026-03-10 09:00'), reason: 'Không thuộc thẩm quyền giải quyết của UBND xã' },
    });
    expect(fold(refused)).toMatchObject({ status: 'closed', outcome: 'refused-to-receive' });
    expect(fold(refused)).not.toHaveProperty('processing');
    for (const command of [
      c.receive('2026-03-10 09:05'),
      c.withdraw('2026-03-10 09:05'),
      c.complete('2026-03-10 09:05'),
    ]) {
      given(refused)
        .when(command)
        .then({
          error: DossierActionNotAllowed,
          details: { state: 'refused-to-receive', allowedActions: [] },
        });
    }
  });

  it('keeps intake states off the clock', () => {
    expect(fold(submitted('2026-03-10 08:50'))).toMatchObject({
      status: 'submitted',
      workflowState: 'submitted',
    });
    expect(at('2026-03-10 08:50')).toEqual(new Date('2026-03-10T01:50:00.000Z'));
  });
});

describe('a same-day procedure (birth registration 1.001193)', () => {
  const birth = sampleProcedure('1.001193');
  const birthContext = contextFor(birth);
  const application = {
    declarant: { fullName: 'Nguyễn Thị Lan', personalId: '056195000123', relationship: 'mother' },
    child: {
      fullName: 'Trần Minh An',
      dateOfBirth: '2026-03-01',
      sex: 'nu',
      placeOfBirth: 'Trạm Y tế xã Khánh Trung',
      ethnicity: 'Kinh',
      hasBirthCertificate: true,
    },
    mother: { fullName: 'Nguyễn Thị Lan', yearOfBirth: 1995 },
  };
  const receivedAt = (time: string) => {
    const history = play(birthContext, [c.submit(birth, `2026-03-10 ${time}`, { formData: application })]);
    return dossierSpec(birthContext)
      .given(history)
      .when(c.receive(`2026-03-10 ${time}`))
      .events()[0].data;
  };

  it('is due by the end of the office day when received before the cut-off', () => {
    expect(receivedAt('10:00')).toMatchObject({
      dueAt: iso('2026-03-10 16:30'),
      statutoryDueAt: iso('2026-03-10 16:30'),
    });
  });

  it('returns the next working day when received after 15:00', () => {
    expect(receivedAt('15:10')).toMatchObject({
      effectiveReceivedAt: iso('2026-03-11 07:30'),
      dueAt: iso('2026-03-11 16:30'),
    });
  });
});

describe('the liên thông sample at intake', () => {
  it('receives with its own committed (7) and statutory (15) working days', () => {
    const lienThong = sampleProcedure(BIRTH_HEALTH_INSURANCE);
    const ltContext = contextFor(lienThong);
    const history = play(ltContext, [c.submit(lienThong, '2026-03-02 08:50')]);
    const [received] = dossierSpec(ltContext).given(history).when(c.receive('2026-03-02 09:00')).events();
    expect(received.data).toMatchObject({
      dueAt: iso('2026-03-11 09:00'),
      statutoryDueAt: iso('2026-03-23 09:00'),
    });
  });
});

describe('receiving officer', () => {
  it('is recorded from the actor', () => {
    const [received] = given(submitted('2026-03-10 08:50'))
      .when(c.receive('2026-03-10 09:00', DOSSIER_CODE, { ...counter, agency: undefined }))
      .events();
    expect(received.data).toMatchObject({ receivingOfficer: { id: 'officer-hoa' } });
  });
});

describe('ReceiveDossier across a year with no confirmed calendar', () => {
  it('given a 20-working-day procedure received on 8 December 2026, then its deadline falls in 2027 on a provisional calendar', () => {
    const twentyDays = compileProcedure({
      ...sampleDefinition(MARITAL_STATUS),
      committedDuration: { value: 20, unit: 'working-days' },
      statutoryDuration: { value: 20, unit: 'working-days' },
    });
    const engineCalendar = new WorkingDayCalendar({
      officialYears: [OFFICIAL_CALENDAR_2025, OFFICIAL_CALENDAR_2026],
      provisionalForMissingYears: true,
    });
    const context = { ...contextFor(twentyDays), calendar: engineCalendar };
    const events = play(context, [c.submit(twentyDays, '2026-12-08 08:50'), c.receive('2026-12-08 09:00')]);
    expect(events[1].data).toMatchObject({
      dueAt: iso('2027-01-06 09:00'),
      statutoryDueAt: iso('2027-01-06 09:00'),
      provisionalCalendarYears: [2027],
    });
  });
});

describe('SubmitDossier with the applicant’s locality', () => {
  const marital = sampleProcedure(MARITAL_STATUS);
  const { given } = dossierSpec(contextFor(marital));

  it('records the unit code of the applicant’s commune, for the travel cost of their trips', () => {
    const [submitted] = given([])
      .when(c.submit(marital, '2026-03-10 08:50', { applicantLocality: '000.32.18.H56' }))
      .events();
    expect(submitted.data).toMatchObject({ applicantLocality: '000.32.18.H56' });
  });

  it('refuses a locality that is not a unit code', () => {
    given([])
      .when(c.submit(marital, '2026-03-10 08:50', { applicantLocality: 'Khánh Vĩnh' }))
      .then({ error: InvalidDossierCommand, details: { field: 'applicantLocality' } });
  });
});
