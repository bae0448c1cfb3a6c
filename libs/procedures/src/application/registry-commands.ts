/**
 * Running the registry's commands against their streams, and the answers they give. Shared by the use-case
 * handlers and the sample loader so that both take exactly the same path.
 */
import type { CommandExecutor } from '@tthc/event-store';
import type { LocatedIssue } from '../domain/definition-text';
import type { ValidationIssue } from '../domain/validation-issue';
import {
  ADMINISTRATIVE_UNIT_STREAM_TYPE,
  AGENCY_STREAM_TYPE,
  administrativeUnitStreamId,
  agencyStreamId,
  decideAdministrativeUnit,
  decideAgency,
  evolveAdministrativeUnit,
  evolveAgency,
  initialAdministrativeUnitState,
  initialAgencyState,
  type AdministrativeUnitCommand,
  type AdministrativeUnitEvent,
  type AdministrativeUnitState,
  type AgencyCommand,
  type AgencyEvent,
  type AgencyRecord,
  type AgencyState,
  type RecordEnd,
} from './directory-decider';
import { executeDecider, type DeciderOutcome } from './execute-decider';
import {
  checkDefinition,
  currentVersion,
  decideRegistry,
  evolveRegistry,
  initialRegistryState,
  openDraft,
  PROCEDURE_STREAM_TYPE,
  procedureStreamId,
  type ProcedureState,
  type RegistryCommand,
  type RegistryEvent,
} from './registry-decider';
import type { RequestContext } from './request-context';

export async function executeRegistryCommand<Result>(
  executor: CommandExecutor,
  code: string,
  command: RegistryCommand,
  context: RequestContext,
  result: (state: ProcedureState, events: readonly RegistryEvent[]) => Result,
): Promise<DeciderOutcome<Result>> {
  return executeDecider(executor, {
    streamId: procedureStreamId(code),
    streamType: PROCEDURE_STREAM_TYPE,
    command,
    context,
    now: command.metadata.now,
    initialState: initialRegistryState,
    evolve: evolveRegistry,
    decide: decideRegistry,
    result,
  });
}

export async function executeAgencyCommand<Result>(
  executor: CommandExecutor,
  code: string,
  command: AgencyCommand,
  context: RequestContext,
  now: Date,
  result: (state: AgencyState, events: readonly AgencyEvent[]) => Result,
): Promise<DeciderOutcome<Result>> {
  return executeDecider(executor, {
    streamId: agencyStreamId(code),
    streamType: AGENCY_STREAM_TYPE,
    command,
    context,
    now,
    initialState: initialAgencyState,
    evolve: evolveAgency,
    decide: decideAgency,
    result,
  });
}

export async function executeAdministrativeUnitCommand<Result>(
  executor: CommandExecutor,
  code: string,
  command: AdministrativeUnitCommand,
  context: RequestContext,
  now: Date,
  result: (state: AdministrativeUnitState, events: readonly AdministrativeUnitEvent[]) => Result,
): Promise<DeciderOutcome<Result>> {
  return executeDecider(executor, {
    streamId: administrativeUnitStreamId(code),
    streamType: ADMINISTRATIVE_UNIT_STREAM_TYPE,
    command,
    context,
    now,
    initialState: initialAdministrativeUnitState,
    evolve: evolveAdministrativeUnit,
    decide: decideAdministrativeUnit,
    result,
  });
}

// ---- Answers -------------------------------------------------------------------------------------------

/** A saved draft, with what validation says about it now (a draft may be invalid; publishing may not). */
export interface DraftSaved {
  readonly code: string;
  readonly revision: number;
  readonly valid: boolean;
  readonly errors: readonly LocatedIssue[];
  readonly warnings: readonly LocatedIssue[];
}

export function draftSaved(state: ProcedureState): DraftSaved {
  const draft = openDraft(state);
  if (draft === undefined || state.status === 'new' || state.status === 'retired') {
    throw new Error('a draft command left no open draft');
  }
  const check = checkDefinition(draft.document, draft.source);
  return {
    code: state.code,
    revision: draft.revision,
    valid: check.ok,
    errors: check.ok ? [] : check.errors,
    warnings: check.warnings,
  };
}

export interface VersionPublished {
  readonly code: string;
  readonly version: number;
  readonly contentHash: string;
  readonly publishedAt: string;
  readonly warnings: readonly ValidationIssue[];
  /** True when the content was already the current version, so nothing was published. */
  readonly alreadyPublished: boolean;
}

export function versionPublished(state: ProcedureState, events: readonly RegistryEvent[]): VersionPublished {
  const event = events.find((e) => e.type === 'ProcedurePublished');
  if (event?.type === 'ProcedurePublished') {
    const { code, version, contentHash, publishedAt, warnings } = event.data;
    return { code, version, contentHash, publishedAt, warnings, alreadyPublished: false };
  }
  const current = currentVersion(state);
  if (current === undefined || state.status === 'new') throw new Error('publication left no version');
  return {
    code: state.code,
    version: current.version,
    contentHash: current.contentHash,
    publishedAt: current.publishedAt,
    warnings: [],
    alreadyPublished: true,
  };
}

export interface ProcedureRetiredAnswer {
  readonly code: string;
  readonly version: number;
  readonly retiredAt: string;
  readonly reason: string | null;
}

export function procedureRetired(events: readonly RegistryEvent[]): ProcedureRetiredAnswer {
  const event = events.find((e) => e.type === 'ProcedureRetired');
  if (event?.type !== 'ProcedureRetired') throw new Error('retirement produced no event');
  return event.data;
}

/** An agency as its stream knows it (the answer of every agency command). */
export interface AgencySaved extends AgencyRecord {
  readonly status: 'active' | 'dissolved';
  readonly validTo: string | null;
  readonly successorCode: string | null;
  readonly endLegalBasis: string | null;
}

export function agencySaved(state: AgencyState): AgencySaved {
  if (state.status === 'unregistered') throw new Error('agency command left no agency');
  const end: RecordEnd | null = state.status === 'dissolved' ? state.end : null;
  return {
    ...state.agency,
    status: state.status,
    validTo: end?.validTo ?? null,
    successorCode: end?.successorCode ?? null,
    endLegalBasis: end?.legalBasis ?? null,
  };
}
