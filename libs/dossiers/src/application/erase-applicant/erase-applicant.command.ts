import { Command } from '@nestjs/cqrs';
import type { DossierActor } from '../../domain/dossier';

/** What an erasure answers: which data key was destroyed, when, and how many dossiers it sealed. */
export interface ApplicantErasure {
  readonly keyId: string;
  readonly erasedAt: string;
  /** Dossiers in the read model whose applicant was sealed with that key (it may lag by a moment). */
  readonly dossiers: number;
}

/**
 * Erase an applicant (the right to erasure): destroy their data key, so that every value sealed with it, in
 * the event store, in Kafka and in the read models, can never be read again (crypto-shredding). Events are
 * never changed; statistics keep everything that is not personal.
 */
export class EraseApplicantCommand extends Command<ApplicantErasure> {
  constructor(
    readonly nationalId: string,
    /** A reference to the request or decision behind the erasure (no personal data). */
    readonly reference: string,
    readonly actor: DossierActor,
    readonly correlationId: string,
  ) {
    super();
  }
}
