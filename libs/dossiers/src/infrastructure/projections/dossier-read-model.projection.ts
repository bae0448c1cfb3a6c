// The dossiers' read models: `dossier_views` (one row per dossier, for worklists, codes and the citizen
// lookup) and `dossier_timeline` (one row per event with its label in Vietnamese and English). One
// projection owns both, so a dossier's row and its timeline always move together in one transaction.
//
// Built from event data only, never the clock: a rebuild from zero gives identical rows. Deadlines are read
// from the events, never recomputed. Streams of type `dossier` that were not written by the decider (test
// fixtures, foreign tools) are skipped rather than allowed to wedge the projection: a stream only gets rows
// once a well-formed DossierSubmitted opened it.
import type { QueryRunner } from 'typeorm';
import {
  columnList,
  recordsetOf,
  recordsetParameter,
  type Projection,
  type RecordedEvent,
} from '@tthc/event-store';
import type { ApplicantDetails, DossierEvent, DossierSubmitted } from '../../domain/dossier';
import { DOSSIER_STREAM_TYPE, dossierIdOf } from '../../application/dossier-stream';
import { maskName, verificationHashes } from '../../application/personal-data';
import { describeEvent } from '../../application/timeline-labels';
import { isSealedField } from '../personal-data/personal-data-protection';

/**
 * Values computed from the row's current ones, by name, each for its column: in SQL for the update of a
 * stored row, in TypeScript for a row still being built (a dossier opened in the same batch).
 */
const EXPRESSIONS = {
  /** evolve's activeStateOf: `examine.waiting-for-citizen` → `examine.active`. */
  'back-to-active': {
    column: 'workflow_state',
    sql: `regexp_replace(v.workflow_state, '\\.[^.]*$', '.active')`,
    of: (row: Readonly<Record<string, unknown>>) => String(row.workflow_state).replace(/\.[^.]*$/, '.active'),
  },
  'own-agency': {
    column: 'current_agency',
    sql: 'v.agency_code',
    of: (row: Readonly<Record<string, unknown>>) => row.agency_code,
  },
} as const;
type ExpressionName = keyof typeof EXPRESSIONS;

/** A column value, or a named expression over the row's current values. */
type Value = unknown | { readonly expression: ExpressionName };
const expression = (name: ExpressionName) => ({ expression: name });
const isExpression = (value: unknown): value is { expression: ExpressionName } =>
  typeof value === 'object' && value !== null && 'expression' in value && Object.keys(value).length === 1;

const BACK_TO_ACTIVE = expression('back-to-active');

function isWellFormedSubmission(data: unknown): data is DossierSubmitted['data'] {
  const d = data as Partial<DossierSubmitted['data']> | null;
  return (
    typeof d?.dossierId === 'string' &&
    typeof d.procedureCode === 'string' &&
    typeof d.procedureVersion === 'number' &&
    typeof d.agencyCode === 'string' &&
    typeof d.channel === 'string' &&
    typeof d.submittedAt === 'string' &&
    (isSealedField(d.applicant) ||
      (typeof d.applicant?.name === 'string' && typeof d.applicant.nationalId === 'string'))
  );
}

/**
 * The applicant columns. Sealed (personal-data-protection.ts): kept sealed, the lookup's keyed codes as the
 * verification hashes, and no name at all, since even a masked name would outlive an erasure. Clear (events
 * from before sealing): as they always were.
 */
function applicantColumns(id: string, applicant: unknown): [string, unknown, string[]] {
  if (isSealedField(applicant)) return ['***', applicant, [...(applicant.lookup ?? [])]];
  const clear = applicant as ApplicantDetails;
  return [maskName(clear.name), clear, verificationHashes(id, clear)];
}

export class DossierReadModelProjection implements Projection {
  readonly name = 'dossier-read-models';
  readonly streamTypes = [DOSSIER_STREAM_TYPE];
  readonly tables = ['dossier_views', 'dossier_timeline'];

  apply(recorded: RecordedEvent, runner: QueryRunner): Promise<void> {
    return this.applyBatch([recorded], runner);
  }

