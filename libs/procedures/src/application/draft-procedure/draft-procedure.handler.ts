import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@tthc/event-store';
import { resolveDefinitionInput } from '../definition-input';
import { draftSaved, executeRegistryCommand, type DraftSaved } from '../registry-commands';
import { requireProcedureCode } from '../registry-decider';
import { REGISTRY_CLOCK, type Clock } from '../request-context';
import { DraftProcedureCommand } from './draft-procedure.command';

@CommandHandler(DraftProcedureCommand)
export class DraftProcedureHandler implements ICommandHandler<DraftProcedureCommand> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(REGISTRY_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: DraftProcedureCommand): Promise<DraftSaved> {
    const { document, source } = resolveDefinitionInput(input);
    const code = requireProcedureCode(document, source);
    const command = {
      type: 'DraftProcedure',
      data: { document, source },
      metadata: { now: this.clock(), actor: context.actor },
    } as const;
    return (await executeRegistryCommand(this.executor, code, command, context, draftSaved)).result;
  }
}
