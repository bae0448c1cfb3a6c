// Given-side helper of the unit tests: a dossier's history as the decider would have recorded it, with only
// the figures a test states (the rest of each event's data is filled with plausible constants).
import type { DossierEvent } from '../dossier-event-types';
import { evolveFacts, type DossierFacts } from '../dossier-facts';

type Channel = 'counter' | 'post' | 'online';

/** Local time in Vietnam → ISO instant: `t('2025-03-10 08:00')`. */
export const t = (local: string): string => new Date(`${local.replace(' ', 'T')}:00+07:00`).toISOString();

export interface HistoryOptions {
  readonly channel?: Channel;
  readonly onlineLevel?: 'full' | 'partial' | 'none';
  readonly procedure?: string;
  readonly version?: number;
  readonly agency?: string;
  readonly payment?: boolean;
  /** The unit code of the applicant's commune, as a submission may give it. */
  readonly locality?: string;
}

const event = (type: string, data: Record<string, unknown>) => ({ type, data }) as unknown as DossierEvent;

export class DossierHistory {
  readonly events: DossierEvent[] = [];

  constructor(
    readonly id: string,
    submittedAt: string,
    options: HistoryOptions = {},
  ) {
    const channel = options.channel ?? 'counter';
    this.events.push(
      event('DossierSubmitted', {
        dossierId: id,
        procedureCode: options.procedure ?? '1.004873',
        procedureVersion: options.version ?? 1,
        agencyCode: options.agency ?? '000.31.18.H56',
        channel,
        onlineServiceLevel: options.onlineLevel === 'full' ? 'full' : 'partial',
        onlineLevel: options.onlineLevel ?? (channel === 'online' ? 'partial' : 'none'),
        applicant: { name: 'Nguyễn Văn A', nationalId: '056090000001' },
        formData: {},
        attachments: [],
        ...(options.payment ? { paymentReference: 'PAY-1' } : {}),
        ...(options.locality === undefined ? {} : { applicantLocality: options.locality }),
        submittedAt: t(submittedAt),
      }),
    );
  }

  received(at: string, dueAt: string, committed = 1, statutory = 3): this {
    this.events.push(
      event('DossierReceived', {
        dossierCode: `000.31.18.H56-250101-0001`,
        receivedAt: t(at),
        acceptedAt: t(at),
        effectiveReceivedAt: t(at),
        legalRegime: 'decree-61-2018',
        committedDuration: { unit: 'working-days', value: committed },
        statutoryDuration: { unit: 'working-days', value: statutory },
        deadlineMode: 'WORKING_HOURS',
        receiptCutoff: '15:00',
        supplementPolicy: 'PAUSE',
        dueAt: t(dueAt),
        statutoryDueAt: t(dueAt),
        appointmentAt: t(dueAt),
        receivingOfficer: { id: 'officer' },
      }),
    );
    return this;
  }

  refusedAtReceipt(at: string): this {
    this.events.push(event('ReceiptRefused', { refusedAt: t(at), reason: 'incomplete' }));
    return this;
  }

  handedOver(at: string, fromAgency: string, workingDaysUsed: number): this {
    this.events.push(
      event('DossierHandedOver', { handedOverAt: t(at), fromAgency, toAgency: fromAgency, workingDaysUsed }),
    );
    return this;
  }

  supplementRequested(at: string, round = 1): this {
    this.events.push(event('SupplementRequested', { requestedAt: t(at), step: 'examine', round }));
    return this;
  }

  supplementProvided(
    at: string,
    dueAt: string,
    pausedWorkingDays: number,
    channel: Channel = 'counter',
  ): this {
    this.events.push(
      event('SupplementProvided', {
        providedAt: t(at),
        resumedAt: t(at),
        channel,
        addedAttachments: [],
        policy: 'PAUSE',
        pausedWorkingDays,
        dueAt: t(dueAt),
        statutoryDueAt: t(dueAt),
        appointmentAt: t(dueAt),
        stepDueAt: t(dueAt),
      }),
    );
    return this;
  }

  excludedInterval(kind: string, from: string, to: string, dueAt: string, pausedWorkingDays: number): this {
    this.events.push(event('ExcludedIntervalStarted', { kind, startedAt: t(from), step: 'examine' }));
    this.events.push(
      event('ExcludedIntervalEnded', {
        kind,
        endedAt: t(to),
        pausedWorkingDays,
        dueAt: t(dueAt),
        statutoryDueAt: t(dueAt),
        appointmentAt: t(dueAt),
        stepDueAt: t(dueAt),
      }),
    );
    return this;
  }

  approved(at: string, stepWorkingDaysUsed: number): this {
    this.events.push(event('DossierApproved', { approvedAt: t(at), step: 'sign', stepWorkingDaysUsed }));
    return this;
  }

  resolved(
    at: string,
    dueAt: string,
    figures: {
      workingDaysUsed: number;
      beforeStatutoryDue: number;
      electronic?: boolean;
      apologised?: boolean;
    },
  ): this {
    this.events.push(
      event('ResultIssued', {
        resolvedAt: t(at),
        electronic: figures.electronic ?? false,
        dueAt: t(dueAt),
        statutoryDueAt: t(dueAt),
        appointmentAt: t(dueAt),
        granularity: 'day',
        timeliness: 'on-time',
        statutoryTimeliness: 'on-time',
        workingDaysUsed: figures.workingDaysUsed,
        workingDaysBeforeDue: 0,
        workingDaysBeforeStatutoryDue: figures.beforeStatutoryDue,
        apologised: figures.apologised ?? false,
      }),
    );
    return this;
  }

  returned(at: string, method: Channel): this {
    this.events.push(event('ResultReturned', { returnedAt: t(at), method }));
    return this;
  }

  refused(at: string): this {
    this.events.push(
      event('ResolutionRefused', { refusedAt: t(at), step: 'examine', reason: 'not eligible' }),
    );
    return this;
  }

  withdrawn(at: string): this {
    this.events.push(
      event('DossierWithdrawn', { withdrawnAt: t(at), reason: 'no longer needed', fromState: 'x' }),
    );
    return this;
  }

  apologised(at: string): this {
    this.events.push(
      event('ApologyIssued', {
        issuedAt: t(at),
        reason: 'late',
        agencyCode: 'x',
        originalDueAt: t(at),
        workingDaysLeft: 1,
      }),
    );
    return this;
  }

  atRisk(at: string): this {
    this.events.push(event('DossierAtRisk', { flaggedAt: t(at) }));
    return this;
  }

  rated(at: string, score: number): this {
    this.events.push(event('DossierRated', { ratedAt: t(at), score }));
    return this;
  }

  facts(): DossierFacts {
    const folded = this.events.reduce<DossierFacts | undefined>(evolveFacts, undefined);
    if (folded === undefined) throw new Error('no DossierSubmitted');
    return folded;
  }
}

export const dossier = (id: string, submittedAt: string, options: HistoryOptions = {}) =>
  new DossierHistory(id, submittedAt, options);