  /**
   * Per batch: one insert of the dossiers it opens, each row with the changes of its later events in the
   * batch already applied; one update of the other changed dossiers, each with the changes of all its
   * events folded in order; and one insert of every timeline row. Events of dossiers without a row (no
   * well-formed submission) change nothing: the update finds no row, and the timeline insert keeps only
   * rows whose dossier exists.
   */
  async applyBatch(events: readonly RecordedEvent[], runner: QueryRunner): Promise<void> {
    // Rows are built before PostgreSQL says which dossiers exist, so an event whose data a foreign writer
    // left without fields must not reach the row builders, which read its fields.
    const shown = events.filter((e) =>
      e.type === 'DossierSubmitted'
        ? isWellFormedSubmission(e.data)
        : typeof e.data === 'object' && e.data !== null,
    );
    const folded = new Map<string, FoldedChanges>();
    for (const recorded of shown) {
      if (recorded.type === 'DossierSubmitted') continue;
      const changes = this.changes({ type: recorded.type, data: recorded.data } as DossierEvent);
      if (changes === undefined) continue;
      const id = dossierIdOf(recorded.streamId);
      folded.set(id, foldChanges(folded.get(id), changes, recorded));
    }
    // A submission seen twice opens the row once, from the first.
    const opened = new Map<string, RecordedEvent>();
    for (const e of shown) {
      const id = dossierIdOf(e.streamId);
      if (e.type === 'DossierSubmitted' && !opened.has(id)) opened.set(id, e);
    }
    const inserting = insertStatement([...opened].map(([id, e]) => newViewRow(id, e, folded.get(id))));
    const inserted = inserting
      ? (runner.query(inserting.sql, inserting.parameters) as Promise<{ id: string }[]>)
      : undefined;
    inserted?.catch(() => undefined);
    // Let the insert reach PostgreSQL (TypeORM sends it after a few resolved awaits), then build the
    // timeline's rows while it runs.
    await new Promise((resolve) => setImmediate(resolve));
    const timeline = timelineStatement(shown);
    const stored = new Set((inserted ? await inserted : []).map((row) => row.id));
    // A dossier opened here whose row was already stored (a submission seen twice) takes its changes by update.
    const updated = new Map([...folded].filter(([id]) => !opened.has(id) || !stored.has(id)));
    const update = updateStatement(updated);
    if (update) await runner.query(update.sql, update.parameters);
    if (timeline) await runner.query(timeline.sql, timeline.parameters);
  }

  /** The columns an event changes (undefined: none), mirroring evolve. */
  private changes(event: DossierEvent): Record<string, Value> | undefined {
    switch (event.type) {
      case 'DossierSubmitted':
        return undefined;
      case 'CompletionRequested':
        return { workflow_state: 'awaiting-completion' };
      case 'DossierCompleted':
        return { workflow_state: 'resubmitted' };
      case 'ReceiptRefused':
        return {
          status: 'closed',
          workflow_state: 'refused-to-receive',
          outcome: 'refused-to-receive',
          closed_at: event.data.refusedAt,
        };
      case 'DossierReceived': {
        const d = event.data;
        return {
          status: 'in-progress',
          workflow_state: 'received',
          code: d.dossierCode,
          received_at: d.receivedAt,
          effective_received_at: d.effectiveReceivedAt,
          legal_regime: d.legalRegime,
          due_at: d.dueAt,
          statutory_due_at: d.statutoryDueAt,
          appointment_at: d.appointmentAt,
        };
      }
      case 'DossierTransferred':
        return {
          workflow_state: `${event.data.toStep}.active`,
          current_step: event.data.toStep,
          current_agency: event.data.toAgency,
          step_due_at: event.data.stepDueAt,
        };
      case 'DossierHandedOver':
        return {
          workflow_state: `${event.data.toStep}.active`,
          current_step: event.data.toStep,
          current_agency: event.data.toAgency,
          step_due_at: event.data.nextStepDueAt,
        };
      case 'SupplementRequested':
        return {
          status: 'paused',
          workflow_state: `${event.data.step}.waiting-for-citizen`,
          pause_kind: 'supplement',
          paused_since: event.data.requestedAt,
          supplement_rounds: event.data.round,
        };
      case 'ExcludedIntervalStarted':
        return {
          status: 'paused',
          workflow_state: `${event.data.step}.excluded-interval`,
          pause_kind: event.data.kind,
          paused_since: event.data.startedAt,
        };
      case 'SupplementProvided':
      case 'ExcludedIntervalEnded':
        return {
          status: 'in-progress',
          workflow_state: BACK_TO_ACTIVE,
          pause_kind: null,
          paused_since: null,
          due_at: event.data.dueAt,
          statutory_due_at: event.data.statutoryDueAt,
          appointment_at: event.data.appointmentAt,
          step_due_at: event.data.stepDueAt,
        };
      case 'DossierApproved':
        return {
          workflow_state: 'approved',
          current_step: null,
          current_agency: expression('own-agency'),
          step_due_at: null,
        };
      case 'ResolutionRefused':
        return {
          status: 'closed',
          workflow_state: 'refused',
          outcome: 'refused',
          closed_at: event.data.refusedAt,
        };
      case 'ResultIssued':
        return {
          status: 'resolved',
          workflow_state: 'result-ready',
          resolved_at: event.data.resolvedAt,
          timeliness: event.data.timeliness,
          statutory_timeliness: event.data.statutoryTimeliness,
        };
      case 'ResultReturned':
        return {
          status: 'closed',
          workflow_state: 'returned',
          outcome: 'returned',
          closed_at: event.data.returnedAt,
          return_method: event.data.method,
        };
      case 'DossierWithdrawn':
        return {
          status: 'closed',
          workflow_state: 'withdrawn',
          outcome: 'withdrawn',
          closed_at: event.data.withdrawnAt,
          pause_kind: null,
          paused_since: null,
        };
      case 'ApologyIssued':
        return { apologised: true };
      case 'AppointmentRescheduled':
        return { rescheduled: true, appointment_at: event.data.newAppointmentAt };
      case 'DossierRated':
        return { rating: event.data.score };
      case 'DossierAtRisk':
        return { at_risk: true };
      default:
        return undefined;
    }
  }
}

