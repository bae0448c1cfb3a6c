import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DossierReader } from '../dossier-reader';
import { DossierNotKnown } from '../errors';
import type { DossierDetails } from '../views';
import { GetDossierQuery } from './get-dossier.query';

@QueryHandler(GetDossierQuery)
export class GetDossierHandler implements IQueryHandler<GetDossierQuery> {
  constructor(@Inject(DossierReader) private readonly reader: DossierReader) {}

  async execute({ reference, actor }: GetDossierQuery): Promise<DossierDetails> {
    if ('id' in reference) return this.reader.read(reference.id, actor, 'actor');
    const id = await this.reader.idOfCode(reference.code);
    if (id === undefined) throw new DossierNotKnown(reference.code);
    return this.reader.read(id, actor, 'actor');
  }
}
