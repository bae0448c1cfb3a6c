import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decide, DossierNotFound, type DossierCommand } from '../../domain/dossier';
import { assertApologyAppointmentWithinLimit } from '../apology-appointment';
import { toAttachment } from '../attachments';
import { dossierParties, mayActOnDossier } from '../dossier-access';
import { codeKeyOf, dossierCodeFor, provisionalCode } from '../dossier-code-allocation';
import { DossierCommandPath } from '../dossier-command-path';
import { dossierStreamId, toDossierEvents } from '../dossier-stream';
import {
  DOSSIER_CLOCK,
  DOSSIER_CODE_ALLOCATOR,
  DOSSIER_CONTEXT_LOADER,
  type Clock,
  type DossierCodeAllocator,
  type DossierContextLoader,
} from '../ports';
import type { DossierActionOutcome } from '../views';
import { PerformDossierActionCommand } from './perform-dossier-action.command';

@CommandHandler(PerformDossierActionCommand)
export class PerformDossierActionHandler implements ICommandHandler<PerformDossierActionCommand> {
  constructor(
    @Inject(DossierCommandPath) private readonly path: DossierCommandPath,
    @Inject(DOSSIER_CONTEXT_LOADER) private readonly contexts: DossierContextLoader,
    @Inject(DOSSIER_CODE_ALLOCATOR) private readonly codes: DossierCodeAllocator,
    @Inject(DOSSIER_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ dossierId, action, context }: PerformDossierActionCommand): Promise<DossierActionOutcome> {
    const now = this.clock();
    const base = { now, actor: context.actor };
    return this.path.execute({
      dossierId,
      // Read in the command's transaction: which procedure version and agency decide this dossier (the
      // submission is immutable), and whether this caller may act on it.
      reads: [this.contexts.agencyReadWith(dossierStreamId(dossierId))],
      contextOf: async (recorded, transaction, [agency]) => {
        // Another agency's or another integration's dossier does not exist for this caller (dossier-access.ts).
        const parties = dossierParties(recorded);
        if (parties === undefined || !mayActOnDossier(context.actor, parties))
          throw new DossierNotFound(action.type);
        const submitted = toDossierEvents(recorded).find((event) => event.type === 'DossierSubmitted');
        if (submitted === undefined) throw new DossierNotFound(action.type);
        const { procedureCode, procedureVersion, agencyCode } = submitted.data;
        return this.contexts.contextFor(procedureCode, procedureVersion, agencyCode, transaction, agency);
      },
      request: context,
      commandType: action.type,
      body: action,
      dossierIdInRequest: true,
      now,
      command: async (state, transaction, dossierContext): Promise<DossierCommand> => {
        if (action.type === 'CompleteDossier' || action.type === 'ProvideSupplement') {
          return { ...action, ...base, attachments: (action.attachments ?? []).map(toAttachment) };
        }
        if (action.type === 'IssueApology') {
          const apology = { ...action, ...base };
          // The decider's refusals first (role, state, too late, already issued, not later: 403/409), then the
          // bound on the new appointment, which the decider does not set (apology-appointment.ts): 422.
          decide(dossierContext, state, apology);
          assertApologyAppointmentWithinLimit(dossierContext, state, apology.newAppointmentAt, now);
          return apology;
        }
        if (action.type !== 'ReceiveDossier') return { ...action, ...base };
        // Two decisions (dossier-code-allocation.ts): the first, with a provisional code, checks the receipt
        // is allowed and gives the legal receipt instant, so a refused receipt never draws a number.
        const agencyCode = state.status === 'empty' ? undefined : state.intake.agencyCode;
        if (agencyCode === undefined) throw new DossierNotFound(action.type);
        const trial = decide(dossierContext, state, {
          type: 'ReceiveDossier',
          code: provisionalCode(agencyCode, now),
          ...base,
        });
        const key = codeKeyOf(agencyCode, trial);
        const sequence = await this.codes.next(transaction, key);
        return { type: 'ReceiveDossier', code: dossierCodeFor(key, sequence), ...base };
      },
    });
  }
}
