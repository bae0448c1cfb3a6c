/**
 * The two ajv instances the procedure domain uses. Both speak JSON Schema draft 2020-12.
 * - The definition validator is fully strict: the schema is ours, and a typo in it must fail loudly.
 * - The form validator rejects unknown keywords too (in YAML, `title: Họ, chữ đệm, tên` inside braces
 *   silently becomes three keys), but accepts `x-` annotations (`x-title-en`, UI hints) and does not insist
 *   on `type` next to every type-specific keyword, which agencies rarely write.
 * Ajv caches compiled schemas per instance, so both instances live for the process.
 */
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

let definitionAjv: Ajv2020 | undefined;
let formAjv: Ajv2020 | undefined;

export function definitionSchemaAjv(): Ajv2020 {
  // strictRequired stays off: the guard schema tests `required: [field]` in `if` without redeclaring it.
  definitionAjv ??= addFormats(
    new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true }),
  );
  return definitionAjv;
}

export function formSchemaAjv(): Ajv2020 {
  formAjv ??= addFormats(
    new Ajv2020({
      allErrors: true,
      strictSchema: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      verbose: true,
    }),
  );
  return formAjv;
}

/** Every `x-…` key used in the schema becomes a known annotation keyword (no validation effect). */
function registerAnnotations(ajv: Ajv2020, schema: unknown): void {
  if (Array.isArray(schema)) {
    schema.forEach((item) => registerAnnotations(ajv, item));
  } else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key.startsWith('x-') && !ajv.getKeyword(key)) ajv.addKeyword({ keyword: key });
      registerAnnotations(ajv, value);
    }
  }
}

/**
 * Compiles an agency-supplied schema (a form, a schema guard). A schema with an `$id` replaces any earlier
 * one with the same id: re-validating a document parsed again must not fail with "already exists".
 * Compiled validators are cached by ajv per schema object, so callers compile once per published version.
 */
export function compileFormSchema(schema: object): ValidateFunction {
  const ajv = formSchemaAjv();
  registerAnnotations(ajv, schema);
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id === 'string' && ajv.getSchema(id)?.schema !== schema) ajv.removeSchema(id);
  return ajv.compile(schema);
}
