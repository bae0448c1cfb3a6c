/**
 * The procedure registry as a pure decider over one stream per procedure (`procedure-<code>`):
 * `decideRegistry(command, state) → events` and `evolveRegistry(state, event) → state`, with
 * `initialRegistryState()`. No framework and no clock: time and the actor arrive in the command's metadata.
 *
 * Guarantees:
 * - a draft is a working copy: it is stored even when it does not validate yet, and can be edited freely;
 * - publishing validates and reports every error at once; it freezes the normalised definition in a
 *   `ProcedurePublished` event with the next version number (1, 2, …). A published version never changes:
 *   no event modifies an earlier one, and `evolveRegistry` refuses a stream whose numbers are not consecutive;
 * - a retired procedure accepts no further command (the dossier side refuses new dossiers for it).
 */
import { validateDefinitionText, type LocatedIssue } from '../domain/definition-text';
import type { ProcedureDefinition } from '../domain/definition';
import { parseDefinitionText, type DefinitionFormat } from '../domain/parse';
import { PROCEDURE_DEFINITION_SCHEMA } from '../domain/procedure-definition-schema';
import { validateDefinition } from '../domain/validate';
import type { ValidationIssue } from '../domain/validation-issue';
import { assertCanManageProcedure, type RegistryActor } from './authorization';
import { canonicalJson, contentHash } from './content-hash';
import {
  InvalidProcedureDefinition,
  ProcedureNotFound,
  ProcedureStateConflict,
  type RegistryAction,
} from './errors';

export const PROCEDURE_STREAM_TYPE = 'procedure';
export const procedureStreamId = (code: string): string => `procedure-${code}`;

/** The text an agency wrote, kept with the draft so that errors can point at lines and comments survive. */
export interface DefinitionSource {
  readonly format: DefinitionFormat;
  readonly text: string;
}

export interface CommandMetadata {
  readonly now: Date;
  readonly actor: RegistryActor;
}

// ---- Commands ------------------------------------------------------------------------------------------

export interface DraftProcedure {
  readonly type: 'DraftProcedure';
  readonly data: { readonly document: unknown; readonly source?: DefinitionSource };
  readonly metadata: CommandMetadata;
}

export interface UpdateProcedureDraft {
  readonly type: 'UpdateProcedureDraft';
  readonly data: {
    readonly code: string;
    readonly document: unknown;
    readonly source?: DefinitionSource;
    /** Optimistic check for editors: the draft revision the edit was based on. */
    readonly expectedRevision?: number;
  };
  readonly metadata: CommandMetadata;
}

export interface PublishProcedure {
  readonly type: 'PublishProcedure';
  readonly data: { readonly code: string; readonly expectedRevision?: number };
  readonly metadata: CommandMetadata;
}

/**
 * Publish a complete definition without a draft (sample loading, imports from another registry). Publishing
 * the content of the current version again changes nothing.
 */
export interface PublishDefinition {
  readonly type: 'PublishDefinition';
  readonly data: { readonly document: unknown; readonly source?: DefinitionSource };
  readonly metadata: CommandMetadata;
}

export interface RetireProcedure {
  readonly type: 'RetireProcedure';
  readonly data: { readonly code: string; readonly reason?: string };
  readonly metadata: CommandMetadata;
}

export type RegistryCommand =
  DraftProcedure | UpdateProcedureDraft | PublishProcedure | PublishDefinition | RetireProcedure;

// ---- Events --------------------------------------------------------------------------------------------

export interface ProcedureDrafted {
  readonly type: 'ProcedureDrafted';
  readonly data: {
    readonly code: string;
    /** Draft revisions count across the procedure's life: a draft for version 2 continues the numbering. */
    readonly revision: number;
    /** The full document as authored (not normalised). */
    readonly document: unknown;
    readonly source: DefinitionSource | null;
  };
}

export interface ProcedureDraftUpdated {
  readonly type: 'ProcedureDraftUpdated';
  readonly data: ProcedureDrafted['data'];
}

