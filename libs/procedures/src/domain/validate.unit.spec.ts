import type { ProcedureDefinitionDocument, WorkflowStepDocument } from './definition';
import { minimalDefinition } from './testing/fixtures';
import { validateDefinition } from './validate';
import type { ValidationIssue } from './validation-issue';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function withSteps(
  definition: ProcedureDefinitionDocument,
  steps: readonly WorkflowStepDocument[],
): ProcedureDefinitionDocument {
  return { ...definition, workflow: { steps } };
}

function issuesOf(input: unknown): {
  errors: readonly ValidationIssue[];
  warnings: readonly ValidationIssue[];
} {
  const result = validateDefinition(input);
  return { errors: result.ok ? [] : result.errors, warnings: result.warnings };
}

const codesAndPaths = (issues: readonly ValidationIssue[]) => issues.map((i) => [i.code, i.path]);

describe('validateDefinition', () => {
  it('given a valid definition, when validated, then every default is written out', () => {
    const result = validateDefinition(minimalDefinition());

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition).toMatchObject({
      supplementPolicy: 'PAUSE',
      supplementRequestWindow: 3,
      receiptCutoff: '15:00',
      partnerAgencies: [],
      excludedIntervals: [],
      legalBasis: [],
    });
    // The last step had no transitions: it approves, with its own roles.
    expect(result.definition.workflow.steps[2].transitions).toEqual([
      { event: 'APPROVE', target: 'approved', roles: ['leader'] },
    ]);
    // Written transitions without roles take the step's roles.
    expect(result.definition.workflow.steps[0].transitions[1]).toEqual({
      event: 'HAND_OVER',
      target: 'sign',
      roles: ['specialist'],
    });
  });

  it('given a definition with many kinds of mistakes, when validated, then all of them are reported at once with their paths', () => {
    const base = minimalDefinition();
    const [examine, adultReview, sign] = base.workflow.steps;
    const broken: Mutable<ProcedureDefinitionDocument> = withSteps(base, [
      {
        ...examine,
        timeBudget: 0.3,
        transitions: [
          ...(examine.transitions ?? []),
          { event: 'HAND_OVER', target: 'nowhere' },
          { event: 'ESCALATE', target: 'limbo' },
          { event: 'TELEPORT', target: 'sign' },
        ],
      },
      adultReview,
      // With a step after it, `sign` would hand over by default; it must say that it approves.
      { ...sign, roles: ['leader', 'chief'], transitions: [{ event: 'APPROVE', target: 'approved' }] },
      {
        id: 'archive',
        name: { vi: 'Lưu trữ', en: 'Archive' },
        kind: 'processing',
        roles: ['leader'],
        timeBudget: 0.5,
        transitions: [{ event: 'APPROVE', target: 'approved' }],
      },
      {
        id: 'limbo',
        name: { vi: 'Treo', en: 'Limbo' },
        kind: 'processing',
        roles: ['specialist'],
        timeBudget: 0.5,
        transitions: [{ event: 'HAND_OVER', target: 'limbo' }],
      },
    ]);
    broken.committedDuration = { value: 4, unit: 'working-days' };
    (broken as Record<string, unknown>)['onlineServiceLevel'] = 5;

    const { errors } = issuesOf(broken);

    expect(codesAndPaths(errors)).toEqual(
      expect.arrayContaining([
        ['schema', '/onlineServiceLevel'],
        ['schema', '/workflow/steps/0/timeBudget'],
        ['unknown-target', '/workflow/steps/0/transitions/2/target'],
        ['undeclared-event', '/workflow/steps/0/transitions/4/event'],
        ['undeclared-role', '/workflow/steps/2/roles/1'],
        ['committed-exceeds-statutory', '/committedDuration'],
        ['unreachable-step', '/workflow/steps/3'],
        ['dead-end-step', '/workflow/steps/4'],
      ]),
    );
    expect(errors).toHaveLength(8);
    for (const error of errors) {
      expect(error.severity).toBe('error');
      expect(error.message).toMatch(/^[A-Z"].*\.$/);
      expect(error.messageVi.length).toBeGreaterThan(10);
    }
  });

  it('given schema errors, when validated, then the messages are plain sentences pointing at the field itself', () => {
    const definition = minimalDefinition() as unknown as Record<string, unknown>;
    const { code: _code, ...withoutCode } = definition;

    const { errors } = issuesOf({
      ...withoutCode,
      agency: { ...(definition['agency'] as object), code: 'H56' },
      colour: 'red',
    });

    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/code', message: 'The required field "code" is missing.' }),
        expect.objectContaining({
          path: '/agency/code',
          message:
            'This value is not in the expected form: it must be an electronic agency code such as 000.00.18.H56.',
        }),
        expect.objectContaining({ path: '/colour', code: 'schema' }),
      ]),
    );
  });

  it('given something that is not an object, when validated, then it is refused without throwing', () => {
    expect(issuesOf('hello').errors).toEqual([expect.objectContaining({ code: 'schema', path: '' })]);
    expect(issuesOf(null).errors.length).toBeGreaterThan(0);
  });

  it('given duplicate ids and a lifecycle name as a step id, when validated, then each is reported', () => {
    const base = minimalDefinition();
    const [examine, adultReview, sign] = base.workflow.steps;
    const definition = {
      ...withSteps(base, [examine, adultReview, { ...adultReview }, { ...sign, id: 'received' }]),
      roles: [...base.roles, base.roles[1]],
    };
    // `sign` is gone, so the transitions that led there now lead nowhere.
    const { errors } = issuesOf(definition);

    expect(codesAndPaths(errors)).toEqual(
      expect.arrayContaining([
        ['duplicate-id', '/roles/3/id'],
        ['duplicate-id', '/workflow/steps/2/id'],
        ['reserved-step-id', '/workflow/steps/3/id'],
        ['unknown-target', '/workflow/steps/0/transitions/1/target'],
      ]),
    );
  });

  it('given engine events and misdirected decisions in steps, when validated, then they are refused', () => {
    const base = minimalDefinition();
    const [examine, adultReview, sign] = base.workflow.steps;
    const definition = withSteps(base, [
      {
        ...examine,
        transitions: [
          { event: 'WITHDRAW', target: 'sign' },
          { event: 'ESCALATE', target: 'approved' },
        ],
      },
      { ...adultReview, transitions: [{ event: 'APPROVE', target: 'sign' }] },
      sign,
    ]);

    const { errors } = issuesOf(definition);

    expect(codesAndPaths(errors)).toEqual(
      expect.arrayContaining([
        ['reserved-event', '/workflow/steps/0/transitions/0/event'],
        ['decision-target', '/workflow/steps/0/transitions/1/event'],
        ['decision-target', '/workflow/steps/1/transitions/0/target'],
      ]),
    );
  });

  it('given a workflow where no path reaches approval, when validated, then it says no dossier could get a result', () => {
    const base = minimalDefinition();
    const [examine] = base.workflow.steps;
    const definition = withSteps(base, [
      { ...examine, transitions: [{ event: 'REFUSE', target: 'refused' }] },
    ]);

    const { errors } = issuesOf(definition);

    expect(codesAndPaths(errors)).toEqual([['no-approval', '/workflow/steps']]);
  });

  it('given a guard over a field the form does not have, when validated, then the guard field is pointed at', () => {
    const base = minimalDefinition();
    const [examine, adultReview, sign] = base.workflow.steps;
    const definition = withSteps(base, [
      {
        ...examine,
        transitions: [
          {
            event: 'ESCALATE',
            target: 'adult-review',
            guard: { all: [{ field: '/applicant/agee', op: 'gte', value: 18 }] },
          },
          { event: 'HAND_OVER', target: 'sign' },
        ],
      },
      adultReview,
      sign,
    ]);

    const { errors } = issuesOf(definition);

    expect(codesAndPaths(errors)).toEqual([
      ['unknown-form-field', '/workflow/steps/0/transitions/0/guard/all/0/field'],
    ]);
  });

  it('given an application form with an unknown keyword, when validated, then the form is reported', () => {
    // What `title: Họ, chữ đệm, tên` inside YAML braces turns into.
    const definition = {
      ...minimalDefinition(),
      applicationForm: {
        type: 'object',
        properties: {
          applicant: { type: 'object', properties: { age: { type: 'integer' } } },
          fullName: { title: 'Họ', 'chữ đệm': null, type: 'string' },
        },
      },
    };

    const { errors } = issuesOf(definition);

    expect(codesAndPaths(errors)).toEqual([['invalid-form-schema', '/applicationForm']]);
    expect(errors[0].message).toContain('chữ đệm');
  });

  it('given undeclared partner agencies and a full online procedure returned only at the counter, when validated, then both are reported', () => {
    const base = minimalDefinition();
    const [examine, adultReview, sign] = base.workflow.steps;
    const definition: ProcedureDefinitionDocument = {
      ...withSteps(base, [
        examine,
        { ...adultReview, kind: 'partner-agency', agency: '000.29.18.H56' },
        { ...sign, kind: 'partner-agency' },
      ]),
      onlineServiceLevel: 'full',
      resultDelivery: ['counter'],
    };

    const { errors } = issuesOf(definition);

    expect(codesAndPaths(errors)).toEqual(
      expect.arrayContaining([
        ['undeclared-agency', '/workflow/steps/1/agency'],
        ['partner-agency-step', '/workflow/steps/2/agency'],
        ['online-delivery', '/resultDelivery'],
      ]),
    );
  });

  it('given steps whose budgets exceed the committed time, when validated, then it is valid with a warning', () => {
    const base = minimalDefinition();
    const [examine, adultReview, sign] = base.workflow.steps;
    const definition = withSteps(base, [examine, { ...adultReview, timeBudget: 1 }, sign]);

    const result = validateDefinition(definition);

    // examine 1 + adult review 1 + sign 0.5 = 2.5 > 2 on the longest path.
    expect(result.ok).toBe(true);
    expect(codesAndPaths(result.warnings)).toEqual([['budget-exceeds-committed', '/workflow/steps']]);
  });

  it('given an unguarded transition before another with the same event, when validated, then the shadowed one is a warning', () => {
    const base = minimalDefinition();
    const [examine, adultReview, sign] = base.workflow.steps;
    const definition = withSteps(base, [
      {
        ...examine,
        transitions: [
          { event: 'HAND_OVER', target: 'sign' },
          { event: 'HAND_OVER', target: 'adult-review' },
        ],
      },
      adultReview,
      sign,
    ]);

    expect(codesAndPaths(validateDefinition(definition).warnings)).toEqual([
      ['shadowed-transition', '/workflow/steps/0/transitions/1'],
    ]);
  });

  it('given durations in different units, when validated, then only a decidable overrun is an error', () => {
    const longer = {
      ...minimalDefinition(),
      committedDuration: { value: 10, unit: 'working-days' as const },
      statutoryDuration: { value: 7, unit: 'calendar-days' as const },
    };
    const unclear = { ...longer, committedDuration: { value: 5, unit: 'working-days' as const } };
    const sameDay = { ...longer, committedDuration: { unit: 'same-day' as const } };

    expect(codesAndPaths(issuesOf(longer).errors)).toEqual([
      ['committed-exceeds-statutory', '/committedDuration'],
    ]);
    expect(codesAndPaths(issuesOf(unclear).warnings)).toEqual([
      ['duration-units-differ', '/committedDuration/unit'],
    ]);
    expect(validateDefinition(sameDay).ok).toBe(true);
  });

  it('given half days, when validated, then they are accepted; quarter days are not', () => {
    const half = { ...minimalDefinition(), committedDuration: { value: 1.5, unit: 'working-days' as const } };
    const quarter = {
      ...minimalDefinition(),
      committedDuration: { value: 1.25, unit: 'working-days' as const },
    };

    expect(validateDefinition(half).ok).toBe(true);
    expect(issuesOf(quarter).errors).toEqual([
      expect.objectContaining({
        path: '/committedDuration/value',
        message: 'This number must be in whole or half days (0.5, 1, 1.5 …).',
      }),
    ]);
  });
});
