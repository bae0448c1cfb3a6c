/**
 * The complete workflow of a procedure as plain data: the engine lifecycle plus the agency's steps. One
 * builder feeds validation (graph checks), compilation (the XState machine) and the diagrams, so the three
 * can never disagree about which transitions exist.
 */
import type { LocalisedText, StepKind } from './definition';
import type { Guard } from './guard';
import {
  DECISION_TARGETS,
  LIFECYCLE_ROLES,
  LIFECYCLE_STATES,
  LIFECYCLE_STATE_DESCRIPTORS,
  STEP_SUBSTATES,
  STEP_SUBSTATE_DESCRIPTORS,
  STEP_SUBSTATE_NAMES,
  type LifecycleState,
  type StateDescriptor,
  isBuiltInRole,
  stepStateId,
} from './lifecycle';

export interface WorkflowTransition {
  readonly source: string;
  readonly event: string;
  /** `null` when the action is recorded without a state change (APOLOGISE, RATE). */
  readonly target: string | null;
  readonly roles: readonly string[];
  readonly guard?: Guard;
  /** `definition`: written by the agency; `default`: implied by step order; `lifecycle`: the engine's. */
  readonly origin: 'lifecycle' | 'definition' | 'default';
  /** JSON Pointer of the transition in the document, for definition transitions. */
  readonly path?: string;
  /** Withdrawal is always possible, so it does not count as a way for a step to finish. */
  readonly escape: boolean;
  /** The definition's own label for this transition, when it has one. */
  readonly name?: LocalisedText;
}

export interface WorkflowGraph {
  readonly initial: string;
  readonly states: readonly StateDescriptor[];
  readonly transitions: readonly WorkflowTransition[];
}

export interface GraphTransitionInput {
  readonly event: string;
  readonly target: string;
  readonly roles?: readonly string[];
  readonly guard?: Guard;
  readonly name?: LocalisedText;
}

export interface GraphStepInput {
  readonly id: string;
  readonly name: LocalisedText;
  readonly kind: StepKind;
  readonly agency?: string;
  readonly roles: readonly string[];
  readonly timeBudget: number;
  /** Left out: the default transitions (see `defaultStepTransitions`). */
  readonly transitions?: readonly GraphTransitionInput[];
  /** JSON Pointer of the step in the document. */
  readonly path: string;
}

export interface GraphInput {
  readonly steps: readonly GraphStepInput[];
  /** Roles the definition declares (built-in roles are always available). */
  readonly declaredRoles: readonly string[];
  readonly hasExcludedIntervals: boolean;
}

/** The agency's steps run in order unless they say otherwise; the last step decides. Targets as written. */
export function defaultStepTransitions(
  steps: readonly Pick<GraphStepInput, 'id' | 'roles'>[],
  index: number,
): readonly (GraphTransitionInput & { readonly roles: readonly string[] })[] {
  const step = steps[index];
  const following = steps[index + 1];
  return following === undefined
    ? [{ event: 'APPROVE', target: DECISION_TARGETS.APPROVE, roles: step.roles }]
    : [{ event: 'HAND_OVER', target: following.id, roles: step.roles }];
}

/** A transition target as written (`verify`, `approved`) → the state id (`verify.active`, `approved`). */
export function targetStateId(target: string): string {
  return target === DECISION_TARGETS.APPROVE || target === DECISION_TARGETS.REFUSE
    ? target
    : stepStateId(target, STEP_SUBSTATES.active);
}

