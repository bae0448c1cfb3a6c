/**
 * Procedure registry, pure domain: the definition format and its validation, compilation of a definition
 * into the workflow state machine the dossier engine runs, diagrams, and the sample catalogue.
 */
export * from './domain/definition';
export { PROCEDURE_DEFINITION_SCHEMA } from './domain/procedure-definition-schema';
export {
  GUARD_OPERATORS,
  compileGuard,
  describeGuard,
  guardToSchema,
  type FieldCondition,
  type FormPredicate,
  type Guard,
  type GuardOperator,
} from './domain/guard';
export * from './domain/lifecycle';
export { buildWorkflowGraph, type WorkflowGraph, type WorkflowTransition } from './domain/workflow-graph';
export {
  ISSUE_CODES,
  type IssueCode,
  type IssueSeverity,
  type ValidationIssue,
} from './domain/validation-issue';
export { normaliseDefinition, validateDefinition, type ValidationResult } from './domain/validate';
export {
  detectFormat,
  parseDefinitionText,
  type DefinitionFormat,
  type ParseResult,
  type SourcePosition,
  type SyntaxProblem,
} from './domain/parse';
export {
  validateDefinitionText,
  type LocatedIssue,
  type TextValidationResult,
} from './domain/definition-text';
export {
  compileProcedure,
  type AllowedAction,
  type CompiledProcedure,
  type FormError,
  type NextResult,
  type NotAllowedReason,
  type ProcedureMachine,
  type WorkflowEventObject,
} from './domain/compile';
export { compareDurations, formatDuration, workingDays, type DurationComparison } from './domain/duration';
export { renderSvg, toDot, toMermaid, type DiagramOptions } from './domain/diagram';
export { InvalidProcedureDefinitionError, UnknownWorkflowStateError } from './domain/errors';
export { InvalidCatalogueError, buildCatalogue, type DefinitionFile } from './domain/sample-catalogue';
export { SAMPLES_DIRECTORY, loadSampleCatalogue } from '../samples';
