import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@tthc/event-store';
import { executeRegistryCommand, procedureRetired, type ProcedureRetiredAnswer } from '../registry-commands';
import { REGISTRY_CLOCK, type Clock } from '../request-context';
import { RetireProcedureCommand } from './retire-procedure.command';

@CommandHandler(RetireProcedureCommand)
export class RetireProcedureHandler implements ICommandHandler<RetireProcedureCommand> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(REGISTRY_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ code, context, reason }: RetireProcedureCommand): Promise<ProcedureRetiredAnswer> {
    const command = {
      type: 'RetireProcedure',
      data: { code, reason },
      metadata: { now: this.clock(), actor: context.actor },
    } as const;
    const outcome = await executeRegistryCommand(this.executor, code, command, context, (_state, events) =>
      procedureRetired(events),
    );
    return outcome.result;
  }
}
