import { Query } from '@nestjs/cqrs';
import type { AgencyLevel } from '../../domain/definition';
import type { AgencyView, Page } from '../views';

export interface AgencyFilters {
  readonly level?: AgencyLevel;
  /** Electronic code of the parent agency. */
  readonly parent?: string;
  /** Only agencies valid on this local date (YYYY-MM-DD). */
  readonly activeOn?: string;
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
}

export class ListAgenciesQuery extends Query<Page<AgencyView>> {
  constructor(readonly filters: AgencyFilters) {
    super();
  }
}
