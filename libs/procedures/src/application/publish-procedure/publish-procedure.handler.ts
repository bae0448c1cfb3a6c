import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@tthc/event-store';
import { executeRegistryCommand, versionPublished, type VersionPublished } from '../registry-commands';
import { REGISTRY_CLOCK, type Clock } from '../request-context';
import { PublishProcedureCommand } from './publish-procedure.command';

@CommandHandler(PublishProcedureCommand)
export class PublishProcedureHandler implements ICommandHandler<PublishProcedureCommand> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(REGISTRY_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ code, context, expectedRevision }: PublishProcedureCommand): Promise<VersionPublished> {
    const command = {
      type: 'PublishProcedure',
      data: { code, expectedRevision },
      metadata: { now: this.clock(), actor: context.actor },
    } as const;
    return (await executeRegistryCommand(this.executor, code, command, context, versionPublished)).result;
  }
}
