// Processing time of one resolved dossier (docs/domain/time-savings.md), from the figures the decider recorded: working days
// net of pauses (ResultIssued.workingDaysUsed), gross (plus the paused working days), and calendar days from
// the legal receipt to the resolution, gross and net of the paused intervals.
import type { DossierFacts } from './dossier-facts';

export interface ProcessingTimes {
  readonly workingNet: number;
  readonly workingGross: number;
  readonly calendarGross: number;
  readonly calendarNet: number;
}

const MS_PER_DAY = 86_400_000;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

export function processingTimesOf(facts: DossierFacts): ProcessingTimes | undefined {
  if (facts.outcome !== 'resolved' || facts.resolution === undefined || facts.receivedAt === undefined)
    return undefined;
  const elapsed = Date.parse(facts.resolution.resolvedAt) - Date.parse(facts.receivedAt);
  return {
    workingNet: facts.resolution.workingDaysUsed,
    workingGross: round4(facts.resolution.workingDaysUsed + facts.pausedWorkingDays),
    calendarGross: round4(elapsed / MS_PER_DAY),
    calendarNet: round4((elapsed - facts.pausedMs) / MS_PER_DAY),
  };
}
