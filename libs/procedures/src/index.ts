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
export {
  InvalidSampleDirectoryError,
  SAMPLES_DIRECTORY,
  SAMPLE_DIRECTORY_FILE,
  loadSampleCatalogue,
  loadSampleDirectory,
  type SampleDirectory,
} from '../samples';

// Registry: application, read models and HTTP API (see procedures.module.ts).
export { ProceduresModule } from './procedures.module';
export { ProcedureRegistry1763780000200 } from './infrastructure/migrations/1763780000200-procedure-registry';
export { AgencyDirectory1763780000210 } from './infrastructure/migrations/1763780000210-agency-directory';
export { ProcedureRegistryProjection } from './infrastructure/projections/procedure-registry.projection';
export { AgencyDirectoryProjection } from './infrastructure/projections/agency-directory.projection';
export { SampleLoader, type SampleLoadReport } from './infrastructure/sample-loader';
export {
  ADMINISTRATOR_ROLE,
  SYSTEM_ROLE,
  canAdministerDirectory,
  canManageProcedure,
  type RegistryActor,
} from './application/authorization';
export {
  PROCEDURE_STREAM_TYPE,
  REGISTRY_EVENT_TYPES,
  procedureStreamId,
  type ProcedureDrafted,
  type ProcedureDraftUpdated,
  type ProcedurePublished,
  type ProcedureRetired,
  type RegistryEvent,
} from './application/registry-decider';
export {
  ADMINISTRATIVE_UNIT_EVENT_TYPES,
  ADMINISTRATIVE_UNIT_STREAM_TYPE,
  AGENCY_EVENT_TYPES,
  AGENCY_STREAM_TYPE,
  administrativeUnitStreamId,
  agencyStreamId,
  type AdministrativeUnitEvent,
  type AdministrativeUnitRecord,
  type AgencyEvent,
  type AgencyRecord,
} from './application/directory-decider';
export { contentHash } from './application/content-hash';
