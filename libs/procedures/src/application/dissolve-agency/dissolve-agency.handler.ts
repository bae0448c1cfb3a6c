import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, PostgresEventStore } from '@tthc/event-store';
import { assertCanAdministerDirectory } from '../authorization';
import { InvalidDirectoryRecord } from '../errors';
import { referenceProblems } from '../directory-references';
import { agencySaved, executeAgencyCommand, type AgencySaved } from '../registry-commands';
import { REGISTRY_CLOCK, type Clock } from '../request-context';
import { DissolveAgencyCommand } from './dissolve-agency.command';

@CommandHandler(DissolveAgencyCommand)
export class DissolveAgencyHandler implements ICommandHandler<DissolveAgencyCommand> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(REGISTRY_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ code, end, context }: DissolveAgencyCommand): Promise<AgencySaved> {
    assertCanAdministerDirectory(context.actor);
    const problems = await referenceProblems(this.store, { successorCode: end.successorCode });
    if (problems.length > 0) throw new InvalidDirectoryRecord(code, problems);
    const command = {
      type: 'DissolveAgency',
      data: { code, end },
      metadata: { actor: context.actor },
    } as const;
    return (await executeAgencyCommand(this.executor, code, command, context, this.clock(), agencySaved))
      .result;
  }
}
