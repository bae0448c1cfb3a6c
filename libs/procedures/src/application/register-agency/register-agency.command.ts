import { Command } from '@nestjs/cqrs';
import type { AgencyLevel, LocalisedText } from '../../domain/definition';
import type { OfficePeriod } from '../directory-decider';
import type { AgencySaved } from '../registry-commands';
import type { RequestContext } from '../request-context';

/** An agency as an administrator registers it; what is left out gets the defaults below. */
export interface AgencyRegistration {
  readonly code: string;
  readonly name: LocalisedText;
  readonly level: AgencyLevel;
  readonly parentCode?: string | null;
  readonly administrativeUnitCode?: string | null;
  /** Default: 07:30–12:00 and 13:00–16:30 (docs/domain/working-time.md; set per province). */
  readonly officeHours?: readonly OfficePeriod[];
  /** Default false. */
  readonly saturdayReception?: boolean;
  /** Default by level: commune 0.5, district 1, province and ministry 1.5 working days. */
  readonly defaultTripCostDays?: number;
  /** Default: today (Asia/Ho_Chi_Minh). */
  readonly validFrom?: string;
}

export class RegisterAgencyCommand extends Command<AgencySaved> {
  constructor(
    readonly agency: AgencyRegistration,
    readonly context: RequestContext,
  ) {
    super();
  }
}
