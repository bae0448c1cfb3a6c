/**
 * Guards: conditions over the application form data that route a dossier (a transition fires only when its
 * guard holds) or make a required document conditional. They are data, never code strings, so an agency
 * can write them and a reviewer can read them. Every guard is translated into a JSON Schema and evaluated
 * by ajv; the `schema` form lets an agency write that JSON Schema directly when the small operators are
 * not enough.
 *
 * Comparisons (everything except `exists`) hold only when the field is present: `ne` on a missing field is
 * false. Write `{ not: { field, op: 'eq', value } }` for "missing or different".
 */
import type { ValidateFunction } from 'ajv';
import { compileFormSchema } from './ajv';
import type { JsonObject, JsonValue, LocalisedText } from './definition';
import { formFieldTitle } from './form-schema';
import { parsePointer } from './json-pointer';

export const GUARD_OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'exists'] as const;
export type GuardOperator = (typeof GUARD_OPERATORS)[number];

export interface FieldCondition {
  /** JSON Pointer into the form data, e.g. `/applicant/age`. */
  readonly field: string;
  readonly op: GuardOperator;
  /** Numbers for gt/gte/lt/lte, a list for in/notIn, nothing for exists. */
  readonly value?: JsonValue;
}

export type Guard =
  | FieldCondition
  | { readonly all: readonly Guard[] }
  | { readonly any: readonly Guard[] }
  | { readonly not: Guard }
  | { readonly schema: JsonObject };

export type FormPredicate = (formData: unknown) => boolean;

function leafSchema(condition: FieldCondition): JsonObject {
  const value = condition.value ?? null;
  switch (condition.op) {
    case 'eq':
      return { const: value };
    case 'ne':
      return { not: { const: value } };
    case 'gt':
      return { type: 'number', exclusiveMinimum: value };
    case 'gte':
      return { type: 'number', minimum: value };
    case 'lt':
      return { type: 'number', exclusiveMaximum: value };
    case 'lte':
      return { type: 'number', maximum: value };
    case 'in':
      return { enum: value };
    case 'notIn':
      return { not: { enum: value } };
    case 'exists':
      return {};
  }
}

/** `/a/b` op v  →  { type: object, required: [a], properties: { a: { type: object, required: [b], … } } }. */
function fieldConditionSchema(condition: FieldCondition): JsonObject {
  const tokens = parsePointer(condition.field) ?? [];
  let schema = leafSchema(condition);
  for (const token of [...tokens].reverse()) {
    // `type: object` matters: `required` is silently ignored on non-objects, which would make a guard
    // over a mistyped value pass.
    schema = { type: 'object', required: [token], properties: { [token]: schema } };
  }
  return schema;
}

export function guardToSchema(guard: Guard): JsonObject {
  if ('field' in guard) return fieldConditionSchema(guard);
  if ('all' in guard) return { allOf: guard.all.map(guardToSchema) };
  if ('any' in guard) return { anyOf: guard.any.map(guardToSchema) };
  if ('not' in guard) return { not: guardToSchema(guard.not) };
  return guard.schema;
}

/** Compiles a guard once; the predicate is pure and can be called for every action. */
export function compileGuard(guard: Guard): FormPredicate {
  const validate: ValidateFunction = compileFormSchema(guardToSchema(guard));
  return (formData) => validate(formData ?? {}) === true;
}

/** Every field pointer a guard reads, with its position inside the guard (for error paths). */
export function guardFields(guard: Guard, at = ''): readonly { field: string; path: string }[] {
  if ('field' in guard) return [{ field: guard.field, path: `${at}/field` }];
  if ('all' in guard) return guard.all.flatMap((inner, i) => guardFields(inner, `${at}/all/${i}`));
  if ('any' in guard) return guard.any.flatMap((inner, i) => guardFields(inner, `${at}/any/${i}`));
  if ('not' in guard) return guardFields(guard.not, `${at}/not`);
  return [];
}

const SYMBOLS: Record<Exclude<GuardOperator, 'exists'>, string> = {
  eq: '=',
  ne: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: '∈',
  notIn: '∉',
};

function formatValue(value: JsonValue | undefined): string {
  if (Array.isArray(value)) return `{${value.map((item) => formatValue(item)).join(', ')}}`;
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value ?? null);
}

/** A short readable form of the guard, with form field titles when the form provides them. */
export function describeGuard(guard: Guard, form?: JsonObject): LocalisedText {
  if ('field' in guard) {
    const title = formFieldTitle(form, guard.field);
    if (guard.op === 'exists') return { vi: `có ${title.vi}`, en: `${title.en} given` };
    const rest = `${SYMBOLS[guard.op]} ${formatValue(guard.value)}`;
    return { vi: `${title.vi} ${rest}`, en: `${title.en} ${rest}` };
  }
  if ('all' in guard || 'any' in guard) {
    const parts = ('all' in guard ? guard.all : guard.any).map((inner) => describeGuard(inner, form));
    const [vi, en] = 'all' in guard ? [' và ', ' and '] : [' hoặc ', ' or '];
    return { vi: parts.map((p) => `(${p.vi})`).join(vi), en: parts.map((p) => `(${p.en})`).join(en) };
  }
  if ('not' in guard) {
    const inner = describeGuard(guard.not, form);
    return { vi: `không (${inner.vi})`, en: `not (${inner.en})` };
  }
  const title = typeof guard.schema['title'] === 'string' ? guard.schema['title'] : undefined;
  return {
    vi: title ?? 'tờ khai khớp điều kiện',
    en: title ?? 'form matches the condition schema',
  };
}
