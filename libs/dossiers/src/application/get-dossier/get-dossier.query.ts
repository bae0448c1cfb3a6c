import { Query } from '@nestjs/cqrs';
import type { ReadingActor } from '../personal-data';
import type { DossierDetails } from '../views';

/** One dossier by its id or by its code, with its timeline and live clock; masked unless the actor may see it. */
export class GetDossierQuery extends Query<DossierDetails> {
  constructor(
    readonly reference: { readonly id: string } | { readonly code: string },
    readonly actor: ReadingActor,
  ) {
    super();
  }
}
