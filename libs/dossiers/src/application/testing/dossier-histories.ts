/**
 * Whole dossier histories from the real decider and sample procedures, for the read side's tests: every
 * event type occurs at least once (see ALL_EVENT_TYPES_COVERED in the timeline test).
 */
import { play } from '../../domain/dossier/testing/dossier-spec';
import {
  BIRTH_HEALTH_INSURANCE,
  commands as c,
  contextFor,
  counter,
  MARITAL_STATUS,
  sampleProcedure,
  specialist,
} from '../../domain/dossier/testing/fixtures';
import type { DossierEvent } from '../../domain/dossier';

export interface History {
  readonly dossierId: string;
  readonly procedureCode: string;
  readonly events: readonly DossierEvent[];
}

export function sampleHistories(): History[] {
  const marital = sampleProcedure(MARITAL_STATUS);
  const lienThong = sampleProcedure(BIRTH_HEALTH_INSURANCE);
  const context = contextFor(marital);
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const submit = (n: number, now: string, procedure = marital) =>
    c.submit(procedure, now, {
      dossierId: id(n),
      channel: 'online',
      actor: { id: 'portal', role: 'integration' },
    });
  return [
    {
      // Guided once (form 02), completed, received, through both steps, returned online and rated.
      dossierId: id(1),
      procedureCode: MARITAL_STATUS,
      events: play(context, [
        submit(1, '2026-03-09 16:50'),
        c.requestCompletion('2026-03-10 08:00'),
        c.complete('2026-03-10 08:30'),
        c.receive('2026-03-10 09:00', '000.31.18.H56-260310-0001'),
        c.transfer('2026-03-10 09:05'),
        c.handOver('2026-03-10 10:00', 'SUBMIT_FOR_SIGNATURE', specialist),
        c.approve('2026-03-10 11:00'),
        c.issueResult('2026-03-10 11:30'),
        c.returnResult('2026-03-10 14:00', 'online'),
        c.rate('2026-03-10 15:00', 5),
      ]),
    },
    {
      // Supplement, excluded interval, flagged at risk, then withdrawn.
      dossierId: id(2),
      procedureCode: MARITAL_STATUS,
      // The at-risk floor is raised so that the flag comes with three working hours left.
      events: play(contextFor(marital, { atRiskMinWorkingHours: 4 }), [
        submit(2, '2026-03-10 08:50'),
        c.receive('2026-03-10 09:00', '000.31.18.H56-260310-0002'),
        c.transfer('2026-03-10 09:00'),
        c.requestSupplement('2026-03-10 10:00'),
        c.provideSupplement('2026-03-10 11:00', 'online'),
        c.startExcludedInterval('2026-03-10 13:00'),
        c.endExcludedInterval('2026-03-10 14:00'),
        c.flagAtRisk('2026-03-11 08:00'),
        c.withdraw('2026-03-11 09:00'),
      ]),
    },
    {
      // Liên thông, apologised and rescheduled (form 04), still in progress.
      dossierId: id(3),
      procedureCode: BIRTH_HEALTH_INSURANCE,
      events: play(contextFor(lienThong), [
        submit(3, '2026-03-02 08:50', lienThong),
        c.receive('2026-03-02 09:00', '000.31.18.H56-260302-0001'),
        c.transfer('2026-03-02 09:30'),
        c.apologise('2026-03-10 08:00', '2026-03-13 09:00'),
      ]),
    },
    {
      // Refused at intake (form 03).
      dossierId: id(4),
      procedureCode: MARITAL_STATUS,
      events: play(context, [submit(4, '2026-03-10 08:50'), c.refuseReceipt('2026-03-10 09:10')]),
    },
    {
      // Refused to resolve by the leader.
      dossierId: id(5),
      procedureCode: MARITAL_STATUS,
      events: play(context, [
        submit(5, '2026-03-11 08:00'),
        c.receive('2026-03-11 08:10', '000.31.18.H56-260311-0001'),
        c.transfer('2026-03-11 08:15', counter),
        c.handOver('2026-03-11 09:00', 'SUBMIT_FOR_SIGNATURE', specialist),
        c.refuseResolution('2026-03-11 10:00'),
      ]),
    },
  ];
}

/** When an event happened, from its own data (what the command path records as occurredAt). */
export function eventInstant(event: DossierEvent): Date {
  const data = event.data as unknown as Record<string, unknown>;
  const field = [
    'submittedAt',
    'acceptedAt',
    'requestedAt',
    'completedAt',
    'refusedAt',
    'transferredAt',
    'handedOverAt',
    'providedAt',
    'startedAt',
    'endedAt',
    'approvedAt',
    'resolvedAt',
    'returnedAt',
    'withdrawnAt',
    'issuedAt',
    'rescheduledAt',
    'ratedAt',
    'flaggedAt',
  ].find((name) => typeof data[name] === 'string');
  if (field === undefined) throw new Error(`No instant in ${event.type}`);
  return new Date(data[field] as string);
}
