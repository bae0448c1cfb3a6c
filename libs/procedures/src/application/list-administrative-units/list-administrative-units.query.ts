import { Query } from '@nestjs/cqrs';
import type { AdministrativeUnitLevel } from '../directory-decider';
import type { AdministrativeUnitView, Page } from '../views';

export interface AdministrativeUnitFilters {
  /** Only units valid on this local date (YYYY-MM-DD). */
  readonly activeOn?: string;
  readonly level?: AdministrativeUnitLevel;
  readonly parent?: string;
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
}

export class ListAdministrativeUnitsQuery extends Query<Page<AdministrativeUnitView>> {
  constructor(readonly filters: AdministrativeUnitFilters) {
    super();
  }
}