/** The columns events change, with their types (migration 1763780000510). */
const CHANGED_COLUMNS: Readonly<Record<string, string>> = {
  status: 'text',
  workflow_state: 'text',
  outcome: 'text',
  closed_at: 'timestamptz',
  code: 'text',
  received_at: 'timestamptz',
  effective_received_at: 'timestamptz',
  legal_regime: 'text',
  due_at: 'timestamptz',
  statutory_due_at: 'timestamptz',
  appointment_at: 'timestamptz',
  current_step: 'text',
  current_agency: 'text',
  step_due_at: 'timestamptz',
  pause_kind: 'text',
  paused_since: 'timestamptz',
  supplement_rounds: 'integer',
  resolved_at: 'timestamptz',
  timeliness: 'text',
  statutory_timeliness: 'text',
  return_method: 'text',
  apologised: 'boolean',
  rescheduled: 'boolean',
  rating: 'smallint',
  at_risk: 'boolean',
};

/** Every column of a dossier's row, as a new one is inserted. */
const VIEW_COLUMNS: Readonly<Record<string, string>> = {
  id: 'text',
  procedure_code: 'text',
  procedure_version: 'integer',
  agency_code: 'text',
  channel: 'text',
  online_level: 'text',
  online_service_level: 'text',
  submitted_at: 'timestamptz',
  applicant_name_masked: 'text',
  applicant: 'jsonb',
  verification_hashes: 'text[]',
  ...CHANGED_COLUMNS,
  updated_at: 'timestamptz',
  version: 'integer',
};

const TIMELINE_COLUMNS = {
  event_id: 'uuid',
  dossier_id: 'text',
  stream_version: 'integer',
  event_type: 'text',
  occurred_at: 'timestamptz',
  actor_id: 'text',
  actor_role: 'text',
  actor_agency: 'text',
  label_vi: 'text',
  label_en: 'text',
  details: 'jsonb',
};

interface Statement {
  readonly sql: string;
  readonly parameters: unknown[];
}

/** A new dossier's row as its submission opens it. */
function openedViewRow(id: string, recorded: RecordedEvent): Record<string, unknown> {
  const d = recorded.data as DossierSubmitted['data'];
  const [masked, applicant, hashes] = applicantColumns(id, d.applicant);
  return {
    id,
    procedure_code: d.procedureCode,
    procedure_version: d.procedureVersion,
    agency_code: d.agencyCode,
    current_agency: d.agencyCode,
    channel: d.channel,
    online_level: d.onlineLevel,
    online_service_level: String(d.onlineServiceLevel),
    status: 'submitted',
    workflow_state: 'submitted',
    submitted_at: d.submittedAt,
    supplement_rounds: 0,
    apologised: false,
    rescheduled: false,
    at_risk: false,
    applicant_name_masked: masked,
    applicant,
    verification_hashes: hashes,
    updated_at: recorded.occurredAt,
    version: recorded.streamVersion,
  };
}

/** The row of a dossier opened in this batch, with the changes of its later events in the batch. */
function newViewRow(id: string, recorded: RecordedEvent, changes: FoldedChanges | undefined) {
  const row = openedViewRow(id, recorded);
  if (changes === undefined) return row;
  for (const [column, value] of Object.entries(changes.columns)) {
    updatable(column);
    row[column] = isExpression(value) ? EXPRESSIONS[value.expression].of(row) : (value ?? null);
  }
  row.updated_at = changes.updatedAt;
  row.version = changes.version;
  return row;
}

