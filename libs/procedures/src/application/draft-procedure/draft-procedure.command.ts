import { Command } from '@nestjs/cqrs';
import type { DefinitionInput } from '../definition-input';
import type { DraftSaved } from '../registry-commands';
import type { RequestContext } from '../request-context';

/** Open a draft: of a new procedure, or of the next version of a published one. */
export class DraftProcedureCommand extends Command<DraftSaved> {
  constructor(
    readonly input: DefinitionInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}