export interface ProcedurePublished {
  readonly type: 'ProcedurePublished';
  readonly data: {
    readonly code: string;
    readonly version: number;
    /** Normalised: every default written out, so the version keeps its meaning if a default changes. */
    readonly definition: ProcedureDefinition;
    readonly contentHash: string;
    readonly publishedAt: string;
    /** The draft revision published, or null for a direct publication (samples, imports). */
    readonly draftRevision: number | null;
    readonly warnings: readonly ValidationIssue[];
  };
}

export interface ProcedureRetired {
  readonly type: 'ProcedureRetired';
  readonly data: {
    readonly code: string;
    /** The last published version, the one that stops accepting dossiers. */
    readonly version: number;
    readonly retiredAt: string;
    readonly reason: string | null;
  };
}

export type RegistryEvent = ProcedureDrafted | ProcedureDraftUpdated | ProcedurePublished | ProcedureRetired;
export const REGISTRY_EVENT_TYPES: readonly RegistryEvent['type'][] = [
  'ProcedureDrafted',
  'ProcedureDraftUpdated',
  'ProcedurePublished',
  'ProcedureRetired',
];

// ---- State ---------------------------------------------------------------------------------------------

export interface OpenDraft {
  readonly revision: number;
  readonly document: unknown;
  readonly source: DefinitionSource | null;
}

export interface PublishedVersionSummary {
  readonly version: number;
  readonly contentHash: string;
  readonly publishedAt: string;
  readonly agencyCode: string;
}

export type ProcedureState =
  | { readonly status: 'new' }
  | {
      /** Drafted, never published. */
      readonly status: 'draft';
      readonly code: string;
      readonly lastRevision: number;
      readonly draft: OpenDraft;
    }
  | {
      /** At least one version published; maybe a draft of the next one open. */
      readonly status: 'published';
      readonly code: string;
      readonly lastRevision: number;
      readonly versions: readonly PublishedVersionSummary[];
      readonly draft: OpenDraft | null;
    }
  | {
      readonly status: 'retired';
      readonly code: string;
      readonly lastRevision: number;
      readonly versions: readonly PublishedVersionSummary[];
      readonly retiredAt: string;
    };

export const initialRegistryState = (): ProcedureState => ({ status: 'new' });

export function allowedActions(state: ProcedureState): RegistryAction[] {
  switch (state.status) {
    case 'new':
      return ['draft'];
    case 'draft':
      return ['update-draft', 'publish'];
    case 'published':
      return state.draft ? ['update-draft', 'publish', 'retire'] : ['draft', 'retire'];
    case 'retired':
      return [];
  }
}

export function currentVersion(state: ProcedureState): PublishedVersionSummary | undefined {
  return state.status === 'published' || state.status === 'retired'
    ? state.versions[state.versions.length - 1]
    : undefined;
}

export function openDraft(state: ProcedureState): OpenDraft | undefined {
  if (state.status === 'draft') return state.draft;
  if (state.status === 'published') return state.draft ?? undefined;
  return undefined;
}

// ---- Reading definitions -------------------------------------------------------------------------------

const CODE_PATTERN = new RegExp(
  String((PROCEDURE_DEFINITION_SCHEMA.properties as { code: { pattern: string } }).code.pattern),
);

