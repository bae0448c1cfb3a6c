import { Command } from '@nestjs/cqrs';
import type {
  CompleteDossier,
  DossierCommand,
  ProvideSupplement,
  ReceiveDossier,
  SubmitDossier,
} from '../../domain/dossier';
import type { AttachmentInput } from '../attachments';
import type { DossierRequestContext } from '../dossier-command-path';
import type { DossierActionOutcome } from '../views';

type WithoutClockAndActor<C> = C extends unknown ? Omit<C, 'now' | 'actor'> : never;
type WithAttachmentInputs<C> = Omit<WithoutClockAndActor<C>, 'attachments'> & {
  readonly attachments?: readonly AttachmentInput[];
};

/**
 * A workflow action as the caller asks for it: any decider command but the submission, without `now` and
 * `actor` (the handler adds them); a receipt without its code (drawn in the command's transaction); files
 * without their ids (given inside the command path, after the request was hashed for idempotency).
 */
export type DossierActionInput =
  | WithoutClockAndActor<
      Exclude<DossierCommand, SubmitDossier | ReceiveDossier | CompleteDossier | ProvideSupplement>
    >
  | { readonly type: 'ReceiveDossier' }
  | WithAttachmentInputs<CompleteDossier>
  | WithAttachmentInputs<ProvideSupplement>;

/** Runs one workflow action on an existing dossier (receive, transfer, hand over, approve, …). */
export class PerformDossierActionCommand extends Command<DossierActionOutcome> {
  constructor(
    readonly dossierId: string,
    readonly action: DossierActionInput,
    readonly context: DossierRequestContext,
  ) {
    super();
  }
}
