/**
 * Text in, findings out: the path an agency's editor or the registry's upload endpoint takes. Syntax errors
 * stop early (there is nothing to validate); otherwise every validation issue also gets the line and column
 * it refers to.
 */
import { parseDefinitionText, type DefinitionFormat, type SourcePosition } from './parse';
import { validateDefinition } from './validate';
import type { ProcedureDefinition } from './definition';
import type { ValidationIssue } from './validation-issue';

export type LocatedIssue = ValidationIssue & Partial<SourcePosition>;

export type TextValidationResult =
  | {
      readonly ok: true;
      readonly format: DefinitionFormat;
      readonly definition: ProcedureDefinition;
      readonly warnings: readonly LocatedIssue[];
    }
  | {
      readonly ok: false;
      readonly format: DefinitionFormat;
      readonly errors: readonly LocatedIssue[];
      readonly warnings: readonly LocatedIssue[];
    };

export function validateDefinitionText(text: string, format?: DefinitionFormat): TextValidationResult {
  const parsed = parseDefinitionText(text, format);
  if (!parsed.ok) {
    const errors = parsed.errors.map((e): LocatedIssue => ({
      code: 'syntax',
      severity: 'error',
      path: '',
      ...e,
    }));
    return { ok: false, format: parsed.format, errors, warnings: [] };
  }
  const located = (issue: ValidationIssue): LocatedIssue => ({ ...issue, ...parsed.locate(issue.path) });
  const result = validateDefinition(parsed.value);
  const warnings = result.warnings.map(located);
  return result.ok
    ? { ok: true, format: parsed.format, definition: result.definition, warnings }
    : { ok: false, format: parsed.format, errors: result.errors.map(located), warnings };
}
