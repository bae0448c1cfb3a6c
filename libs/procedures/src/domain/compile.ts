/**
 * Compiles a definition into one XState v5 machine (common lifecycle + the agency's steps) and wraps it in a
 * small pure API for the dossier decider: "given this state, action, role and form data, what is the next
 * state, or why not and what is allowed now?". No actor is ever started: every answer comes from
 * `machine.resolveState`, `machine.getTransitionData` and `transition`, which are pure.
 *
 * Design notes:
 * - The machine has no context. The dossier's only workflow memory is its state id, a plain string stored in
 *   the event-sourced dossier state; form data and role arrive with each event and are checked by guards.
 * - Each step is a compound state (`verify.active`, `verify.waiting-for-citizen`, `verify.excluded-interval`),
 *   so a pause always returns to the step it left without history states or extra memory.
 * - Guards are ordered as written: the first enabled transition for an event wins (XState semantics).
 */
import { and, setup, transition as nextSnapshot, type StateValue } from 'xstate';
import type { ValidateFunction } from 'ajv';
import { compileFormSchema } from './ajv';
import {
  tripCostDays,
  type LocalisedText,
  type ProcedureDefinition,
  type ProcedureDefinitionDocument,
  type RequiredDocument,
} from './definition';
import { InvalidProcedureDefinitionError, UnknownWorkflowStateError } from './errors';
import { compileGuard, describeGuard, type FormPredicate } from './guard';
import { EVENT_NAMES, type StateDescriptor, type StateKind } from './lifecycle';
import { validateDefinition } from './validate';
import { buildWorkflowGraph, type WorkflowGraph, type WorkflowTransition } from './workflow-graph';

/** What XState receives: the action, who performs it, and the dossier's current form data. */
export interface WorkflowEventObject {
  readonly type: string;
  readonly role: string;
  readonly formData: unknown;
}

export interface AllowedAction {
  readonly event: string;
  /** The state the action leads to, or `null` when it is recorded without a state change. */
  readonly target: string | null;
  readonly name: LocalisedText;
}

export type NotAllowedReason = 'unknown-state' | 'not-available' | 'role-not-allowed' | 'guard-not-satisfied';

export type NextResult =
  | { readonly ok: true; readonly state: string; readonly changed: boolean }
  | {
      readonly ok: false;
      readonly reason: NotAllowedReason;
      readonly message: string;
      readonly messageVi: string;
      /** What this role may do in this state instead. */
      readonly allowed: readonly AllowedAction[];
    };

export interface FormError {
  readonly path: string;
  readonly keyword: string;
  readonly message: string;
}

export interface CompiledProcedure {
  readonly definition: ProcedureDefinition;
  readonly graph: WorkflowGraph;
  /** The XState machine, for tooling (inspection, visualisers, model-based tests). */
  readonly machine: ProcedureMachine;
  /** The state a dossier is in right after SUBMIT. */
  readonly initialState: string;
  readonly states: readonly StateDescriptor[];
  /** @throws UnknownWorkflowStateError */
  describeState(state: string): StateDescriptor;
  /** @throws UnknownWorkflowStateError */
  stateKind(state: string): StateKind;
  allowedActions(state: string, role: string, formData?: unknown): readonly AllowedAction[];
  next(state: string, action: string, role: string, formData?: unknown): NextResult;
  /** Checks form data against the application form schema. */
  validateApplication(formData: unknown): { ok: true } | { ok: false; errors: readonly FormError[] };
  /** The documents this application needs, conditional ones resolved against its form data. */
  requiredDocuments(formData: unknown): readonly RequiredDocument[];
  tripCostDays(locality?: string): number;
}

const MACHINE_ID = 'procedure';

function eventName(event: string, definition: ProcedureDefinition): LocalisedText {
  const declared = definition.events.find((e) => e.type === event)?.name;
  return (
    declared ?? (EVENT_NAMES as Record<string, LocalisedText | undefined>)[event] ?? { vi: event, en: event }
  );
}

function toStateValue(state: string): StateValue {
  const [parent, child] = state.split('.');
  return child === undefined ? parent : { [parent]: child };
}

function toStateId(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [parent, child] = Object.entries(value)[0];
  return child === undefined ? parent : `${parent}.${toStateId(child)}`;
}

