import { Command } from '@nestjs/cqrs';
import type { RecordEnd } from '../directory-decider';
import type { AgencySaved } from '../registry-commands';
import type { RequestContext } from '../request-context';

/** End an agency's validity (merged, abolished), naming the agency that takes over its tasks. */
export class DissolveAgencyCommand extends Command<AgencySaved> {
  constructor(
    readonly code: string,
    readonly end: RecordEnd,
    readonly context: RequestContext,
  ) {
    super();
  }
}
