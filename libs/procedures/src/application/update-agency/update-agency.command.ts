import { Command } from '@nestjs/cqrs';
import type { AgencyDetails } from '../directory-decider';
import type { AgencySaved } from '../registry-commands';
import type { RequestContext } from '../request-context';

/** Change some of an agency's details; members left out keep their value. */
export class UpdateAgencyCommand extends Command<AgencySaved> {
  constructor(
    readonly code: string,
    readonly changes: Partial<AgencyDetails>,
    readonly context: RequestContext,
  ) {
    super();
  }
}
