import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@tthc/event-store';
import type { DeciderOutcome } from '../execute-decider';
import { executeAdministrativeUnitCommand, executeAgencyCommand } from '../registry-commands';
import { REGISTRY_CLOCK, type Clock } from '../request-context';
import { SyncAdministrativeUnitCommand, SyncAgencyCommand } from './sync-directory.command';

@CommandHandler(SyncAgencyCommand)
export class SyncAgencyHandler implements ICommandHandler<SyncAgencyCommand> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(REGISTRY_CLOCK) private readonly clock: Clock,
  ) {}

  execute({ agency, end, context }: SyncAgencyCommand): Promise<DeciderOutcome<null>> {
    const command = {
      type: 'SyncAgency',
      data: { agency, end },
      metadata: { actor: context.actor },
    } as const;
    return executeAgencyCommand(this.executor, agency.code, command, context, this.clock(), () => null);
  }
}

@CommandHandler(SyncAdministrativeUnitCommand)
export class SyncAdministrativeUnitHandler implements ICommandHandler<SyncAdministrativeUnitCommand> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(REGISTRY_CLOCK) private readonly clock: Clock,
  ) {}

  execute({ unit, end, context }: SyncAdministrativeUnitCommand): Promise<DeciderOutcome<null>> {
    const command = {
      type: 'SyncAdministrativeUnit',
      data: { unit, end },
      metadata: { actor: context.actor },
    } as const;
    return executeAdministrativeUnitCommand(
      this.executor,
      unit.code,
      command,
      context,
      this.clock(),
      () => null,
    );
  }
}
