/**
 * The common lifecycle every procedure shares (docs/domain/lifecycle-and-forms.md). The engine owns it; a definition only adds and
 * orders the agency's own processing steps between `received` and `approved`. The dossier decider and the
 * statistics are built on these names, so they are part of the public contract: add, never rename.
 */
import type { LocalisedText } from './definition';

/** Roles the engine knows without a declaration: the applicant and machine callers (portals, post, tax). */
export const BUILT_IN_ROLES = ['citizen', 'integration'] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

/** Officer roles the lifecycle refers to; a definition declares the ones it uses, with local names. */
export const STANDARD_ROLES = ['receiving-officer', 'specialist', 'leader', 'partner-agency'] as const;
export type StandardRole = (typeof STANDARD_ROLES)[number];

export const LIFECYCLE_STATES = {
  submitted: 'submitted',
  awaitingCompletion: 'awaiting-completion',
  resubmitted: 'resubmitted',
  received: 'received',
  approved: 'approved',
  resultReady: 'result-ready',
  returned: 'returned',
  refusedToReceive: 'refused-to-receive',
  refused: 'refused',
  withdrawn: 'withdrawn',
} as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[keyof typeof LIFECYCLE_STATES];

/** Every step is a compound state; the pauses live inside it, so resuming returns to the same step. */
export const STEP_SUBSTATES = {
  active: 'active',
  waitingForCitizen: 'waiting-for-citizen',
  excludedInterval: 'excluded-interval',
} as const;
export type StepSubstate = (typeof STEP_SUBSTATES)[keyof typeof STEP_SUBSTATES];

/** The only lifecycle states a definition's transitions may target. */
export const DECISION_TARGETS = {
  APPROVE: LIFECYCLE_STATES.approved,
  REFUSE: LIFECYCLE_STATES.refused,
} as const;

/** Events the engine handles itself; a definition may not use them in its steps. */
export const LIFECYCLE_EVENTS = [
  'SUBMIT',
  'RECEIVE',
  'REQUEST_COMPLETION',
  'COMPLETE',
  'REFUSE_TO_RECEIVE',
  'TRANSFER',
  'REQUEST_SUPPLEMENT',
  'PROVIDE_SUPPLEMENT',
  'START_EXCLUDED_INTERVAL',
  'END_EXCLUDED_INTERVAL',
  'ISSUE_RESULT',
  'RETURN_RESULT',
  'WITHDRAW',
  'APOLOGISE',
  'RATE',
] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

/** Built-in events a definition uses in its steps without declaring them. */
export const STEP_EVENTS = ['HAND_OVER', 'APPROVE', 'REFUSE'] as const;
export type StepEvent = (typeof STEP_EVENTS)[number];

export type StateKind =
  'intake' | 'processing' | 'waiting-for-citizen' | 'excluded-interval' | 'result-ready' | 'final';

/** Whether the statutory clock runs: it starts at receipt and stops when the result is issued. */
export type ClockStatus = 'not-started' | 'running' | 'paused' | 'stopped';

export type Outcome = 'returned' | 'refused' | 'refused-to-receive' | 'withdrawn';

export interface StateDescriptor {
  /** `received`, or `<step>.<substate>` for a step, e.g. `verify.waiting-for-citizen`. */
  readonly id: string;
  readonly kind: StateKind;
  readonly clock: ClockStatus;
  readonly name: LocalisedText;
  readonly outcome?: Outcome;
  /** For step states: the step id, its partner agency (liên thông) and its time budget in working days. */
  readonly step?: string;
  readonly agency?: string;
  readonly timeBudget?: number;
}

type LifecycleDescriptor = Omit<StateDescriptor, 'id' | 'step' | 'agency' | 'timeBudget'>;

export const LIFECYCLE_STATE_DESCRIPTORS: Record<LifecycleState, LifecycleDescriptor> = {
  submitted: {
    kind: 'intake',
    clock: 'not-started',
    name: { vi: 'Đã nộp, chờ tiếp nhận', en: 'Submitted, awaiting intake' },
  },
  'awaiting-completion': {
    kind: 'intake',
    clock: 'not-started',
    name: { vi: 'Chờ bổ sung, hoàn thiện (mẫu 02)', en: 'Awaiting completion (form 02)' },
  },
  resubmitted: {
    kind: 'intake',
    clock: 'not-started',
    name: { vi: 'Đã hoàn thiện, chờ tiếp nhận', en: 'Completed, awaiting intake' },
  },
  received: {
    kind: 'processing',
    clock: 'running',
    name: { vi: 'Đã tiếp nhận (mẫu 01)', en: 'Received (form 01)' },
  },
  approved: {
    kind: 'processing',
    clock: 'running',
    name: { vi: 'Đã phê duyệt, đang ban hành', en: 'Approved, result being issued' },
  },
  'result-ready': {
    kind: 'result-ready',
    clock: 'stopped',
    name: { vi: 'Có kết quả, chờ trả', en: 'Result ready for return' },
  },
  returned: {
    kind: 'final',
    clock: 'stopped',
    outcome: 'returned',
    name: { vi: 'Đã trả kết quả', en: 'Result returned' },
  },
  'refused-to-receive': {
    kind: 'final',
    clock: 'not-started',
    outcome: 'refused-to-receive',
    name: { vi: 'Từ chối tiếp nhận (mẫu 03)', en: 'Refused at intake (form 03)' },
  },
  refused: {
    kind: 'final',
    clock: 'stopped',
    outcome: 'refused',
    name: { vi: 'Từ chối giải quyết', en: 'Refused to resolve' },
  },
  withdrawn: {
    kind: 'final',
    clock: 'stopped',
    outcome: 'withdrawn',
    name: { vi: 'Công dân rút hồ sơ', en: 'Withdrawn by the applicant' },
  },
};

