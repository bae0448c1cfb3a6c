import { Query } from '@nestjs/cqrs';
import type { AgencyLevel } from '../../domain/definition';
import type { Page, ProcedureSummary } from '../views';

export interface ProcedureFilters {
  /** Electronic code of the competent agency. */
  readonly agency?: string;
  /** Field (lĩnh vực) code. */
  readonly field?: string;
  readonly level?: AgencyLevel;
  /** `2`, `3`, `4`, `partial` or `full`. */
  readonly onlineLevel?: string;
  readonly status?: 'published' | 'retired';
  /** Words of the name (Vietnamese or English, accents optional) or the code. */
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
}

/** The catalogue: the latest version of every published or retired procedure, by code. */
export class ListProceduresQuery extends Query<Page<ProcedureSummary>> {
  constructor(readonly filters: ProcedureFilters) {
    super();
  }
}
