import { Query } from '@nestjs/cqrs';
import type { ProcedureVersionDetails } from '../views';

/** One published version with its full, frozen definition. */
export class GetProcedureVersionQuery extends Query<ProcedureVersionDetails> {
  constructor(
    readonly code: string,
    readonly version: number,
  ) {
    super();
  }
}