function insertStatement(rows: readonly Record<string, unknown>[]): Statement | undefined {
  if (rows.length === 0) return undefined;
  return {
    sql: `INSERT INTO dossier_views (${columnList(VIEW_COLUMNS)})
      SELECT ${columnList(VIEW_COLUMNS, 'r')} FROM ${recordsetOf(VIEW_COLUMNS, 1)}
      ON CONFLICT (id) DO NOTHING
      RETURNING id`,
    parameters: [recordsetParameter(VIEW_COLUMNS, rows)],
  };
}

/** A column changes() sets but the statements do not list would be dropped without a word. */
function updatable(column: string): void {
  if (CHANGED_COLUMNS[column] === undefined) throw new Error(`dossier_views.${column} is not updatable`);
}

/**
 * One statement for every dossier given: each row names the columns it sets (`c`, literal values)
 * and those it computes from the row (`e`, expression names); the others keep their values.
 */
function updateStatement(folded: ReadonlyMap<string, FoldedChanges>): Statement | undefined {
  if (folded.size === 0) return undefined;
  const rows = [...folded].map(([id, f]) => {
    const c: Record<string, unknown> = {};
    const e: Record<string, ExpressionName> = {};
    for (const [column, value] of Object.entries(f.columns)) {
      updatable(column);
      if (isExpression(value)) e[column] = value.expression;
      else c[column] = value ?? null;
    }
    return { id, c, e, updated_at: f.updatedAt, version: f.version };
  });
  return { sql: UPDATE_VIEWS, parameters: [JSON.stringify(rows)] };
}

const UPDATE_VIEWS = (() => {
  const sets = Object.entries(CHANGED_COLUMNS).map(([column, type]) => {
    const computed = Object.entries(EXPRESSIONS)
      .filter(([, x]) => x.column === column)
      .map(([name, x]) => `WHEN r.e->>'${column}' = '${name}' THEN ${x.sql}`);
    return `${column} = CASE WHEN r.c ? '${column}' THEN (r.c->>'${column}')::${type} ${computed.join(' ')} ELSE v.${column} END`;
  });
  return `UPDATE dossier_views v SET ${sets.join(', ')}, updated_at = r.updated_at, version = r.version
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, c jsonb, e jsonb, updated_at timestamptz, version integer)
     WHERE v.id = r.id`;
})();

/** Every event's timeline row, kept only where its dossier has a row (opened by this batch or before). */
function timelineStatement(shown: readonly RecordedEvent[]): Statement | undefined {
  if (shown.length === 0) return undefined;
  const rows = shown.map((recorded) => {
    const { label, details } = describeEvent({ type: recorded.type, data: recorded.data } as DossierEvent);
    const actor = recorded.metadata.actor;
    return {
      event_id: recorded.eventId,
      dossier_id: dossierIdOf(recorded.streamId),
      stream_version: recorded.streamVersion,
      event_type: recorded.type,
      occurred_at: recorded.occurredAt,
      actor_id: actor?.id ?? null,
      actor_role: actor?.role ?? null,
      actor_agency: actor?.agency ?? null,
      label_vi: label.vi,
      label_en: label.en,
      details,
    };
  });
  return {
    sql: `INSERT INTO dossier_timeline (${columnList(TIMELINE_COLUMNS)})
      SELECT ${columnList(TIMELINE_COLUMNS, 'r')} FROM ${recordsetOf(TIMELINE_COLUMNS, 1)}
      WHERE EXISTS (SELECT 1 FROM dossier_views v WHERE v.id = r.dossier_id)
      ON CONFLICT (dossier_id, stream_version) DO NOTHING`,
    parameters: [recordsetParameter(TIMELINE_COLUMNS, rows)],
  };
}

/** The changes of a dossier's events in one batch, as one update: later events win, column by column. */
interface FoldedChanges {
  readonly columns: Record<string, Value>;
  readonly updatedAt: Date;
  readonly version: number;
}

function foldChanges(
  before: FoldedChanges | undefined,
  changes: Record<string, Value>,
  recorded: RecordedEvent,
): FoldedChanges {
  const columns = { ...before?.columns };
  for (const [column, value] of Object.entries(changes)) {
    const earlier = columns[column];
    // Back to active from a state set earlier in this batch: the row does not hold that state yet.
    columns[column] =
      value === BACK_TO_ACTIVE && typeof earlier === 'string'
        ? earlier.replace(/\.[^.]*$/, '.active')
        : value;
  }
  return { columns, updatedAt: recorded.occurredAt, version: recorded.streamVersion };
}
