/**
 * Checks that need the whole document but not the graph: every role, event, agency and form field a step
 * refers to is declared, decisions go where the engine expects them, and the times are consistent.
 */
import { compileFormSchema } from './ajv';
import { compareDurations, formatDuration } from './duration';
import type { JsonObject } from './definition';
import { findFormField } from './form-schema';
import type { Guard } from './guard';
import {
  DECISION_TARGETS,
  STANDARD_ROLES,
  isBuiltInRole,
  isLifecycleEvent,
  isLifecycleState,
  isStepEvent,
} from './lifecycle';
import type { Located, LooseDefinition, LooseStep, LooseTransition } from './loose-definition';
import { error, warning, type ValidationIssue } from './validation-issue';

const RECEIVING_OFFICER = STANDARD_ROLES[0];

function duplicates(items: readonly Located<string>[], what: { en: string; vi: string }): ValidationIssue[] {
  const seen = new Set<string>();
  return items.flatMap(({ value, path }) => {
    if (!seen.has(value)) {
      seen.add(value);
      return [];
    }
    return [
      error(
        'duplicate-id',
        path,
        `The ${what.en} "${value}" is declared more than once.`,
        `${what.vi} "${value}" được khai báo nhiều lần.`,
      ),
    ];
  });
}

function checkRole(role: Located<string>, declared: ReadonlySet<string>): ValidationIssue[] {
  if (isBuiltInRole(role.value) || declared.has(role.value)) return [];
  return [
    error(
      'undeclared-role',
      role.path,
      `The role "${role.value}" is not declared; add it under roles or use a declared role.`,
      `Vai trò "${role.value}" chưa được khai báo; thêm vào mục roles hoặc dùng vai trò đã khai báo.`,
    ),
  ];
}

/** Field pointers inside a guard that may be malformed: walk only what has the expected shape. */
function looseGuardFields(value: unknown, at: string): { field: string; path: string }[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const g = value as Record<string, unknown>;
  if (typeof g['field'] === 'string') return [{ field: g['field'], path: `${at}/field` }];
  for (const key of ['all', 'any']) {
    const inner = g[key];
    if (Array.isArray(inner)) return inner.flatMap((item, i) => looseGuardFields(item, `${at}/${key}/${i}`));
  }
  return looseGuardFields(g['not'], `${at}/not`);
}

function checkGuard(guard: Guard, path: string, form: JsonObject | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (form !== undefined) {
    for (const { field, path: fieldPath } of looseGuardFields(guard, path)) {
      if (findFormField(form, field).length === 0) {
        issues.push(
          error(
            'unknown-form-field',
            fieldPath,
            `The condition reads the form field ${field}, which the application form does not have.`,
            `Điều kiện đọc trường ${field} nhưng tờ khai không có trường này.`,
          ),
        );
      }
    }
  }
  if ('schema' in guard && typeof guard.schema === 'object' && guard.schema !== null) {
    try {
      compileFormSchema(guard.schema);
    } catch (e) {
      issues.push(
        error(
          'invalid-form-schema',
          `${path}/schema`,
          `The condition's schema is not a valid JSON Schema: ${(e as Error).message}.`,
          `Lược đồ của điều kiện không phải JSON Schema hợp lệ: ${(e as Error).message}.`,
        ),
      );
    }
  }
  return issues;
}

function checkTransitionEvent(
  transition: LooseTransition,
  declaredEvents: ReadonlySet<string>,
): ValidationIssue[] {
  const { event, target, path } = transition;
  if (isLifecycleEvent(event)) {
    return [
      error(
        'reserved-event',
        `${path}/event`,
        `${event} belongs to the engine's common lifecycle and cannot be used in a step; use HAND_OVER or declare an event of your own.`,
        `${event} thuộc quy trình chung của hệ thống, không dùng trong bước xử lý; dùng HAND_OVER hoặc khai báo sự kiện riêng.`,
      ),
    ];
  }
  if (!isStepEvent(event) && !declaredEvents.has(event)) {
    return [
      error(
        'undeclared-event',
        `${path}/event`,
        `The event "${event}" is not declared; add it under events or use HAND_OVER, APPROVE or REFUSE.`,
        `Sự kiện "${event}" chưa được khai báo; thêm vào mục events hoặc dùng HAND_OVER, APPROVE, REFUSE.`,
      ),
    ];
  }
  const decision = event === 'APPROVE' || event === 'REFUSE' ? DECISION_TARGETS[event] : undefined;
  if (decision !== undefined && target !== decision) {
    return [
      error(
        'decision-target',
        `${path}/target`,
        `${event} must lead to "${decision}", not "${target}".`,
        `${event} phải dẫn tới "${decision}", không phải "${target}".`,
      ),
    ];
  }
  if (decision === undefined && (target === DECISION_TARGETS.APPROVE || target === DECISION_TARGETS.REFUSE)) {
    const required = target === DECISION_TARGETS.APPROVE ? 'APPROVE' : 'REFUSE';
    return [
      error(
        'decision-target',
        `${path}/event`,
        `Only ${required} may lead to "${target}"; "${event}" may only move the dossier between steps.`,
        `Chỉ ${required} mới được dẫn tới "${target}"; "${event}" chỉ chuyển hồ sơ giữa các bước.`,
      ),
    ];
  }
  return [];
}

