import { Command } from '@nestjs/cqrs';
import type { Channel, JsonObject } from '@tthc/procedures';
import type { ApplicantDetails, NormalisedOnlineLevel } from '../../domain/dossier';
import type { AttachmentInput } from '../attachments';
import type { DossierRequestContext } from '../dossier-command-path';
import type { DossierActionOutcome } from '../views';

export interface Submission {
  readonly procedureCode: string;
  /** Absent: the current published version. */
  readonly procedureVersion?: number;
  readonly channel: Channel;
  /** The level an online submission is made at (default: the procedure's, which it may not exceed). */
  readonly onlineLevel?: Exclude<NormalisedOnlineLevel, 'none'>;
  /** The unit code of the applicant's commune, when known (travel costs). */
  readonly applicantLocality?: string;
  readonly applicant: ApplicantDetails;
  readonly formData: JsonObject;
  readonly attachments?: readonly AttachmentInput[];
  readonly paymentReference?: string;
}

/**
 * Intake of a dossier from an integration, a counter or the post (the SUBMIT of the lifecycle). Online
 * submissions need an Idempotency-Key: a portal's retry must return the first dossier, not make a twin.
 */
export class SubmitDossierCommand extends Command<DossierActionOutcome> {
  constructor(
    readonly submission: Submission,
    readonly context: DossierRequestContext,
  ) {
    super();
  }
}
