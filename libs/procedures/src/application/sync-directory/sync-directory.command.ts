import { Command } from '@nestjs/cqrs';
import type { AdministrativeUnitRecord, AgencyRecord, RecordEnd, UnitEndReason } from '../directory-decider';
import type { DeciderOutcome } from '../execute-decider';
import type { RequestContext } from '../request-context';

/**
 * Make an agency's stream match a whole record (sample loading, imports from the national directory):
 * registers, updates and ends it as needed; a record already in place appends nothing.
 */
export class SyncAgencyCommand extends Command<DeciderOutcome<null>> {
  constructor(
    readonly agency: AgencyRecord,
    readonly end: RecordEnd | null,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** The same for an administrative unit, including how it ended (merged into, or dissolved). */
export class SyncAdministrativeUnitCommand extends Command<DeciderOutcome<null>> {
  constructor(
    readonly unit: AdministrativeUnitRecord,
    readonly end: (RecordEnd & { readonly reason: UnitEndReason }) | null,
    readonly context: RequestContext,
  ) {
    super();
  }
}
