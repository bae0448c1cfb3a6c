/**
 * A forgiving read of a definition that may not match the schema. Validation reports every problem at once,
 * so the graph checks must run on documents that also have schema errors: this reader keeps whatever parts
 * are well-formed (remembering their positions for error paths) and drops the rest, which the schema check
 * already reports.
 */
import type { Duration, JsonObject, LocalisedText, StepKind } from './definition';
import type { Guard } from './guard';
import type { GraphStepInput, GraphTransitionInput } from './workflow-graph';

export interface Located<T> {
  readonly value: T;
  readonly path: string;
}

export interface LooseTransition extends GraphTransitionInput {
  readonly path: string;
  readonly guardPath?: string;
}

export interface LooseStep extends GraphStepInput {
  readonly transitions?: readonly LooseTransition[];
  readonly roleRefs: readonly Located<string>[];
}

export interface LooseDefinition {
  readonly roles: readonly Located<string>[];
  readonly events: readonly Located<string>[];
  readonly partnerAgencies: readonly Located<string>[];
  readonly hasExcludedIntervals: boolean;
  readonly statutoryDuration?: Duration;
  readonly committedDuration?: Duration;
  readonly onlineServiceLevel?: unknown;
  readonly resultDelivery: readonly string[];
  readonly applicationForm?: JsonObject;
  readonly documentConditions: readonly Located<Guard>[];
  /** Steps with a usable id; a step without one cannot take part in the graph. */
  readonly steps: readonly LooseStep[];
}

type Loose = { readonly [key: string]: unknown };

function object(value: unknown): Loose | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
}

function array(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function strings(value: unknown, path: string): Located<string>[] {
  return array(value).flatMap((item, i) => {
    const s = string(item);
    return s === undefined ? [] : [{ value: s, path: `${path}/${i}` }];
  });
}

function keyed(value: unknown, key: string, path: string): Located<string>[] {
  return array(value).flatMap((item, i) => {
    const s = string(object(item)?.[key]);
    return s === undefined ? [] : [{ value: s, path: `${path}/${i}/${key}` }];
  });
}

/** Guards are only read when they are objects; their inner shape is the schema's business. */
function guard(value: unknown): Guard | undefined {
  return object(value) as Guard | undefined;
}

function duration(value: unknown): Duration | undefined {
  const d = object(value);
  if (d === undefined) return undefined;
  if (d['unit'] === 'same-day') return { unit: 'same-day' };
  const amount = d['value'];
  if ((d['unit'] === 'working-days' || d['unit'] === 'calendar-days') && typeof amount === 'number') {
    return { value: amount, unit: d['unit'] };
  }
  return undefined;
}

function text(value: unknown, fallback: string): LocalisedText {
  const t = object(value);
  return { vi: string(t?.['vi']) ?? fallback, en: string(t?.['en']) ?? fallback };
}

function transition(value: unknown, path: string): LooseTransition | undefined {
  const t = object(value);
  const event = string(t?.['event']);
  const target = string(t?.['target']);
  if (t === undefined || event === undefined || target === undefined) return undefined;
  const roles =
    t['roles'] === undefined ? undefined : strings(t['roles'], `${path}/roles`).map((r) => r.value);
  const g = guard(t['guard']);
  return {
    event,
    target,
    path,
    ...(roles === undefined ? {} : { roles }),
    ...(g === undefined ? {} : { guard: g, guardPath: `${path}/guard` }),
  };
}

function step(value: unknown, path: string): LooseStep | undefined {
  const s = object(value);
  const id = string(s?.['id']);
  if (s === undefined || id === undefined) return undefined;
  const roleRefs = strings(s['roles'], `${path}/roles`);
  const written = s['transitions'];
  const transitions = Array.isArray(written)
    ? written.flatMap((t, i) => transition(t, `${path}/transitions/${i}`) ?? [])
    : undefined;
  const agency = string(s['agency']);
  return {
    id,
    path,
    name: text(s['name'], id),
    kind: s['kind'] === 'partner-agency' ? 'partner-agency' : ('processing' satisfies StepKind),
    ...(agency === undefined ? {} : { agency }),
    roles: roleRefs.map((r) => r.value),
    roleRefs,
    timeBudget: typeof s['timeBudget'] === 'number' ? s['timeBudget'] : 0,
    ...(transitions === undefined ? {} : { transitions }),
  };
}

export function readLooseDefinition(input: unknown): LooseDefinition {
  const root = object(input) ?? {};
  const workflow = object(root['workflow']);
  const form = object(root['applicationForm']);
  const statutoryDuration = duration(root['statutoryDuration']);
  const committedDuration = duration(root['committedDuration']);
  return {
    roles: keyed(root['roles'], 'id', '/roles'),
    events: keyed(root['events'], 'type', '/events'),
    partnerAgencies: keyed(root['partnerAgencies'], 'code', '/partnerAgencies'),
    hasExcludedIntervals: array(root['excludedIntervals']).length > 0,
    ...(statutoryDuration === undefined ? {} : { statutoryDuration }),
    ...(committedDuration === undefined ? {} : { committedDuration }),
    onlineServiceLevel: root['onlineServiceLevel'],
    resultDelivery: strings(root['resultDelivery'], '/resultDelivery').map((c) => c.value),
    ...(form === undefined ? {} : { applicationForm: form as JsonObject }),
    documentConditions: array(root['requiredDocuments']).flatMap((doc, i) => {
      const condition = guard(object(doc)?.['condition']);
      return condition === undefined ? [] : [{ value: condition, path: `/requiredDocuments/${i}/condition` }];
    }),
    steps: array(workflow?.['steps']).flatMap((s, i) => step(s, `/workflow/steps/${i}`) ?? []),
  };
}
