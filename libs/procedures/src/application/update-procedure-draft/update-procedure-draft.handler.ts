import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@tthc/event-store';
import { resolveDefinitionInput } from '../definition-input';
import { draftSaved, executeRegistryCommand, type DraftSaved } from '../registry-commands';
import { REGISTRY_CLOCK, type Clock } from '../request-context';
import { UpdateProcedureDraftCommand } from './update-procedure-draft.command';

@CommandHandler(UpdateProcedureDraftCommand)
export class UpdateProcedureDraftHandler implements ICommandHandler<UpdateProcedureDraftCommand> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(REGISTRY_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    code,
    input,
    context,
    expectedRevision,
  }: UpdateProcedureDraftCommand): Promise<DraftSaved> {
    const { document, source } = resolveDefinitionInput(input);
    const command = {
      type: 'UpdateProcedureDraft',
      data: { code, document, source, expectedRevision },
      metadata: { now: this.clock(), actor: context.actor },
    } as const;
    return (await executeRegistryCommand(this.executor, code, command, context, draftSaved)).result;
  }
}
