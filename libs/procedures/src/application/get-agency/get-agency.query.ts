import { Query } from '@nestjs/cqrs';
import type { AgencyDetailsView } from '../views';

/** An agency with its parent, its children and the chain of agencies that succeeded it. */
export class GetAgencyQuery extends Query<AgencyDetailsView> {
  constructor(readonly code: string) {
    super();
  }
}