export const STEP_SUBSTATE_DESCRIPTORS: Record<StepSubstate, Pick<StateDescriptor, 'kind' | 'clock'>> = {
  active: { kind: 'processing', clock: 'running' },
  'waiting-for-citizen': { kind: 'waiting-for-citizen', clock: 'paused' },
  'excluded-interval': { kind: 'excluded-interval', clock: 'paused' },
};

export const STEP_SUBSTATE_NAMES: Record<Exclude<StepSubstate, 'active'>, LocalisedText> = {
  'waiting-for-citizen': { vi: 'chờ công dân bổ sung', en: 'waiting for the citizen' },
  'excluded-interval': { vi: 'thời gian không tính', en: 'excluded interval' },
};

export const EVENT_NAMES: Record<LifecycleEvent | StepEvent, LocalisedText> = {
  SUBMIT: { vi: 'Nộp hồ sơ', en: 'Submit' },
  RECEIVE: { vi: 'Tiếp nhận, hẹn trả', en: 'Receive and give appointment' },
  REQUEST_COMPLETION: { vi: 'Hướng dẫn bổ sung, hoàn thiện', en: 'Ask to complete the dossier' },
  COMPLETE: { vi: 'Nộp bổ sung, hoàn thiện', en: 'Complete the dossier' },
  REFUSE_TO_RECEIVE: { vi: 'Từ chối tiếp nhận', en: 'Refuse to receive' },
  TRANSFER: { vi: 'Chuyển xử lý', en: 'Transfer for processing' },
  REQUEST_SUPPLEMENT: { vi: 'Yêu cầu bổ sung', en: 'Request a supplement' },
  PROVIDE_SUPPLEMENT: { vi: 'Nộp bổ sung', en: 'Provide the supplement' },
  START_EXCLUDED_INTERVAL: { vi: 'Bắt đầu thời gian không tính', en: 'Start an excluded interval' },
  END_EXCLUDED_INTERVAL: { vi: 'Kết thúc thời gian không tính', en: 'End the excluded interval' },
  ISSUE_RESULT: { vi: 'Ban hành, chuyển kết quả', en: 'Issue the result' },
  RETURN_RESULT: { vi: 'Trả kết quả', en: 'Return the result' },
  WITHDRAW: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  APOLOGISE: { vi: 'Xin lỗi, hẹn lại (mẫu 04)', en: 'Apologise and reschedule (form 04)' },
  RATE: { vi: 'Đánh giá mức độ hài lòng', en: 'Rate satisfaction' },
  HAND_OVER: { vi: 'Chuyển bước', en: 'Hand over' },
  APPROVE: { vi: 'Phê duyệt', en: 'Approve' },
  REFUSE: { vi: 'Từ chối giải quyết', en: 'Refuse' },
};

/**
 * Who may fire each engine-owned event. Officer roles are intersected with the roles a definition declares.
 * Not listed: REQUEST_SUPPLEMENT and START_EXCLUDED_INTERVAL belong to the roles of the step the dossier is
 * in, END_EXCLUDED_INTERVAL to those roles plus the ones below, APOLOGISE to every declared officer role,
 * REFUSE (when the engine adds it) to the roles that may APPROVE in that step.
 */
export const LIFECYCLE_ROLES = {
  SUBMIT: ['citizen', 'integration', 'receiving-officer'],
  RECEIVE: ['receiving-officer'],
  REQUEST_COMPLETION: ['receiving-officer'],
  COMPLETE: ['citizen', 'integration', 'receiving-officer'],
  REFUSE_TO_RECEIVE: ['receiving-officer'],
  TRANSFER: ['receiving-officer', 'integration'],
  PROVIDE_SUPPLEMENT: ['citizen', 'integration', 'receiving-officer'],
  END_EXCLUDED_INTERVAL: ['integration'],
  ISSUE_RESULT: ['specialist', 'receiving-officer', 'integration'],
  RETURN_RESULT: ['receiving-officer', 'integration'],
  WITHDRAW: ['citizen', 'integration', 'receiving-officer'],
  RATE: ['citizen', 'integration'],
} as const;

export function isBuiltInRole(role: string): role is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(role);
}

export function isLifecycleEvent(event: string): event is LifecycleEvent {
  return (LIFECYCLE_EVENTS as readonly string[]).includes(event);
}

export function isStepEvent(event: string): event is StepEvent {
  return (STEP_EVENTS as readonly string[]).includes(event);
}

export function isLifecycleState(id: string): id is LifecycleState {
  return Object.values<string>(LIFECYCLE_STATES).includes(id);
}

export function stepStateId(step: string, substate: StepSubstate): string {
  return `${step}.${substate}`;
}
