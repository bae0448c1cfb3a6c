// The dossiers' read models: `dossier_views` (one row per dossier, for worklists, codes and the citizen
// lookup) and `dossier_timeline` (one row per event with its label in Vietnamese and English). One
// projection owns both, so a dossier's row and its timeline always move together in one transaction.
//
// Built from event data only, never the clock: a rebuild from zero gives identical rows. Deadlines are read
// from the events, never recomputed. Streams of type `dossier` that were not written by the decider (test
// fixtures, foreign tools) are skipped rather than allowed to wedge the projection: a stream only gets rows
// once a well-formed DossierSubmitted opened it.
import type { QueryRunner } from 'typeorm';
import type { Projection, RecordedEvent } from '@tthc/event-store';
import type { ApplicantDetails, DossierEvent, DossierSubmitted } from '../../domain/dossier';
import { DOSSIER_STREAM_TYPE, dossierIdOf } from '../../application/dossier-stream';
import { maskName, verificationHashes } from '../../application/personal-data';
import { describeEvent } from '../../application/timeline-labels';
import { isSealedField } from '../personal-data/personal-data-protection';

/** A column value, or a SQL expression over the row's current values. */
type Value = unknown | { readonly sql: string };
const sql = (expression: string) => ({ sql: expression });
const isSql = (value: unknown): value is { sql: string } =>
  typeof value === 'object' && value !== null && 'sql' in value && Object.keys(value).length === 1;

/** evolve's activeStateOf: `examine.waiting-for-citizen` → `examine.active`. */
const BACK_TO_ACTIVE = sql(`regexp_replace(workflow_state, '\\.[^.]*$', '.active')`);

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
function applicantColumns(id: string, applicant: unknown): [string, string, string[]] {
  if (isSealedField(applicant)) return ['***', JSON.stringify(applicant), [...(applicant.lookup ?? [])]];
  const clear = applicant as ApplicantDetails;
  return [maskName(clear.name), JSON.stringify(clear), verificationHashes(id, clear)];
}

export class DossierReadModelProjection implements Projection {
  readonly name = 'dossier-read-models';
  readonly streamTypes = [DOSSIER_STREAM_TYPE];
  readonly tables = ['dossier_views', 'dossier_timeline'];

  async apply(recorded: RecordedEvent, runner: QueryRunner): Promise<void> {
    const id = dossierIdOf(recorded.streamId);
    const event = { type: recorded.type, data: recorded.data } as DossierEvent;
    if (event.type === 'DossierSubmitted') {
      if (!isWellFormedSubmission(event.data)) return;
      await this.insert(id, event.data, recorded, runner);
    } else {
      const known = (await runner.query('SELECT 1 FROM dossier_views WHERE id = $1', [id])) as unknown[];
      if (known.length === 0) return;
      const changes = this.changes(event);
      if (changes === undefined) return;
      await this.update(id, changes, recorded, runner);
    }
    await this.timeline(id, event, recorded, runner);
  }

  private async insert(
    id: string,
    d: DossierSubmitted['data'],
    recorded: RecordedEvent,
    runner: QueryRunner,
  ): Promise<void> {
    await runner.query(
      `INSERT INTO dossier_views (id, procedure_code, procedure_version, agency_code, current_agency, channel,
         online_level, online_service_level, status, workflow_state, submitted_at, applicant_name_masked, applicant,
         verification_hashes, updated_at, version)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7, 'submitted', 'submitted', $8, $9, $10::jsonb, $11::text[], $12, $13)
       ON CONFLICT (id) DO NOTHING`,
      [
        id,
        d.procedureCode,
        d.procedureVersion,
        d.agencyCode,
        d.channel,
        d.onlineLevel,
        String(d.onlineServiceLevel),
        d.submittedAt,
        ...applicantColumns(id, d.applicant),
        recorded.occurredAt,
        recorded.streamVersion,
      ],
    );
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
          current_agency: sql('agency_code'),
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

  private async update(
    id: string,
    changes: Record<string, Value>,
    recorded: RecordedEvent,
    runner: QueryRunner,
  ): Promise<void> {
    const params: unknown[] = [id, recorded.occurredAt, recorded.streamVersion];
    const sets = Object.entries(changes).map(([column, value]) => {
      if (isSql(value)) return `${column} = ${value.sql}`;
      params.push(value ?? null);
      return `${column} = $${params.length}`;
    });
    await runner.query(
      `UPDATE dossier_views SET ${sets.join(', ')}, updated_at = $2, version = $3 WHERE id = $1`,
      params,
    );
  }

  private async timeline(
    id: string,
    event: DossierEvent,
    recorded: RecordedEvent,
    runner: QueryRunner,
  ): Promise<void> {
    const { label, details } = describeEvent(event);
    const actor = recorded.metadata.actor;
    await runner.query(
      `INSERT INTO dossier_timeline (event_id, dossier_id, stream_version, event_type, occurred_at, actor_id,
         actor_role, actor_agency, label_vi, label_en, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        recorded.eventId,
        id,
        recorded.streamVersion,
        recorded.type,
        recorded.occurredAt,
        actor?.id ?? null,
        actor?.role ?? null,
        actor?.agency ?? null,
        label.vi,
        label.en,
        JSON.stringify(details),
      ],
    );
  }
}