function checkTarget(transition: LooseTransition, stepIds: ReadonlySet<string>): ValidationIssue[] {
  const { target, path } = transition;
  if (stepIds.has(target) || target === DECISION_TARGETS.APPROVE || target === DECISION_TARGETS.REFUSE)
    return [];
  return [
    error(
      'unknown-target',
      `${path}/target`,
      `The transition leads to "${target}", which is neither a step of this workflow nor approved or refused.`,
      `Bước chuyển dẫn tới "${target}", không phải bước nào của quy trình, cũng không phải approved hay refused.`,
    ),
  ];
}

/** A transition after an unguarded one for the same event and roles can never fire. */
function checkShadowing(step: LooseStep): ValidationIssue[] {
  const transitions = step.transitions ?? [];
  return transitions.flatMap((later, j) => {
    const laterRoles = later.roles ?? step.roles;
    const shadowedBy = transitions
      .slice(0, j)
      .find(
        (earlier) =>
          earlier.event === later.event &&
          earlier.guard === undefined &&
          laterRoles.every((role) => (earlier.roles ?? step.roles).includes(role)),
      );
    return shadowedBy === undefined
      ? []
      : [
          warning(
            'shadowed-transition',
            later.path,
            `This ${later.event} transition can never fire: an earlier ${later.event} without a guard always wins; give the earlier one a guard or reorder them.`,
            `Bước chuyển ${later.event} này không bao giờ xảy ra vì bước chuyển ${later.event} phía trước không có điều kiện; thêm điều kiện hoặc đổi thứ tự.`,
          ),
        ];
  });
}

function checkStep(step: LooseStep, context: CheckContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (isLifecycleState(step.id)) {
    issues.push(
      error(
        'reserved-step-id',
        `${step.path}/id`,
        `"${step.id}" is the name of a common lifecycle state; give the step another id.`,
        `"${step.id}" là tên một trạng thái của quy trình chung; đặt mã khác cho bước.`,
      ),
    );
  }
  issues.push(...step.roleRefs.flatMap((role) => checkRole(role, context.roles)));
  if (step.kind === 'partner-agency' && step.agency === undefined) {
    issues.push(
      error(
        'partner-agency-step',
        `${step.path}/agency`,
        'A partner-agency step must name the agency (its electronic code) the dossier is handed to.',
        'Bước liên thông phải ghi mã định danh của cơ quan nhận hồ sơ.',
      ),
    );
  } else if (step.kind === 'processing' && step.agency !== undefined) {
    issues.push(
      error(
        'partner-agency-step',
        `${step.path}/kind`,
        'Only partner-agency steps name an agency; set kind to partner-agency or remove the agency.',
        'Chỉ bước liên thông (partner-agency) mới ghi cơ quan; đổi kind thành partner-agency hoặc bỏ agency.',
      ),
    );
  } else if (step.agency !== undefined && !context.agencies.has(step.agency)) {
    issues.push(
      error(
        'undeclared-agency',
        `${step.path}/agency`,
        `The agency ${step.agency} is not declared under partnerAgencies.`,
        `Cơ quan ${step.agency} chưa được khai báo trong partnerAgencies.`,
      ),
    );
  }
  for (const transition of step.transitions ?? []) {
    issues.push(...checkTransitionEvent(transition, context.events));
    issues.push(...checkTarget(transition, context.stepIds));
    const roles = transition.roles ?? [];
    roles.forEach((role, r) =>
      issues.push(...checkRole({ value: role, path: `${transition.path}/roles/${r}` }, context.roles)),
    );
    if (transition.guard !== undefined && transition.guardPath !== undefined) {
      issues.push(...checkGuard(transition.guard, transition.guardPath, context.form));
    }
  }
  issues.push(...checkShadowing(step));
  return issues;
}

interface CheckContext {
  readonly roles: ReadonlySet<string>;
  readonly events: ReadonlySet<string>;
  readonly agencies: ReadonlySet<string>;
  readonly stepIds: ReadonlySet<string>;
  readonly form: JsonObject | undefined;
}

