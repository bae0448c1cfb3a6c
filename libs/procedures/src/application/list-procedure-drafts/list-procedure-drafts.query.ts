import { Query } from '@nestjs/cqrs';
import type { DraftSummary, Page } from '../views';

/** Open drafts, by procedure code. */
export class ListProcedureDraftsQuery extends Query<Page<DraftSummary>> {
  constructor(
    readonly filters: { readonly agency?: string; readonly limit: number; readonly offset: number },
  ) {
    super();
  }
}
