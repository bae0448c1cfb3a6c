import { Command } from '@nestjs/cqrs';
import type { DefinitionInput } from '../definition-input';
import type { DraftSaved } from '../registry-commands';
import type { RequestContext } from '../request-context';

/** Replace the open draft's document (a whole document, as the author's editor holds it). */
export class UpdateProcedureDraftCommand extends Command<DraftSaved> {
  constructor(
    readonly code: string,
    readonly input: DefinitionInput,
    readonly context: RequestContext,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
