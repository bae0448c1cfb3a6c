import { Query } from '@nestjs/cqrs';
import type { DossierDetails } from '../views';

/**
 * The citizen's lookup: the dossier code and a detail only the applicant knows (phone number or national
 * ID). Always masked; a mismatch of either part is the same 404.
 */
export class LookupDossierQuery extends Query<DossierDetails> {
  constructor(
    readonly code: string,
    readonly verification: string,
  ) {
    super();
  }
}
