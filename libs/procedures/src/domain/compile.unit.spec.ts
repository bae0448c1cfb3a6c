import { compileProcedure } from './compile';
import { InvalidProcedureDefinitionError, UnknownWorkflowStateError } from './errors';
import { validateDefinitionText } from './definition-text';
import type { ProcedureDefinition } from './definition';
import { minimalDefinition, sampleText } from './testing/fixtures';
import { walk, workflowSpec } from './testing/workflow-spec';

function sample(file: string): ProcedureDefinition {
  const result = validateDefinitionText(sampleText(file));
  if (!result.ok) throw new Error(`${file}: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.definition;
}

const procedure = compileProcedure(minimalDefinition());
const { given } = workflowSpec(procedure);
const adult = { applicant: { age: 20 } };
const child = { applicant: { age: 15 } };

describe('compileProcedure: the common lifecycle', () => {
  it('starts a submitted dossier at intake, with the clock not yet running', () => {
    expect(procedure.initialState).toBe('submitted');
    expect(procedure.describeState('submitted')).toMatchObject({ kind: 'intake', clock: 'not-started' });
  });

  it('lets the counter officer receive a submitted dossier', () => {
    given('submitted').when('RECEIVE', 'receiving-officer').then('received');
  });

  it('refuses receipt by a citizen and names what the citizen may do instead', () => {
    given('submitted').when('RECEIVE', 'citizen').thenRefused('role-not-allowed', ['WITHDRAW']);
  });

  it('guides completion only once (form 02): a completed dossier must be received or refused', () => {
    const completed = walk(procedure, 'submitted', [
      ['REQUEST_COMPLETION', 'receiving-officer'],
      ['COMPLETE', 'citizen'],
    ]);

    expect(completed).toBe('resubmitted');
    given(completed)
      .when('REQUEST_COMPLETION', 'receiving-officer')
      .thenRefused('not-available', ['RECEIVE', 'REFUSE_TO_RECEIVE', 'WITHDRAW']);
  });

  it('ends a refused receipt (form 03) without ever counting it as received', () => {
    given('submitted').when('REFUSE_TO_RECEIVE', 'receiving-officer').then('refused-to-receive');
    expect(procedure.describeState('refused-to-receive')).toMatchObject({
      kind: 'final',
      outcome: 'refused-to-receive',
      clock: 'not-started',
    });
  });

  it('transfers a received dossier to the first step of the agency', () => {
    given('received').when('TRANSFER', 'receiving-officer').then('examine.active');
    expect(procedure.describeState('examine.active')).toMatchObject({
      kind: 'processing',
      clock: 'running',
      step: 'examine',
      timeBudget: 1,
    });
  });

  it('issues, returns and then accepts a rating without changing state', () => {
    const returned = walk(procedure, 'approved', [
      ['ISSUE_RESULT', 'specialist'],
      ['RETURN_RESULT', 'receiving-officer'],
    ]);

    expect(returned).toBe('returned');
    expect(procedure.describeState('result-ready')).toMatchObject({ kind: 'result-ready', clock: 'stopped' });
    expect(procedure.next('returned', 'RATE', 'citizen')).toEqual({
      ok: true,
      state: 'returned',
      changed: false,
    });
  });

  it('records an apology while processing without changing state, but not while waiting for the citizen', () => {
    given('sign.active').when('APOLOGISE', 'leader').then('sign.active');
    given('sign.waiting-for-citizen').when('APOLOGISE', 'leader').thenRefused('not-available');
  });

  it('allows withdrawal until approval, and not after', () => {
    given('examine.waiting-for-citizen').when('WITHDRAW', 'citizen').then('withdrawn');
    given('approved').when('WITHDRAW', 'citizen').thenRefused('not-available');
  });
});

describe('compileProcedure: the agency steps', () => {
  it('allows and refuses actions by state and role, naming the allowed actions', () => {
    given('sign.active').when('APPROVE', 'specialist').thenRefused('role-not-allowed', ['APOLOGISE']);
    given('sign.active').when('APPROVE', 'leader').then('approved');

    expect(procedure.allowedActions('examine.active', 'specialist', adult)).toEqual([
      { event: 'ESCALATE', target: 'adult-review.active', name: { vi: 'Chuyển cấp trên', en: 'Escalate' } },
      { event: 'HAND_OVER', target: 'sign.active', name: { vi: 'Chuyển bước', en: 'Hand over' } },
      {
        event: 'REQUEST_SUPPLEMENT',
        target: 'examine.waiting-for-citizen',
        name: { vi: 'Yêu cầu bổ sung', en: 'Request a supplement' },
      },
      {
        event: 'APOLOGISE',
        target: null,
        name: { vi: 'Xin lỗi, hẹn lại (mẫu 04)', en: 'Apologise and reschedule (form 04)' },
      },
    ]);
    expect(procedure.allowedActions('examine.active', 'citizen')).toEqual([
      expect.objectContaining({ event: 'WITHDRAW', target: 'withdrawn' }),
    ]);
  });

  it('routes a dossier by a guard over the form data', () => {
    given('examine.active').when('ESCALATE', 'specialist', adult).then('adult-review.active');
    given('examine.active').when('ESCALATE', 'specialist', child).thenRefused('guard-not-satisfied');
    given('examine.active').when('HAND_OVER', 'specialist', child).then('sign.active');

    const refusal = procedure.next('examine.active', 'ESCALATE', 'specialist', child);
    expect(refusal).toMatchObject({ message: expect.stringContaining('Tuổi ≥ 18') });
  });

  it('evaluates each guard of a procedure against its own transition', () => {
    const residence = compileProcedure(sample('permanent-residence-registration.yaml'));
    const rented = { legalGround: 'rented', floorAreaPerPerson: 5 };

    expect(walk(residence, 'examine.active', [['CHECK_ACCOMMODATION', 'specialist']], rented)).toBe(
      'check-accommodation.active',
    );
    expect(residence.next('examine.active', 'SUBMIT_FOR_APPROVAL', 'specialist', rented)).toMatchObject({
      reason: 'guard-not-satisfied',
    });
    expect(residence.next('approve.active', 'APPROVE', 'leader', rented)).toMatchObject({
      ok: false,
      reason: 'guard-not-satisfied',
      allowed: expect.arrayContaining([expect.objectContaining({ event: 'REFUSE', target: 'refused' })]),
    });
    expect(
      residence.next('approve.active', 'APPROVE', 'leader', { ...rented, floorAreaPerPerson: 8 }),
    ).toMatchObject({
      ok: true,
      state: 'approved',
    });
    expect(residence.next('approve.active', 'APPROVE', 'leader', { legalGround: 'own-home' })).toMatchObject({
      ok: true,
    });
  });

  it('pauses the clock for a supplement and returns to the step it left', () => {
    const waiting = walk(procedure, 'adult-review.active', [['REQUEST_SUPPLEMENT', 'specialist']]);

    expect(waiting).toBe('adult-review.waiting-for-citizen');
    expect(procedure.describeState(waiting)).toMatchObject({
      kind: 'waiting-for-citizen',
      clock: 'paused',
      step: 'adult-review',
    });
    given(waiting).when('PROVIDE_SUPPLEMENT', 'citizen').then('adult-review.active');
    given('sign.waiting-for-citizen').when('PROVIDE_SUPPLEMENT', 'integration').then('sign.active');
  });

  it('lets whoever may approve also refuse to resolve', () => {
    given('sign.active').when('REFUSE', 'leader').then('refused');
    given('examine.active').when('REFUSE', 'specialist').thenRefused('not-available');
    expect(procedure.describeState('refused')).toMatchObject({ kind: 'final', outcome: 'refused' });
  });

  it('offers excluded intervals only when the procedure declares them', () => {
    const marital = compileProcedure(sample('marital-status-certificate.yaml'));

    given('examine.active').when('START_EXCLUDED_INTERVAL', 'specialist').thenRefused('not-available');
    const paused = walk(marital, 'verify-former-residence.active', [
      ['START_EXCLUDED_INTERVAL', 'specialist'],
    ]);
    expect(marital.describeState(paused)).toMatchObject({ kind: 'excluded-interval', clock: 'paused' });
    expect(walk(marital, paused, [['END_EXCLUDED_INTERVAL', 'integration']])).toBe(
      'verify-former-residence.active',
    );
  });

  it('hands a liên thông dossier to the partner agency, which decides its part', () => {
    const lienThong = compileProcedure(sample('birth-health-insurance-lien-thong.yaml'));
    const atPartner = walk(lienThong, 'register-birth.active', [['SEND_TO_SOCIAL_INSURANCE', 'leader']]);

    expect(lienThong.describeState(atPartner)).toMatchObject({
      step: 'issue-health-card',
      agency: '000.29.18.H56',
    });
    expect(lienThong.allowedActions(atPartner, 'partner-agency').map((a) => a.event)).toEqual([
      'APPROVE',
      'SEND_BACK',
      'REFUSE',
      'REQUEST_SUPPLEMENT',
      'APOLOGISE',
    ]);
    expect(lienThong.allowedActions(atPartner, 'partner-agency')[0].name).toEqual({
      vi: 'Cấp thẻ BHYT',
      en: 'Issue the card',
    });
  });
});

describe('compileProcedure: what the dossier engine asks besides transitions', () => {
  it('reports an unknown state as a refusal from next, and as an error from describeState', () => {
    expect(procedure.next('archived', 'RECEIVE', 'receiving-officer')).toMatchObject({
      ok: false,
      reason: 'unknown-state',
      allowed: [],
    });
    expect(() => procedure.stateKind('archived')).toThrow(UnknownWorkflowStateError);
  });

  it('refuses to compile an invalid definition, naming its problems', () => {
    const invalid = {
      ...minimalDefinition(),
      committedDuration: { value: 9, unit: 'working-days' as const },
    };

    expect(() => compileProcedure(invalid)).toThrow(InvalidProcedureDefinitionError);
    expect(() => compileProcedure(invalid)).toThrow(/\/committedDuration/);
  });

  it('resolves conditional required documents and validates applications against the form', () => {
    const marital = compileProcedure(sample('marital-status-certificate.yaml'));
    const application = {
      applicant: {
        fullName: 'Nguyễn Thị Lan',
        dateOfBirth: '1995-04-12',
        personalId: '056195000123',
        residence: 'thôn Ba Dùi',
      },
      residencePeriods: [{ address: 'thôn Ba Dùi, xã Khánh Trung', from: '1995-04-12' }],
      resided_elsewhere: false,
      maritalStatus: 'divorced',
      purpose: 'other',
      purposeDetail: 'Bổ sung hồ sơ vay vốn',
      copiesRequested: 1,
    };

    expect(marital.validateApplication(application)).toEqual({ ok: true });
    expect(marital.validateApplication({ ...application, purpose: 'marriage' })).toEqual({
      ok: false,
      errors: [expect.objectContaining({ path: '/intendedSpouse', keyword: 'required' })],
    });
    expect(marital.requiredDocuments(application).map((d) => d.code)).toEqual([
      'to-khai',
      'giay-to-ly-hon-hoac-chet',
    ]);
    expect(
      marital.requiredDocuments({ ...application, maritalStatus: 'never-married' }).map((d) => d.code),
    ).toEqual(['to-khai']);
  });

  it('knows the trip cost of a citizen per locality', () => {
    const marital = compileProcedure(sample('marital-status-certificate.yaml'));

    expect(marital.tripCostDays()).toBe(0.5);
    expect(marital.tripCostDays('000.35.18.H56')).toBe(1);
    expect(marital.tripCostDays('000.31.18.H56')).toBe(0.5);
  });

  it('exposes the XState machine, tagged with each state kind', () => {
    const waiting = procedure.machine.resolveState({ value: { 'adult-review': 'waiting-for-citizen' } });

    expect(procedure.machine.id).toBe('procedure');
    expect(procedure.machine.resolveState({ value: 'received' }).hasTag('processing')).toBe(true);
    expect(waiting.hasTag('waiting-for-citizen')).toBe(true);
  });
});
