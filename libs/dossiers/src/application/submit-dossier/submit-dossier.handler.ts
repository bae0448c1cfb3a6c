import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { exceedsOnlineLevel, normaliseOnlineLevel } from '../../domain/dossier';
import { isOfficial } from '@tthc/platform';
import { toAttachment } from '../attachments';
import { SubmissionForAnotherAgency } from '../dossier-access';
import { DossierCommandPath } from '../dossier-command-path';
import { IdempotencyKeyRequired, OnlineLevelMismatch } from '../errors';
import { DOSSIER_CLOCK, DOSSIER_CONTEXT_LOADER, type Clock, type DossierContextLoader } from '../ports';
import type { DossierActionOutcome } from '../views';
import { SubmitDossierCommand } from './submit-dossier.command';

@CommandHandler(SubmitDossierCommand)
export class SubmitDossierHandler implements ICommandHandler<SubmitDossierCommand> {
  constructor(
    @Inject(DossierCommandPath) private readonly path: DossierCommandPath,
    @Inject(DOSSIER_CONTEXT_LOADER) private readonly contexts: DossierContextLoader,
    @Inject(DOSSIER_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ submission, context }: SubmitDossierCommand): Promise<DossierActionOutcome> {
    if (submission.channel === 'online' && context.commandId === undefined)
      throw new IdempotencyKeyRequired();
    const dossierId = randomUUID();
    const now = this.clock();
    // Read with the new dossier's (empty) stream, in the command's opening round trip; its checks refuse the
    // submission there, before anything is written.
    let chosenVersion = 0;
    return this.path.execute({
      dossierId,
      reads: [this.contexts.submissionReadFor(submission.procedureCode)],
      contextOf: async (_stored, transaction, [versions]) => {
        const {
          procedure,
          version,
          context: dossierContext,
        } = await this.contexts.submissionContextOf(
          submission.procedureCode,
          submission.procedureVersion,
          versions,
          transaction,
        );
        const { definition } = procedure;
        // Counter intake: an official submits for their own agency only.
        if (isOfficial(context.actor) && context.actor.agency !== definition.agency.code) {
          throw new SubmissionForAnotherAgency(context.actor.agency, definition.agency.code);
        }
        // The dossier's level (docs/domain/online-service-levels.md): an online submission states the level it
        // is made at, at most the procedure's (a full procedure accepts a partial one); a counter or postal
        // one has none.
        const offered = normaliseOnlineLevel(definition.onlineServiceLevel);
        const stated = submission.onlineLevel;
        if (
          stated !== undefined &&
          (submission.channel !== 'online' || exceedsOnlineLevel(stated, offered))
        ) {
          throw new OnlineLevelMismatch(definition.code, stated, offered, submission.channel);
        }
        chosenVersion = version;
        return dossierContext;
      },
      applicant: submission.applicant,
      request: context,
      commandType: 'SubmitDossier',
      body: submission,
      dossierIdInRequest: false,
      now,
      // Built after contextOf, in the same attempt: with the procedure and the version it chose.
      command: async (_state, _transaction, { procedure }) => {
        return {
          type: 'SubmitDossier',
          now,
          actor: context.actor,
          dossierId,
          procedureCode: procedure.definition.code,
          procedureVersion: chosenVersion,
          channel: submission.channel,
          ...(submission.onlineLevel === undefined ? {} : { onlineLevel: submission.onlineLevel }),
          ...(submission.applicantLocality === undefined
            ? {}
            : { applicantLocality: submission.applicantLocality }),
          applicant: submission.applicant,
          formData: submission.formData,
          attachments: (submission.attachments ?? []).map(toAttachment),
          ...(submission.paymentReference === undefined
            ? {}
            : { paymentReference: submission.paymentReference }),
        };
      },
    });
  }
}
