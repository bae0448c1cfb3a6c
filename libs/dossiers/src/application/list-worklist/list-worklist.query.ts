import { Query } from '@nestjs/cqrs';
import type { Channel } from '@tthc/procedures';
import type { ReadingActor } from '../personal-data';
import type { WorklistPage } from '../views';

export const WORKLIST_VIEWS = [
  'due-today',
  'due-soon',
  'overdue',
  'waiting-for-citizen',
  'at-risk',
  'all',
] as const;
export type WorklistView = (typeof WORKLIST_VIEWS)[number];

/** Due soon: the clock runs and the deadline is within this much working time (and not yet passed). */
export const DUE_SOON_WORKING_DAYS = 2;

export interface WorklistFilters {
  /** Dossiers of this agency, or at a step of it (liên thông). */
  readonly agency: string;
  readonly view: WorklistView;
  readonly procedure?: string;
  readonly step?: string;
  readonly channel?: Channel;
  readonly limit: number;
  readonly cursor?: string;
}

/** An agency's worklist, sorted by due instant, from the dossier_views read model. */
export class ListWorklistQuery extends Query<WorklistPage> {
  constructor(
    readonly filters: WorklistFilters,
    readonly actor: ReadingActor,
  ) {
    super();
  }
}