/** `predicates[i]` is the compiled guard of `graph.transitions[i]`, if it has one. */
function createProcedureMachine(
  graph: WorkflowGraph,
  predicates: readonly (FormPredicate | undefined)[],
  code: string,
) {
  const machineSetup = setup({
    types: { events: {} as WorkflowEventObject },
    guards: {
      roleAllowed: ({ event }, params: { roles: readonly string[] }) => params.roles.includes(event.role),
      formMatches: ({ event }, params: { transition: number }) =>
        predicates[params.transition]?.(event.formData) ?? true,
    },
  });
  type Config = Parameters<typeof machineSetup.createMachine>[0];
  type StateConfig = NonNullable<Config['states']>[string];
  type TransitionConfig = Extract<NonNullable<StateConfig['on']>[string], readonly unknown[]>[number];

  const transitionConfig = (t: WorkflowTransition, index: number): TransitionConfig => {
    const roleGuard = { type: 'roleAllowed', params: { roles: t.roles } } as const;
    const guard =
      t.guard === undefined
        ? roleGuard
        : and([roleGuard, { type: 'formMatches', params: { transition: index } }]);
    return t.target === null ? { guard } : { guard, target: `#${MACHINE_ID}.${t.target}` };
  };
  const stateConfig = (descriptor: StateDescriptor): StateConfig => {
    // Transitions keep their written order within an event: the first enabled one wins.
    const on: Record<string, TransitionConfig[]> = {};
    graph.transitions.forEach((t, index) => {
      if (t.source === descriptor.id) (on[t.event] ??= []).push(transitionConfig(t, index));
    });
    return { tags: [descriptor.kind], meta: { descriptor }, on };
  };

  const states: Record<string, StateConfig> = {};
  const stepChildren = new Map<string, Record<string, StateConfig>>();
  for (const descriptor of graph.states) {
    if (descriptor.step === undefined) {
      states[descriptor.id] = stateConfig(descriptor);
    } else {
      const children = stepChildren.get(descriptor.step) ?? {};
      children[descriptor.id.slice(descriptor.step.length + 1)] = stateConfig(descriptor);
      stepChildren.set(descriptor.step, children);
    }
  }
  for (const [step, children] of stepChildren) states[step] = { initial: 'active', states: children };
  return machineSetup.createMachine({ id: MACHINE_ID, initial: graph.initial, states, meta: { code } });
}

export type ProcedureMachine = ReturnType<typeof createProcedureMachine>;

function formErrors(validate: ValidateFunction): readonly FormError[] {
  // `if` only says "the then-branch failed"; the branch's own errors follow and say what is wrong.
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => ({
      path:
        e.keyword === 'required'
          ? `${e.instancePath}/${String(e.params['missingProperty'])}`
          : e.instancePath,
      keyword: e.keyword,
      message: e.message ?? 'is not valid',
    }));
}

/**
 * Compiles a definition, as authored or already normalised (it is validated again here, so a compiled
 * procedure is always sound). Compile once per published version and keep the result: it holds compiled
 * ajv validators.
 * @throws InvalidProcedureDefinitionError
 */
