import { Query } from '@nestjs/cqrs';
import type { ProcedureDetails } from '../views';

/** A procedure's current version and the list of all its versions. */
export class GetProcedureQuery extends Query<ProcedureDetails> {
  constructor(readonly code: string) {
    super();
  }
}
