import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore, withTransaction } from '@tthc/event-store';
import { ApplicantKeyring } from '../../infrastructure/personal-data/applicant-keyring';
import { ApplicantErasure, EraseApplicantCommand } from './erase-applicant.command';
import { ApplicantNotKnown, ERASURE_ROLES, ErasureNotAllowed } from './erase-applicant.errors';

/** The stream that records an erasure: one per destroyed key, so the audit trail shows who erased when. */
export const APPLICANT_KEY_STREAM_TYPE = 'applicant-key';
export const applicantKeyStreamId = (keyId: string): string => `applicant-key-${keyId}`;

@CommandHandler(EraseApplicantCommand)
export class EraseApplicantHandler implements ICommandHandler<EraseApplicantCommand> {
  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(ApplicantKeyring) private readonly keyring: ApplicantKeyring,
  ) {}

  async execute({
    nationalId,
    reference,
    actor,
    correlationId,
  }: EraseApplicantCommand): Promise<ApplicantErasure> {
    if (!ERASURE_ROLES.includes(actor.role)) throw new ErasureNotAllowed(actor.role);
    // The key and the record of its destruction commit together: no erasure without its audit event.
    const erased = await withTransaction(this.store.db, async (runner) => {
      const key = await this.keyring.erase(nationalId, runner);
      if (key === undefined) throw new ApplicantNotKnown();
      await this.store.append(
        applicantKeyStreamId(key.keyId),
        APPLICANT_KEY_STREAM_TYPE,
        'any',
        [
          {
            type: 'ApplicantDataErased',
            data: { keyId: key.keyId, erasedAt: key.erasedAt, reference },
            metadata: {
              actor: { id: actor.id, role: actor.role, ...(actor.agency ? { agency: actor.agency } : {}) },
              correlationId,
            },
            occurredAt: new Date(key.erasedAt),
          },
        ],
        runner,
      );
      return key;
    });
    const counted = (await this.store.db.query(
      `SELECT count(*)::int AS n FROM dossier_views WHERE applicant -> '$sealed' ->> 'kid' = $1`,
      [erased.keyId],
    )) as { n: number }[];
    return { ...erased, dossiers: counted[0]?.n ?? 0 };
  }
}
