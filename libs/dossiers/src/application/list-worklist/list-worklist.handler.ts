import { HttpException, Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PROBLEM_TYPE_BASE } from '@tthc/platform';
import { localInstant, toLocalDate, addDays } from '../../domain/calendar';
import { formatLocalMinute, type ApplicantDetails } from '../../domain/dossier';
import { PersonalDataProtection } from '../../infrastructure/personal-data/personal-data-protection';
import { dossierStreamId } from '../dossier-stream';
import { presentApplicant, type ReadingActor } from '../personal-data';
import { DOSSIER_CLOCK, DOSSIER_CONTEXT_LOADER, type Clock, type DossierContextLoader } from '../ports';
import type { DossierSummary, WorklistPage } from '../views';
import { decodeCursor, encodeCursor } from '../worklist-cursor';
import { DUE_SOON_WORKING_DAYS, ListWorklistQuery, type WorklistFilters } from './list-worklist.query';

export interface DossierViewRow {
  id: string;
  code: string | null;
  procedure_code: string;
  procedure_version: number;
  agency_code: string;
  current_agency: string;
  current_step: string | null;
  channel: string;
  online_level: string;
  status: string;
  workflow_state: string;
  outcome: string | null;
  pause_kind: string | null;
  paused_since: Date | null;
  submitted_at: Date;
  received_at: Date | null;
  due_at: Date | null;
  appointment_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  timeliness: string | null;
  supplement_rounds: number;
  apologised: boolean;
  at_risk: boolean;
  rating: number | null;
  applicant: ApplicantDetails;
}

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

export function toSummary(row: DossierViewRow, actor: ReadingActor): DossierSummary {
  const { applicant, personalData } = presentApplicant(actor, row.agency_code, row.applicant);
  return {
    id: row.id,
    code: row.code,
    procedureCode: row.procedure_code,
    procedureVersion: row.procedure_version,
    agencyCode: row.agency_code,
    currentAgency: row.current_agency,
    currentStep: row.current_step,
    channel: row.channel,
    onlineLevel: row.online_level,
    status: row.status,
    workflowState: row.workflow_state,
    outcome: row.outcome,
    submittedAt: new Date(row.submitted_at).toISOString(),
    receivedAt: iso(row.received_at),
    dueAt: iso(row.due_at),
    appointmentAt: iso(row.appointment_at),
    appointmentLocal: row.appointment_at === null ? null : formatLocalMinute(new Date(row.appointment_at)),
    pauseKind: row.pause_kind,
    pausedSince: iso(row.paused_since),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    timeliness: row.timeliness,
    supplementRounds: row.supplement_rounds,
    apologised: row.apologised,
    atRisk: row.at_risk,
    rating: row.rating,
    applicant,
    personalData,
  };
}

function badCursor(): HttpException {
  return new HttpException(
    {
      type: PROBLEM_TYPE_BASE + 'validation-failed',
      title: 'Bad request',
      status: 400,
      detail: 'cursor must be the nextCursor of a previous page',
      errors: [{ path: '/cursor', message: 'must be the nextCursor of a previous page' }],
    },
    400,
  );
}

@QueryHandler(ListWorklistQuery)
export class ListWorklistHandler implements IQueryHandler<ListWorklistQuery> {
  constructor(
    @Inject(getDataSourceToken()) private readonly db: DataSource,
    @Inject(DOSSIER_CONTEXT_LOADER) private readonly contexts: DossierContextLoader,
    @Inject(DOSSIER_CLOCK) private readonly clock: Clock,
    @Inject(PersonalDataProtection) private readonly protection: PersonalDataProtection,
  ) {}

  async execute({ filters, actor }: ListWorklistQuery): Promise<WorklistPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const agency = param(filters.agency);
    where.push(`(agency_code = ${agency} OR current_agency = ${agency})`);
    if (filters.procedure !== undefined) where.push(`procedure_code = ${param(filters.procedure)}`);
    if (filters.step !== undefined) where.push(`current_step = ${param(filters.step)}`);
    if (filters.channel !== undefined) where.push(`channel = ${param(filters.channel)}`);
    where.push(...(await this.viewConditions(filters, param)));
    if (filters.cursor !== undefined) {
      const cursor = decodeCursor(filters.cursor);
      if (cursor === undefined) throw badCursor();
      const id = param(cursor.id);
      where.push(
        cursor.dueAt === null
          ? `(due_at IS NULL AND id > ${id})`
          : `(due_at IS NULL OR (due_at, id) > (${param(cursor.dueAt)}::timestamptz, ${id}))`,
      );
    }
    const limit = param(filters.limit + 1);
    const rows = (await this.db.query(
      `SELECT * FROM dossier_views WHERE ${where.join(' AND ')}
       ORDER BY due_at ASC NULLS LAST, id ASC LIMIT ${limit}`,
      params,
    )) as DossierViewRow[];
    const page = rows.slice(0, filters.limit);
    const last = page[page.length - 1];
    // The read model keeps the applicant sealed as in the events: opened here, then masked unless entitled.
    const applicants = await this.protection.revealApplicants(
      page.map((row) => ({ streamId: dossierStreamId(row.id), applicant: row.applicant })),
    );
    return {
      items: page.map((row, i) => toSummary({ ...row, applicant: applicants[i] ?? row.applicant }, actor)),
      nextCursor:
        rows.length > filters.limit && last !== undefined
          ? encodeCursor({ dueAt: iso(last.due_at), id: last.id })
          : null,
    };
  }

  /**
   * The views. "Overdue" and "due" count dossiers whose clock runs: a dossier waiting for the citizen's
   * supplement is not overdue (docs/domain/working-time.md), unless its clock stopped after the due instant
   * (an imported history): waiting hides no lateness (docs/domain/after-the-deadline.md). A resolved one is
   * done.
   */
  private async viewConditions(
    filters: WorklistFilters,
    param: (value: unknown) => string,
  ): Promise<string[]> {
    const now = this.clock();
    switch (filters.view) {
      case 'due-today': {
        const today = toLocalDate(now);
        return [
          `status = 'in-progress'`,
          `due_at >= ${param(localInstant(today, '00:00'))}`,
          `due_at < ${param(localInstant(addDays(today, 1), '00:00'))}`,
        ];
      }
      case 'due-soon': {
        const calendar = await this.contexts.calendarFor(filters.agency);
        const until =
          calendar.addWorkingTime(now, { unit: 'working-days', value: DUE_SOON_WORKING_DAYS }) ?? now;
        return [`status = 'in-progress'`, `due_at >= ${param(now)}`, `due_at <= ${param(until)}`];
      }
      case 'overdue':
        return [
          `(status = 'in-progress' OR (status = 'paused' AND paused_since > due_at))`,
          `due_at < ${param(now)}`,
        ];
      case 'waiting-for-citizen':
        return [
          `((status = 'paused' AND pause_kind = 'supplement') OR workflow_state = 'awaiting-completion')`,
        ];
      case 'at-risk':
        return [`at_risk`, `status IN ('in-progress', 'paused')`];
      case 'all':
        return [];
    }
  }
}