function checkForm(form: JsonObject | undefined): ValidationIssue[] {
  if (form === undefined) return [];
  try {
    compileFormSchema(form);
    return [];
  } catch (e) {
    return [
      error(
        'invalid-form-schema',
        '/applicationForm',
        `The application form is not a valid JSON Schema: ${(e as Error).message}.`,
        `Tờ khai không phải JSON Schema hợp lệ: ${(e as Error).message}.`,
      ),
    ];
  }
}

function checkDurations(definition: LooseDefinition): ValidationIssue[] {
  const { committedDuration: committed, statutoryDuration: statutory } = definition;
  if (committed === undefined || statutory === undefined) return [];
  const comparison = compareDurations(committed, statutory);
  const [c, s] = [formatDuration(committed), formatDuration(statutory)];
  if (comparison === 'longer') {
    return [
      error(
        'committed-exceeds-statutory',
        '/committedDuration',
        `The committed time (${c.en}) is longer than the statutory time (${s.en}); an agency may only shorten it.`,
        `Thời gian cam kết (${c.vi}) dài hơn thời gian theo quy định (${s.vi}); cơ quan chỉ được rút ngắn.`,
      ),
    ];
  }
  if (comparison === 'undecidable') {
    return [
      warning(
        'duration-units-differ',
        '/committedDuration/unit',
        `The committed time (${c.en}) and the statutory time (${s.en}) use different units, so they cannot be compared exactly; prefer the statutory unit.`,
        `Thời gian cam kết (${c.vi}) và thời gian theo quy định (${s.vi}) khác đơn vị nên không so sánh chính xác được; nên dùng cùng đơn vị.`,
      ),
    ];
  }
  return [];
}

/** Full online (level 4 / toàn trình) means the result reaches the citizen online or by public post. */
function checkOnlineDelivery(definition: LooseDefinition): ValidationIssue[] {
  const level = definition.onlineServiceLevel;
  if (level !== 4 && level !== 'full') return [];
  const remote = definition.resultDelivery.some((channel) => channel === 'online' || channel === 'post');
  return remote
    ? []
    : [
        error(
          'online-delivery',
          '/resultDelivery',
          'A full online (level 4) procedure must deliver its result online or by post.',
          'Thủ tục trực tuyến toàn trình (mức độ 4) phải trả kết quả trực tuyến hoặc qua bưu chính.',
        ),
      ];
}

export function checkDeclarations(definition: LooseDefinition): ValidationIssue[] {
  const context: CheckContext = {
    roles: new Set(definition.roles.map((r) => r.value)),
    events: new Set(definition.events.map((e) => e.value)),
    agencies: new Set(definition.partnerAgencies.map((a) => a.value)),
    stepIds: new Set(definition.steps.map((s) => s.id)),
    form: definition.applicationForm,
  };
  const issues: ValidationIssue[] = [
    ...duplicates(definition.roles, { en: 'role', vi: 'Vai trò' }),
    ...duplicates(definition.events, { en: 'event', vi: 'Sự kiện' }),
    ...duplicates(definition.partnerAgencies, { en: 'partner agency', vi: 'Cơ quan liên thông' }),
    ...duplicates(
      definition.steps.map((s) => ({ value: s.id, path: `${s.path}/id` })),
      { en: 'step id', vi: 'Mã bước' },
    ),
  ];
  if (definition.roles.length > 0 && !context.roles.has(RECEIVING_OFFICER)) {
    issues.push(
      error(
        'missing-intake-role',
        '/roles',
        `Declare the role "${RECEIVING_OFFICER}": the common lifecycle needs it to receive dossiers and return results.`,
        `Cần khai báo vai trò "${RECEIVING_OFFICER}": quy trình chung dùng vai trò này để tiếp nhận và trả kết quả.`,
      ),
    );
  }
  for (const event of definition.events) {
    if (isLifecycleEvent(event.value) || isStepEvent(event.value)) {
      issues.push(
        error(
          'reserved-event',
          event.path,
          `${event.value} is a built-in event; declared events need names of their own.`,
          `${event.value} là sự kiện có sẵn; sự kiện khai báo thêm phải có tên khác.`,
        ),
      );
    }
  }
  issues.push(...checkForm(definition.applicationForm));
  for (const condition of definition.documentConditions) {
    issues.push(...checkGuard(condition.value, condition.path, definition.applicationForm));
  }
  for (const step of definition.steps) issues.push(...checkStep(step, context));
  issues.push(...checkDurations(definition), ...checkOnlineDelivery(definition));
  return issues;
}
