/**
 * Validation of a procedure definition, reporting everything at once: schema errors first, then the checks
 * on declarations and on the workflow graph, which run even when the schema fails (on whatever parts are
 * well-formed) so an agency fixes its document in one round instead of one error at a time.
 */
import type { ValidateFunction } from 'ajv';
import { definitionSchemaAjv } from './ajv';
import { checkDeclarations } from './declaration-checks';
import {
  DEFAULT_RECEIPT_CUTOFF,
  DEFAULT_SUPPLEMENT_POLICY,
  DEFAULT_SUPPLEMENT_REQUEST_WINDOW,
  type ProcedureDefinition,
  type ProcedureDefinitionDocument,
} from './definition';
import { checkGraph } from './graph-checks';
import { readLooseDefinition } from './loose-definition';
import { PROCEDURE_DEFINITION_SCHEMA } from './procedure-definition-schema';
import { translateSchemaErrors } from './schema-errors';
import type { ValidationIssue } from './validation-issue';
import { defaultStepTransitions } from './workflow-graph';

export type ValidationResult =
  | {
      readonly ok: true;
      readonly definition: ProcedureDefinition;
      readonly warnings: readonly ValidationIssue[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly ValidationIssue[];
      readonly warnings: readonly ValidationIssue[];
    };

let schemaValidator: ValidateFunction | undefined;

function validateSchema(input: unknown): ValidationIssue[] {
  schemaValidator ??= definitionSchemaAjv().compile(PROCEDURE_DEFINITION_SCHEMA);
  return schemaValidator(input) ? [] : translateSchemaErrors(schemaValidator.errors ?? []);
}

/**
 * Writes every default out, including the implied transitions, so a published version keeps its meaning
 * if a default changes later. The document is copied; the caller's object is never shared or mutated.
 */
export function normaliseDefinition(document: ProcedureDefinitionDocument): ProcedureDefinition {
  const copy = structuredClone(document);
  const { $schema: _schema, workflow, ...rest } = copy;
  const steps = workflow.steps;
  return {
    ...rest,
    partnerAgencies: copy.partnerAgencies ?? [],
    supplementPolicy: copy.supplementPolicy ?? DEFAULT_SUPPLEMENT_POLICY,
    supplementRequestWindow: copy.supplementRequestWindow ?? DEFAULT_SUPPLEMENT_REQUEST_WINDOW,
    receiptCutoff: copy.receiptCutoff ?? DEFAULT_RECEIPT_CUTOFF,
    legalBasis: copy.legalBasis ?? [],
    excludedIntervals: copy.excludedIntervals ?? [],
    events: copy.events ?? [],
    workflow: {
      steps: steps.map((step, index) => ({
        ...step,
        transitions:
          step.transitions?.map((t) => ({ ...t, roles: t.roles ?? step.roles })) ??
          defaultStepTransitions(steps, index),
      })),
    },
  };
}

/** Checks a parsed document (from `parseDefinitionText` or a JSON body) and returns it normalised. */
export function validateDefinition(input: unknown): ValidationResult {
  const schemaIssues = validateSchema(input);
  const loose = readLooseDefinition(input);
  const issues = [...schemaIssues, ...checkDeclarations(loose), ...checkGraph(loose)];
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, definition: normaliseDefinition(input as ProcedureDefinitionDocument), warnings };
}
