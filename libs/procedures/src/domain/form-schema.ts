/**
 * Walking an application form's JSON Schema by field pointer, so validation can tell an agency that a
 * guard names a field the form never asks for, and diagrams can show the field's title instead of a path.
 * It follows `properties`, the combinators (`allOf`/`anyOf`/`oneOf`, `if`/`then`/`else`) and local `$ref`s;
 * that covers how forms are written in practice without a full JSON Schema resolver.
 */
import type { JsonObject, JsonValue, LocalisedText } from './definition';
import { parsePointer } from './json-pointer';

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;
const CONDITIONAL_BRANCHES = ['then', 'else'] as const;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveLocalRef(root: JsonObject, ref: string): JsonObject | undefined {
  if (!ref.startsWith('#')) return undefined;
  const tokens = parsePointer(ref.slice(1));
  if (tokens === undefined) return undefined;
  let node: JsonValue | undefined = root;
  for (const token of tokens) {
    node = isObject(node) ? node[token] : undefined;
  }
  return isObject(node) ? node : undefined;
}

/** The schema itself plus every subschema that applies to the same instance (combinators, local refs). */
function applicableSchemas(root: JsonObject, schema: JsonObject, seen = new Set<JsonObject>()): JsonObject[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const found = [schema];
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = resolveLocalRef(root, ref);
    if (target !== undefined) found.push(...applicableSchemas(root, target, seen));
  }
  for (const keyword of COMBINATORS) {
    const branches = schema[keyword];
    if (Array.isArray(branches)) {
      for (const branch of branches as readonly JsonValue[]) {
        if (isObject(branch)) found.push(...applicableSchemas(root, branch, seen));
      }
    }
  }
  for (const keyword of CONDITIONAL_BRANCHES) {
    const branch = schema[keyword];
    if (isObject(branch)) found.push(...applicableSchemas(root, branch, seen));
  }
  return found;
}

/**
 * The subschemas describing the field at `pointer`, or an empty list when the form does not declare it.
 * A pointer that is not a JSON Pointer also yields an empty list.
 */
export function findFormField(form: JsonObject, pointer: string): readonly JsonObject[] {
  const tokens = parsePointer(pointer);
  if (tokens === undefined || tokens.length === 0) return [];
  let current: JsonObject[] = [form];
  for (const token of tokens) {
    const next: JsonObject[] = [];
    for (const schema of current) {
      for (const candidate of applicableSchemas(form, schema)) {
        const properties = candidate['properties'];
        const property = isObject(properties) ? properties[token] : undefined;
        if (isObject(property)) next.push(property);
      }
    }
    if (next.length === 0) return [];
    current = next;
  }
  return current.flatMap((schema) => applicableSchemas(form, schema));
}

/**
 * A field's display title. Forms carry the Vietnamese title in `title` and may add `x-title-en`;
 * without titles the pointer itself is shown.
 */
export function formFieldTitle(form: JsonObject | undefined, pointer: string): LocalisedText {
  const schemas = form === undefined ? [] : findFormField(form, pointer);
  const vi = schemas.map((schema) => schema['title']).find((title) => typeof title === 'string');
  const en = schemas.map((schema) => schema['x-title-en']).find((title) => typeof title === 'string');
  return {
    vi: typeof vi === 'string' ? vi : pointer,
    en: typeof en === 'string' ? en : typeof vi === 'string' ? vi : pointer,
  };
}
