// Reads one dossier for GET /v1/dossiers/{id}, /by-code/{code} and the citizen lookup: the dossier itself
// from its event stream (always current, and what the live clock needs), the timeline from the
// dossier_timeline read model (which may lag by a moment), personal data masked unless the reader may see it.
import { Inject, Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@tthc/event-store';
import { CalendarYearMissing, type WorkingDayCalendar } from '../domain/calendar';
import { provisionalCalendarField } from '../domain/dossier/deadlines';
import {
  dossierClock,
  formatLocalMinute,
  processingOf,
  type DossierState,
  type ExistingDossier,
} from '../domain/dossier';
import { PersonalDataProtection } from '../infrastructure/personal-data/personal-data-protection';
import { stateName } from './dossier-command-path';
import { dossierStreamId, foldDossier, toDossierEvents } from './dossier-stream';
import { DossierNotKnown } from './errors';
import { presentApplicant, type ReadingActor } from './personal-data';
import { DOSSIER_CLOCK, DOSSIER_CONTEXT_LOADER, type Clock, type DossierContextLoader } from './ports';
import type { DossierClockView, DossierDetails, TimelineItem } from './views';

interface TimelineRow {
  stream_version: number;
  event_type: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string | null;
  actor_agency: string | null;
  label_vi: string;
  label_en: string;
  details: Record<string, unknown>;
}

/** `actor`: as the actor may see it; `citizen`: the lookup, always masked, no form data, no actions. */
export type ReadMode = 'actor' | 'citizen';

/** Working days to 4 decimals (≈ 3 seconds of an 8-hour day), as events record them. */
const roundWorkingDaysForView = (value: number): number => Math.round(value * 10_000) / 10_000;

const iso = (date: Date | undefined): string | null => (date === undefined ? null : date.toISOString());

@Injectable()
export class DossierReader {
  constructor(
    @Inject(getDataSourceToken()) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(DOSSIER_CONTEXT_LOADER) private readonly contexts: DossierContextLoader,
    @Inject(DOSSIER_CLOCK) private readonly clock: Clock,
    @Inject(PersonalDataProtection) private readonly protection: PersonalDataProtection,
  ) {}

  /** The dossier id behind a code, from the dossier_views read model. */
  async idOfCode(code: string): Promise<string | undefined> {
    const rows = (await this.db.query('SELECT id FROM dossier_views WHERE code = $1', [code])) as {
      id: string;
    }[];
    return rows[0]?.id;
  }

  /** @throws DossierNotKnown */
  async read(dossierId: string, actor: ReadingActor, mode: ReadMode): Promise<DossierDetails> {
    const history = await this.protection.reveal(await this.store.readStream(dossierStreamId(dossierId)));
    const state = foldDossier(toDossierEvents(history));
    if (state.status === 'empty') throw new DossierNotKnown(dossierId);
    const { intake } = state;
    const context = await this.contexts.contextFor(
      intake.procedureCode,
      intake.procedureVersion,
      intake.agencyCode,
    );
    const now = this.clock();
    const processing = processingOf(state);
    const { applicant, personalData } =
      mode === 'citizen'
        ? presentApplicant({ id: 'citizen', role: 'citizen' }, intake.agencyCode, intake.applicant)
        : presentApplicant(actor, intake.agencyCode, intake.applicant);
    const closed = state.status === 'closed' ? state : undefined;
    const resolution =
      state.status === 'resolved' || state.status === 'closed' ? state.resolution : undefined;
    const paused = state.status === 'paused' ? state : undefined;
    return {
      id: intake.dossierId,
      code: processing?.code ?? null,
      procedureCode: intake.procedureCode,
      procedureVersion: intake.procedureVersion,
      procedureName: context.procedure.definition.name,
      agencyCode: intake.agencyCode,
      currentAgency: processing?.step?.agency ?? intake.agencyCode,
      currentStep: processing?.step?.step ?? null,
      channel: intake.channel,
      onlineLevel: intake.onlineLevel,
      status: state.status,
      workflowState: state.workflowState,
      workflowStateName: stateName(context, state.workflowState),
      outcome: closed?.outcome ?? null,
      submittedAt: intake.submittedAt.toISOString(),
      receivedAt: iso(processing?.receivedAt),
      effectiveReceivedAt: iso(processing?.effectiveReceivedAt),
      dueAt: iso(processing?.dueAt),
      statutoryDueAt: iso(processing?.statutoryDueAt),
      appointmentAt: iso(processing?.appointmentAt),
      appointmentLocal: processing ? formatLocalMinute(processing.appointmentAt) : null,
      stepDueAt: iso(processing?.step?.dueAt),
      legalRegime: processing?.legalRegime ?? null,
      pauseKind: paused?.pauseKind ?? null,
      pausedSince: iso(paused?.pausedSince),
      resolvedAt: iso(resolution?.resolvedAt),
      closedAt: iso(closed?.closedAt),
      timeliness: resolution?.timeliness ?? null,
      statutoryTimeliness: resolution?.statutoryTimeliness ?? null,
      returnMethod: closed?.returnMethod ?? null,
      supplementRounds: processing?.supplementRounds ?? 0,
      apologised: processing?.apologised ?? false,
      atRisk: processing?.atRisk ?? false,
      rating: closed?.rating ?? null,
      applicant,
      personalData,
      ...(personalData === 'full'
        ? {
            formData: intake.formData,
            attachments: intake.attachments,
            paymentReference: intake.paymentReference ?? null,
          }
        : {}),
      clock: liveClock(state, now, context.calendar),
      allowedActions:
        mode === 'citizen' ? [] : allowedFor(context.procedure.allowedActions, state, actor.role),
      timeline: await this.timeline(dossierId),
      version: history[history.length - 1]?.streamVersion ?? 0,
    };
  }

  private async timeline(dossierId: string): Promise<TimelineItem[]> {
    const rows = (await this.db.query(
      `SELECT stream_version, event_type, occurred_at, actor_id, actor_role, actor_agency, label_vi, label_en,
         details
       FROM dossier_timeline WHERE dossier_id = $1 ORDER BY stream_version`,
      [dossierId],
    )) as TimelineRow[];
    return rows.map((row) => {
      const occurredAt = new Date(row.occurred_at);
      return {
        version: row.stream_version,
        type: row.event_type,
        occurredAt: occurredAt.toISOString(),
        occurredLocal: formatLocalMinute(occurredAt),
        label: { vi: row.label_vi, en: row.label_en },
        actor:
          row.actor_id === null ? null : { id: row.actor_id, role: row.actor_role, agency: row.actor_agency },
        details: row.details,
      };
    });
  }
}

function allowedFor(
  allowedActions: (state: string, role: string, formData?: unknown) => readonly { event: string }[],
  state: ExistingDossier,
  role: string,
): string[] {
  return allowedActions(state.workflowState, role, state.intake.formData).map((action) => action.event);
}

/**
 * dossierClock at `now`, as JSON. A deadline in a year with no official calendar makes the clock
 * `unavailable` instead of failing the whole read.
 */
export function liveClock(state: DossierState, now: Date, calendar: WorkingDayCalendar): DossierClockView {
  const asOf = now.toISOString();
  // The years between now and a deadline that have no confirmed official calendar (a swap decided later may
  // still move a day).
  const provisional = (deadline: Date) => provisionalCalendarField(calendar, now, deadline);
  try {
    const clock = dossierClock(state, now, calendar);
    switch (clock.clock) {
      case 'not-started':
        return { clock: 'not-started', asOf };
      case 'running':
        return {
          clock: 'running',
          asOf,
          dueAt: clock.dueAt.toISOString(),
          statutoryDueAt: clock.statutoryDueAt.toISOString(),
          appointmentAt: clock.appointmentAt.toISOString(),
          workingDaysLeft: roundWorkingDaysForView(clock.workingDaysLeft),
          overdue: clock.overdue,
          ...provisionalCalendarField(calendar, now, clock.dueAt, clock.statutoryDueAt),
        };
      case 'paused':
        return {
          clock: 'paused',
          asOf,
          pausedSince: clock.pausedSince.toISOString(),
          pauseKind: clock.pauseKind,
          dueAt: clock.dueAt.toISOString(),
          appointmentAt: clock.appointmentAt.toISOString(),
          workingDaysLeft:
            clock.workingDaysLeft === null ? null : roundWorkingDaysForView(clock.workingDaysLeft),
          overdue: clock.overdue,
          ...provisional(clock.dueAt),
        };
      case 'stopped':
        return {
          clock: 'stopped',
          asOf,
          stoppedAt: clock.stoppedAt.toISOString(),
          dueAt: clock.dueAt.toISOString(),
          appointmentAt: clock.appointmentAt.toISOString(),
          workingDaysLeft: roundWorkingDaysForView(clock.workingDaysLeft),
        };
    }
  } catch (error) {
    if (error instanceof CalendarYearMissing) {
      return { clock: 'unavailable', asOf, problem: 'calendar-year-missing', year: error.year };
    }
    throw error;
  }
}
