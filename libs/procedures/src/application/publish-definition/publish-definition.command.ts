import { Command } from '@nestjs/cqrs';
import type { DeciderOutcome } from '../execute-decider';
import type { DefinitionInput } from '../definition-input';
import type { VersionPublished } from '../registry-commands';
import type { RequestContext } from '../request-context';

/**
 * Publish a complete definition without a draft (sample loading, imports). Publishing the content of the
 * current version again changes nothing, so a loader may run it on every start.
 */
export class PublishDefinitionCommand extends Command<DeciderOutcome<VersionPublished>> {
  constructor(
    readonly input: DefinitionInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}
