import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@tthc/event-store';
import { resolveDefinitionInput } from '../definition-input';
import type { DeciderOutcome } from '../execute-decider';
import { executeRegistryCommand, versionPublished, type VersionPublished } from '../registry-commands';
import { requireProcedureCode } from '../registry-decider';
import { REGISTRY_CLOCK, type Clock } from '../request-context';
import { PublishDefinitionCommand } from './publish-definition.command';

@CommandHandler(PublishDefinitionCommand)
export class PublishDefinitionHandler implements ICommandHandler<PublishDefinitionCommand> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(REGISTRY_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: PublishDefinitionCommand): Promise<DeciderOutcome<VersionPublished>> {
    const { document, source } = resolveDefinitionInput(input);
    const code = requireProcedureCode(document, source);
    const command = {
      type: 'PublishDefinition',
      data: { document, source },
      metadata: { now: this.clock(), actor: context.actor },
    } as const;
    return executeRegistryCommand(this.executor, code, command, context, versionPublished);
  }
}
