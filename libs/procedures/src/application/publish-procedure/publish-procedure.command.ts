import { Command } from '@nestjs/cqrs';
import type { VersionPublished } from '../registry-commands';
import type { RequestContext } from '../request-context';

/** Validate the open draft and freeze it as the next version (1, 2, …). */
export class PublishProcedureCommand extends Command<VersionPublished> {
  constructor(
    readonly code: string,
    readonly context: RequestContext,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