export function buildWorkflowGraph(input: GraphInput): WorkflowGraph {
  const available = new Set(input.declaredRoles);
  const officers = input.declaredRoles.filter((role) => !isBuiltInRole(role));
  const allowed = (roles: readonly string[]): readonly string[] =>
    roles.filter((role) => isBuiltInRole(role) || available.has(role));
  const states: StateDescriptor[] = [];
  const transitions: WorkflowTransition[] = [];

  const lifecycleState = (id: LifecycleState): void => {
    states.push({ id, ...LIFECYCLE_STATE_DESCRIPTORS[id] });
  };
  const engine = (source: string, event: string, target: string | null, roles: readonly string[]): void => {
    transitions.push({ source, event, target, roles, origin: 'lifecycle', escape: event === 'WITHDRAW' });
  };
  const withdrawable = (source: string): void =>
    engine(source, 'WITHDRAW', LIFECYCLE_STATES.withdrawn, allowed(LIFECYCLE_ROLES.WITHDRAW));

  // Intake. Guidance to complete (form 02) is given once: after COMPLETE the dossier is `resubmitted`,
  // where only receipt or refusal is possible.
  const { submitted, awaitingCompletion, resubmitted, received } = LIFECYCLE_STATES;
  lifecycleState(submitted);
  engine(submitted, 'RECEIVE', received, allowed(LIFECYCLE_ROLES.RECEIVE));
  engine(submitted, 'REQUEST_COMPLETION', awaitingCompletion, allowed(LIFECYCLE_ROLES.REQUEST_COMPLETION));
  engine(
    submitted,
    'REFUSE_TO_RECEIVE',
    LIFECYCLE_STATES.refusedToReceive,
    allowed(LIFECYCLE_ROLES.REFUSE_TO_RECEIVE),
  );
  withdrawable(submitted);
  lifecycleState(awaitingCompletion);
  engine(awaitingCompletion, 'COMPLETE', resubmitted, allowed(LIFECYCLE_ROLES.COMPLETE));
  withdrawable(awaitingCompletion);
  lifecycleState(resubmitted);
  engine(resubmitted, 'RECEIVE', received, allowed(LIFECYCLE_ROLES.RECEIVE));
  engine(
    resubmitted,
    'REFUSE_TO_RECEIVE',
    LIFECYCLE_STATES.refusedToReceive,
    allowed(LIFECYCLE_ROLES.REFUSE_TO_RECEIVE),
  );
  withdrawable(resubmitted);

  lifecycleState(received);
  const first = input.steps[0];
  if (first !== undefined) {
    engine(
      received,
      'TRANSFER',
      stepStateId(first.id, STEP_SUBSTATES.active),
      allowed(LIFECYCLE_ROLES.TRANSFER),
    );
  }
  engine(received, 'APOLOGISE', null, officers);
  withdrawable(received);

  input.steps.forEach((step, index) => {
    const active = stepStateId(step.id, STEP_SUBSTATES.active);
    const waiting = stepStateId(step.id, STEP_SUBSTATES.waitingForCitizen);
    const excluded = stepStateId(step.id, STEP_SUBSTATES.excludedInterval);
    const stepState = (id: string, substate: keyof typeof STEP_SUBSTATE_DESCRIPTORS): void => {
      const suffix = substate === 'active' ? undefined : STEP_SUBSTATE_NAMES[substate];
      states.push({
        id,
        ...STEP_SUBSTATE_DESCRIPTORS[substate],
        name: suffix
          ? { vi: `${step.name.vi} (${suffix.vi})`, en: `${step.name.en} (${suffix.en})` }
          : step.name,
        step: step.id,
        ...(step.agency === undefined ? {} : { agency: step.agency }),
        timeBudget: step.timeBudget,
      });
    };

    stepState(active, 'active');
    const written = step.transitions;
    const own = (written ?? defaultStepTransitions(input.steps, index)).map((transition, t) => ({
      source: active,
      event: transition.event,
      target: targetStateId(transition.target),
      roles: transition.roles ?? step.roles,
      ...(transition.guard === undefined ? {} : { guard: transition.guard }),
      ...(transition.name === undefined ? {} : { name: transition.name }),
      origin: written === undefined ? ('default' as const) : ('definition' as const),
      ...(written === undefined ? {} : { path: `${step.path}/transitions/${t}` }),
      escape: false,
    }));
    transitions.push(...own);
    // The power to approve is the power to refuse: a deciding step may always refuse, with the same roles.
    const approvers = own.filter((transition) => transition.event === 'APPROVE');
    if (approvers.length > 0 && !own.some((transition) => transition.event === 'REFUSE')) {
      engine(active, 'REFUSE', LIFECYCLE_STATES.refused, [...new Set(approvers.flatMap((t) => t.roles))]);
    }
    engine(active, 'REQUEST_SUPPLEMENT', waiting, step.roles);
    if (input.hasExcludedIntervals) engine(active, 'START_EXCLUDED_INTERVAL', excluded, step.roles);
    engine(active, 'APOLOGISE', null, officers);
    withdrawable(active);

    stepState(waiting, 'waiting-for-citizen');
    engine(waiting, 'PROVIDE_SUPPLEMENT', active, allowed(LIFECYCLE_ROLES.PROVIDE_SUPPLEMENT));
    withdrawable(waiting);

    if (input.hasExcludedIntervals) {
      stepState(excluded, 'excluded-interval');
      engine(excluded, 'END_EXCLUDED_INTERVAL', active, [
        ...step.roles,
        ...LIFECYCLE_ROLES.END_EXCLUDED_INTERVAL,
      ]);
      engine(excluded, 'APOLOGISE', null, officers);
      withdrawable(excluded);
    }
  });

  // After the decision: issuing the result is when the dossier counts as resolved; a signed decision can
  // no longer be withdrawn.
  const { approved, resultReady, returned } = LIFECYCLE_STATES;
  lifecycleState(approved);
  engine(approved, 'ISSUE_RESULT', resultReady, allowed(LIFECYCLE_ROLES.ISSUE_RESULT));
  engine(approved, 'APOLOGISE', null, officers);
  lifecycleState(resultReady);
  engine(resultReady, 'RETURN_RESULT', returned, allowed(LIFECYCLE_ROLES.RETURN_RESULT));
  lifecycleState(returned);
  engine(returned, 'RATE', null, allowed(LIFECYCLE_ROLES.RATE));
  lifecycleState(LIFECYCLE_STATES.refusedToReceive);
  lifecycleState(LIFECYCLE_STATES.refused);
  lifecycleState(LIFECYCLE_STATES.withdrawn);

  return { initial: submitted, states, transitions };
}
