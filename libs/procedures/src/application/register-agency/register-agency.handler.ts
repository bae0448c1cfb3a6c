import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, PostgresEventStore } from '@tthc/event-store';
import { assertCanAdministerDirectory } from '../authorization';
import type { AgencyRecord } from '../directory-decider';
import {
  DEFAULT_OFFICE_HOURS,
  DEFAULT_TRIP_COST,
  localDate,
  referenceProblems,
} from '../directory-references';
import { InvalidDirectoryRecord } from '../errors';
import { agencySaved, executeAgencyCommand, type AgencySaved } from '../registry-commands';
import { REGISTRY_CLOCK, type Clock } from '../request-context';
import { RegisterAgencyCommand } from './register-agency.command';

@CommandHandler(RegisterAgencyCommand)
export class RegisterAgencyHandler implements ICommandHandler<RegisterAgencyCommand> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(REGISTRY_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ agency: input, context }: RegisterAgencyCommand): Promise<AgencySaved> {
    assertCanAdministerDirectory(context.actor);
    const now = this.clock();
    const agency: AgencyRecord = {
      code: input.code,
      name: input.name,
      level: input.level,
      parentCode: input.parentCode ?? null,
      administrativeUnitCode: input.administrativeUnitCode ?? null,
      officeHours: input.officeHours ?? DEFAULT_OFFICE_HOURS,
      saturdayReception: input.saturdayReception ?? false,
      defaultTripCostDays: input.defaultTripCostDays ?? DEFAULT_TRIP_COST[input.level],
      validFrom: input.validFrom ?? localDate(now),
    };
    const problems = await referenceProblems(this.store, agency);
    if (problems.length > 0) throw new InvalidDirectoryRecord(agency.code, problems);
    const command = {
      type: 'RegisterAgency',
      data: agency,
      metadata: { actor: context.actor },
    } as const;
    return (await executeAgencyCommand(this.executor, agency.code, command, context, now, agencySaved))
      .result;
  }
}
