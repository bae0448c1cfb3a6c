// For tests: parse the AsyncAPI document with the official parser, and validate Kafka messages against the
// payload schema of the message their CloudEvents `type` names. Schemas are compiled by a strict ajv
// (draft-07, like AsyncAPI 3 schemas) that accepts only the `x-` annotations the document or parser adds.
import { DiagnosticSeverity, Parser, type Diagnostic } from '@asyncapi/parser';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { AsyncApiDocument } from '../asyncapi-document';

export interface ParsedAsyncApi {
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** Channel address → names of its messages. */
  readonly channels: ReadonlyMap<string, readonly string[]>;
  /** CloudEvents type (the payload's `type` const) → the dereferenced payload schema. */
  readonly payloads: ReadonlyMap<string, object>;
}

export async function parseAsyncApi(document: AsyncApiDocument): Promise<ParsedAsyncApi> {
  const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  const warnings = diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Error);
  if (parsed === undefined) return { errors, warnings, channels: new Map(), payloads: new Map() };
  const channels = new Map(
    parsed
      .channels()
      .all()
      .map((c) => [
        c.address() ?? '',
        c
          .messages()
          .all()
          .map((m) => m.name() ?? m.id()),
      ]),
  );
  const payloads = new Map<string, object>();
  for (const message of parsed.allMessages().all()) {
    const payload = message.payload()?.json();
    if (payload === undefined || typeof payload !== 'object') continue;
    payloads.set(typeConstOf(payload) ?? message.id(), payload);
  }
  return { errors, warnings, channels, payloads };
}

/** The `type` const of a payload `allOf: [envelope, { properties: { type: { const } } }]`. */
function typeConstOf(payload: object): string | undefined {
  const parts = (payload as { allOf?: { properties?: { type?: { const?: unknown } } }[] }).allOf ?? [];
  const found = parts.map((p) => p.properties?.type?.const).find((c) => typeof c === 'string');
  return typeof found === 'string' ? found : undefined;
}

function extensionKeywords(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => extensionKeywords(s, found));
  else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key.startsWith('x-')) found.add(key);
      extensionKeywords(value, found);
    }
  }
  return found;
}

/** A strict draft-07 ajv with formats, knowing the `x-` annotations of the given schemas. */
export function strictAjv(...schemas: readonly unknown[]): Ajv {
  const ajv = addFormats(new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }));
  for (const keyword of extensionKeywords(schemas))
    ajv.addKeyword({ keyword, schemaType: ['string', 'boolean'] });
  return ajv;
}

export function compile(schema: object): ValidateFunction {
  return strictAjv(schema).compile(schema);
}

export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}
