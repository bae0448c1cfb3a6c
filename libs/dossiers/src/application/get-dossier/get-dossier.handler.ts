import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@tthc/event-store';
import { dossierParties, mayReadDossier } from '../dossier-access';
import { DossierReader } from '../dossier-reader';
import { dossierStreamId } from '../dossier-stream';
import { DossierNotKnown } from '../errors';
import type { DossierDetails } from '../views';
import { GetDossierQuery } from './get-dossier.query';

@QueryHandler(GetDossierQuery)
export class GetDossierHandler implements IQueryHandler<GetDossierQuery> {
  constructor(
    @Inject(DossierReader) private readonly reader: DossierReader,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ reference, actor }: GetDossierQuery): Promise<DossierDetails> {
    const asked = 'id' in reference ? reference.id : reference.code;
    const id = 'id' in reference ? reference.id : await this.reader.idOfCode(reference.code);
    if (id === undefined) throw new DossierNotKnown(asked);
    // Someone else's dossier answers exactly like a missing one (dossier-access.ts).
    const parties = dossierParties(await this.store.readStream(dossierStreamId(id)));
    if (parties === undefined || !mayReadDossier(actor, parties)) throw new DossierNotKnown(asked);
    return this.reader.read(id, actor, 'actor');
  }
}