export function compileProcedure(input: ProcedureDefinitionDocument): CompiledProcedure {
  const validation = validateDefinition(input);
  if (!validation.ok) throw new InvalidProcedureDefinitionError(input.code, validation.errors);
  const definition = validation.definition;
  const graph = buildWorkflowGraph({
    steps: definition.workflow.steps.map((step, i) => ({ ...step, path: `/workflow/steps/${i}` })),
    declaredRoles: definition.roles.map((role) => role.id),
    hasExcludedIntervals: definition.excludedIntervals.length > 0,
  });
  const predicates = graph.transitions.map((t) =>
    t.guard === undefined ? undefined : compileGuard(t.guard),
  );
  const machine = createProcedureMachine(graph, predicates, definition.code);
  const descriptors = new Map(graph.states.map((s) => [s.id, s]));
  const form = definition.applicationForm;
  let formValidator: ValidateFunction | undefined;
  const documents = definition.requiredDocuments.map((document) => ({
    document,
    applies: document.condition === undefined ? () => true : compileGuard(document.condition),
  }));

  const describeState = (state: string): StateDescriptor => {
    const descriptor = descriptors.get(state);
    if (descriptor === undefined) throw new UnknownWorkflowStateError(definition.code, state);
    return descriptor;
  };

  const allowedActions = (state: string, role: string, formData: unknown = {}): readonly AllowedAction[] => {
    if (!descriptors.has(state)) return [];
    const snapshot = machine.resolveState({ value: toStateValue(state) });
    const events = [...new Set(graph.transitions.filter((t) => t.source === state).map((t) => t.event))];
    return events.flatMap((event) => {
      const [enabled] = machine.getTransitionData(snapshot, { type: event, role, formData });
      if (enabled === undefined) return [];
      const target = enabled.target?.[0] ? enabled.target[0].path.join('.') : null;
      const written = graph.transitions.find(
        (t) => t.source === state && t.event === event && t.target === target,
      );
      return [{ event, target, name: written?.name ?? eventName(event, definition) }];
    });
  };

  const refusal = (
    state: string,
    action: string,
    role: string,
    formData: unknown,
  ): Extract<NextResult, { ok: false }> => {
    const allowed = allowedActions(state, role, formData);
    const list = allowed.map((a) => a.event).join(', ');
    const [listEn, listVi] = list === '' ? ['nothing', 'không có'] : [list, list];
    if (!descriptors.has(state)) {
      const message = `Procedure ${definition.code} has no workflow state "${state}".`;
      return {
        ok: false,
        reason: 'unknown-state',
        message,
        messageVi: `Thủ tục ${definition.code} không có trạng thái "${state}".`,
        allowed,
      };
    }
    const name = describeState(state).name;
    const candidates = graph.transitions.filter((t) => t.source === state && t.event === action);
    if (candidates.length === 0) {
      return {
        ok: false,
        reason: 'not-available',
        message: `${action} is not possible while the dossier is "${name.en}"; allowed now: ${listEn}.`,
        messageVi: `Không thể ${action} khi hồ sơ đang ở trạng thái "${name.vi}"; được phép: ${listVi}.`,
        allowed,
      };
    }
    const forRole = candidates.filter((t) => t.roles.includes(role));
    if (forRole.length === 0) {
      const roles = [...new Set(candidates.flatMap((t) => t.roles))].join(', ');
      return {
        ok: false,
        reason: 'role-not-allowed',
        message: `The role "${role}" may not ${action} in "${name.en}" (only ${roles}); allowed now: ${listEn}.`,
        messageVi: `Vai trò "${role}" không được ${action} ở trạng thái "${name.vi}" (chỉ ${roles}); được phép: ${listVi}.`,
        allowed,
      };
    }
    const conditions = forRole.flatMap((t) => (t.guard === undefined ? [] : [describeGuard(t.guard, form)]));
    return {
      ok: false,
      reason: 'guard-not-satisfied',
      message: `The application does not meet the condition for ${action}: ${conditions.map((c) => c.en).join('; ')}.`,
      messageVi: `Hồ sơ không đáp ứng điều kiện để ${action}: ${conditions.map((c) => c.vi).join('; ')}.`,
      allowed,
    };
  };

  return {
    definition,
    graph,
    machine,
    initialState: graph.initial,
    states: graph.states,
    describeState,
    stateKind: (state) => describeState(state).kind,
    allowedActions,
    next: (state, action, role, formData = {}) => {
      if (!descriptors.has(state)) return refusal(state, action, role, formData);
      const snapshot = machine.resolveState({ value: toStateValue(state) });
      const event: WorkflowEventObject = { type: action, role, formData };
      if (machine.getTransitionData(snapshot, event).length === 0)
        return refusal(state, action, role, formData);
      const [after] = nextSnapshot(machine, snapshot, event);
      const next = toStateId(after.value);
      return { ok: true, state: next, changed: next !== state };
    },
    validateApplication: (formData) => {
      formValidator ??= compileFormSchema(form);
      return formValidator(formData) ? { ok: true } : { ok: false, errors: formErrors(formValidator) };
    },
    requiredDocuments: (formData) => documents.filter((d) => d.applies(formData)).map((d) => d.document),
    tripCostDays: (locality) => tripCostDays(definition, locality),
  };
}
