import { Query } from '@nestjs/cqrs';
import type { AdministrativeUnitDetailsView } from '../views';

/** A unit with its parent, children, predecessors and the chain of units it rolled up into. */
export class GetAdministrativeUnitQuery extends Query<AdministrativeUnitDetailsView> {
  constructor(readonly code: string) {
    super();
  }
}
