import { Query } from '@nestjs/cqrs';
import type { DraftDetails } from '../views';

/** The open draft of a procedure, with what validation says about it now. */
export class GetProcedureDraftQuery extends Query<DraftDetails> {
  constructor(readonly code: string) {
    super();
  }
}
