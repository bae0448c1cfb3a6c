/**
 * A definition as it arrives over HTTP or from a file: a parsed JSON document, or YAML/JSON text. Text is
 * kept as the draft's source so that errors point at lines and the author's comments survive.
 */
import type { DefinitionFormat } from '../domain/parse';
import { readDefinitionText, type DefinitionSource } from './registry-decider';

export type DefinitionInput =
  | { readonly kind: 'document'; readonly document: unknown }
  | { readonly kind: 'text'; readonly text: string; readonly format?: DefinitionFormat };

/** A request body: a string is text (YAML, or JSON sent as text), anything else an already parsed document. */
export function definitionInputFromBody(body: unknown, contentType?: string): DefinitionInput {
  if (typeof body !== 'string') return { kind: 'document', document: body };
  const format: DefinitionFormat | undefined = /yaml/i.test(contentType ?? '')
    ? 'yaml'
    : /json/i.test(contentType ?? '')
      ? 'json'
      : undefined;
  return { kind: 'text', text: body, format };
}

/** @throws InvalidProcedureDefinition when text does not parse */
export function resolveDefinitionInput(input: DefinitionInput): {
  document: unknown;
  source?: DefinitionSource;
} {
  if (input.kind === 'document') return { document: input.document };
  return readDefinitionText(input.text, input.format);
}