function member(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The procedure code a document declares, when it is a well-formed one. */
export function procedureCodeOf(document: unknown): string | undefined {
  const code = member(document, 'code');
  return typeof code === 'string' && CODE_PATTERN.test(code) ? code : undefined;
}

/** The electronic code of the agency a document names, if it names one as text. */
export function agencyCodeOf(document: unknown): string | undefined {
  const code = member(member(document, 'agency'), 'code');
  return typeof code === 'string' ? code : undefined;
}

export type DefinitionCheck =
  | {
      readonly ok: true;
      readonly definition: ProcedureDefinition;
      readonly warnings: readonly LocatedIssue[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly LocatedIssue[];
      readonly warnings: readonly LocatedIssue[];
    };

/** Validates a document; from its source text when there is one, so that every issue has a line and column. */
export function checkDefinition(document: unknown, source?: DefinitionSource | null): DefinitionCheck {
  if (source) {
    const result = validateDefinitionText(source.text, source.format);
    return result.ok
      ? { ok: true, definition: result.definition, warnings: result.warnings }
      : { ok: false, errors: result.errors, warnings: result.warnings };
  }
  return validateDefinition(document);
}

/**
 * Text in (YAML or JSON), document out. A syntax error leaves nothing to validate: it is reported at once.
 * @throws InvalidProcedureDefinition listing the syntax errors with line and column
 */
export function readDefinitionText(
  text: string,
  format?: DefinitionFormat,
): { document: unknown; source: DefinitionSource } {
  const parsed = parseDefinitionText(text, format);
  if (!parsed.ok) {
    throw new InvalidProcedureDefinition(
      parsed.errors.map((e) => ({ code: 'syntax', severity: 'error', path: '', ...e })),
    );
  }
  return { document: parsed.value, source: { format: parsed.format, text } };
}

/** The code of a document that is about to open a stream; a document without one cannot be stored. */
export function requireProcedureCode(document: unknown, source?: DefinitionSource | null): string {
  const code = procedureCodeOf(document);
  if (code !== undefined) return code;
  // Every error, the ones about the code first: the author fixes the document in one round.
  const check = checkDefinition(document, source);
  const all = check.ok ? [] : check.errors;
  const aboutCode = (e: LocatedIssue) => e.path === '/code' || e.path === '';
  const errors = [...all.filter(aboutCode), ...all.filter((e) => !aboutCode(e))];
  throw new InvalidProcedureDefinition(
    errors.some(aboutCode)
      ? errors
      : [
          {
            code: 'schema',
            severity: 'error',
            path: '/code',
            message: 'The definition needs a procedure code (e.g. "1.004873") before it can be stored.',
            messageVi: 'Định nghĩa cần có mã thủ tục (ví dụ "1.004873") trước khi được lưu.',
          },
          ...errors,
        ],
    check.warnings,
  );
}

// ---- decide --------------------------------------------------------------------------------------------

function conflict(
  state: ProcedureState,
  code: string,
  reason: string,
  message: string,
  messageVi: string,
): ProcedureStateConflict {
  return new ProcedureStateConflict(reason, code, state.status, allowedActions(state), message, messageVi);
}

function requireExisting(state: ProcedureState, code: string): Exclude<ProcedureState, { status: 'new' }> {
  if (state.status === 'new') throw new ProcedureNotFound(code);
  return state;
}

function refuseRetired(state: ProcedureState, code: string): void {
  if (state.status === 'retired') {
    throw conflict(
      state,
      code,
      'procedure-retired',
      `Procedure ${code} was retired on ${state.retiredAt}; it accepts no further changes. Publish a new procedure code instead.`,
      `Thủ tục ${code} đã bãi bỏ từ ${state.retiredAt}; không thể thay đổi nữa. Hãy công bố thủ tục với mã mới.`,
    );
  }
}

function checkRevision(state: ProcedureState, code: string, draft: OpenDraft, expected?: number): void {
  if (expected !== undefined && expected !== draft.revision) {
    throw conflict(
      state,
      code,
      'stale-draft-revision',
      `The draft of ${code} is at revision ${draft.revision}, not ${expected}: someone else changed it. Reload it and apply your change again.`,
      `Bản nháp của ${code} đang ở phiên bản sửa ${draft.revision}, không phải ${expected}: người khác đã sửa. Hãy tải lại rồi sửa lại.`,
    );
  }
}

function frozen(
  code: string,
  check: DefinitionCheck,
  now: Date,
  version: number,
  draftRevision: number | null,
): ProcedurePublished {
  if (!check.ok) throw new InvalidProcedureDefinition(check.errors, check.warnings);
  if (check.definition.code !== code) {
    throw new InvalidProcedureDefinition([codeMismatch(code, check.definition.code)], check.warnings);
  }
  return {
    type: 'ProcedurePublished',
    data: {
      code,
      version,
      definition: check.definition,
      contentHash: contentHash(check.definition),
      publishedAt: now.toISOString(),
      draftRevision,
      // Plain issues: line and column belong to a draft's text, not to the frozen definition.
      warnings: check.warnings.map(({ code: c, severity, path, message, messageVi }) => ({
        code: c,
        severity,
        path,
        message,
        messageVi,
      })),
    },
  };
}

function codeMismatch(expected: string, actual: unknown): LocatedIssue {
  return {
    code: 'schema',
    severity: 'error',
    path: '/code',
    message: `The definition's code ${JSON.stringify(actual)} differs from the procedure being edited (${expected}); a draft cannot change its procedure code.`,
    messageVi: `Mã ${JSON.stringify(actual)} trong định nghĩa khác với thủ tục đang sửa (${expected}); bản nháp không được đổi mã thủ tục.`,
  };
}

/** @throws the registry's typed errors (404, 409, 422, 403); never returns a partial result. */
export function decideRegistry(command: RegistryCommand, state: ProcedureState): RegistryEvent[] {
  const { actor, now } = command.metadata;
  switch (command.type) {
    case 'DraftProcedure': {
      const { document, source } = command.data;
      const code = requireProcedureCode(document, source);
      refuseRetired(state, code);
      const existing = openDraft(state);
      if (existing !== undefined) {
        throw conflict(
          state,
          code,
          'draft-exists',
          `Procedure ${code} already has an open draft (revision ${existing?.revision}); change it with PUT /v1/procedures/drafts/${code}.`,
          `Thủ tục ${code} đã có bản nháp đang mở (phiên bản sửa ${existing?.revision}); hãy sửa bằng PUT /v1/procedures/drafts/${code}.`,
        );
      }
      assertCanManageProcedure(actor, [agencyCodeOf(document), currentVersion(state)?.agencyCode]);
      const revision = state.status === 'new' ? 1 : state.lastRevision + 1;
      return [{ type: 'ProcedureDrafted', data: { code, revision, document, source: source ?? null } }];
    }

    case 'UpdateProcedureDraft': {
      const { code, document, source, expectedRevision } = command.data;
      const existing = requireExisting(state, code);
      refuseRetired(existing, code);
      const draft = openDraft(existing);
      if (draft === undefined) {
        throw conflict(
          existing,
          code,
          'no-open-draft',
          `Procedure ${code} has no open draft; start one with POST /v1/procedures/drafts.`,
          `Thủ tục ${code} không có bản nháp đang mở; hãy tạo bằng POST /v1/procedures/drafts.`,
        );
      }
      checkRevision(existing, code, draft, expectedRevision);
      const documentCode = member(document, 'code');
      if (documentCode !== code) throw new InvalidProcedureDefinition([codeMismatch(code, documentCode)]);
      assertCanManageProcedure(actor, [
        agencyCodeOf(draft.document),
        agencyCodeOf(document),
        currentVersion(existing)?.agencyCode,
      ]);
      const unchanged =
        canonicalJson(document) === canonicalJson(draft.document) &&
        (source?.text ?? null) === (draft.source?.text ?? null);
      if (unchanged) return [];
      return [
        {
          type: 'ProcedureDraftUpdated',
          data: { code, revision: existing.lastRevision + 1, document, source: source ?? null },
        },
      ];
    }

    case 'PublishProcedure': {
      const { code, expectedRevision } = command.data;
      const existing = requireExisting(state, code);
      refuseRetired(existing, code);
      const draft = openDraft(existing);
      if (draft === undefined) {
        throw conflict(
          existing,
          code,
          'no-open-draft',
          `Procedure ${code} has no open draft to publish; published versions never change, so start a draft of the next version with POST /v1/procedures/drafts.`,
          `Thủ tục ${code} không có bản nháp để công bố; phiên bản đã công bố không thay đổi, hãy tạo bản nháp cho phiên bản sau bằng POST /v1/procedures/drafts.`,
        );
      }
      checkRevision(existing, code, draft, expectedRevision);
      assertCanManageProcedure(actor, [agencyCodeOf(draft.document), currentVersion(existing)?.agencyCode]);
      const versions = existing.status === 'published' ? existing.versions.length : 0;
      return [frozen(code, checkDefinition(draft.document, draft.source), now, versions + 1, draft.revision)];
    }

    case 'PublishDefinition': {
      const { document, source } = command.data;
      const code = requireProcedureCode(document, source);
      refuseRetired(state, code);
      if (openDraft(state) !== undefined) {
        throw conflict(
          state,
          code,
          'draft-exists',
          `Procedure ${code} has an open draft; publish or change the draft instead of publishing over it.`,
          `Thủ tục ${code} đang có bản nháp; hãy công bố hoặc sửa bản nháp thay vì công bố đè lên.`,
        );
      }
      const current = currentVersion(state);
      assertCanManageProcedure(actor, [agencyCodeOf(document), current?.agencyCode]);
      const event = frozen(code, checkDefinition(document, source), now, (current?.version ?? 0) + 1, null);
      return current?.contentHash === event.data.contentHash ? [] : [event];
    }

    case 'RetireProcedure': {
      const { code, reason } = command.data;
      const existing = requireExisting(state, code);
      refuseRetired(existing, code);
      const current = currentVersion(existing);
      if (current === undefined) {
        throw conflict(
          existing,
          code,
          'not-published',
          `Procedure ${code} was never published, so there is nothing to retire.`,
          `Thủ tục ${code} chưa được công bố nên không có gì để bãi bỏ.`,
        );
      }
      assertCanManageProcedure(actor, [current.agencyCode]);
      return [
        {
          type: 'ProcedureRetired',
          data: { code, version: current.version, retiredAt: now.toISOString(), reason: reason ?? null },
        },
      ];
    }
  }
}

// ---- evolve --------------------------------------------------------------------------------------------

export function evolveRegistry(state: ProcedureState, event: RegistryEvent): ProcedureState {
  switch (event.type) {
    case 'ProcedureDrafted':
    case 'ProcedureDraftUpdated': {
      const draft: OpenDraft = {
        revision: event.data.revision,
        document: event.data.document,
        source: event.data.source,
      };
      if (state.status === 'published') return { ...state, lastRevision: draft.revision, draft };
      return { status: 'draft', code: event.data.code, lastRevision: draft.revision, draft };
    }
    case 'ProcedurePublished': {
      const versions = state.status === 'published' ? state.versions : [];
      if (event.data.version !== versions.length + 1) {
        throw new Error(
          `Stream of procedure ${event.data.code} is corrupt: version ${event.data.version} follows ${versions.length}`,
        );
      }
      const summary: PublishedVersionSummary = {
        version: event.data.version,
        contentHash: event.data.contentHash,
        publishedAt: event.data.publishedAt,
        agencyCode: event.data.definition.agency.code,
      };
      return {
        status: 'published',
        code: event.data.code,
        lastRevision: state.status === 'new' ? 0 : state.lastRevision,
        versions: [...versions, summary],
        draft: null,
      };
    }
    case 'ProcedureRetired': {
      if (state.status !== 'published') return state;
      return {
        status: 'retired',
        code: state.code,
        lastRevision: state.lastRevision,
        versions: state.versions,
        retiredAt: event.data.retiredAt,
      };
    }
  }
}

export function foldRegistry(events: readonly RegistryEvent[]): ProcedureState {
  return events.reduce(evolveRegistry, initialRegistryState());
}
