/**
 * What agency commands share: defaults for a new agency, and the check that the agencies and units a record
 * points to exist.
 */
import type { PostgresEventStore } from '@tthc/event-store';
import type { AgencyLevel } from '../domain/definition';
import { administrativeUnitStreamId, agencyStreamId, type OfficePeriod } from './directory-decider';
import type { RecordProblem } from './errors';

export const DEFAULT_OFFICE_HOURS: readonly OfficePeriod[] = [
  { from: '07:30', to: '12:00' },
  { from: '13:00', to: '16:30' },
];

export const DEFAULT_TRIP_COST: Record<AgencyLevel, number> = {
  commune: 0.5,
  district: 1,
  province: 1.5,
  ministry: 1.5,
};

/** Today's date where the offices are. */
export function localDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

/**
 * Checks that the agencies and units a record points to exist (their streams have events). The streams are
 * read directly, so a reference made just after registering its target is found.
 */
export async function referenceProblems(
  store: PostgresEventStore,
  refs: { parentCode?: string | null; administrativeUnitCode?: string | null; successorCode?: string | null },
): Promise<RecordProblem[]> {
  const out: RecordProblem[] = [];
  const exists = async (streamId: string) => (await store.readStream(streamId)).length > 0;
  if (refs.parentCode && !(await exists(agencyStreamId(refs.parentCode))))
    out.push({
      path: '/parentCode',
      message: `There is no agency ${refs.parentCode}.`,
      messageVi: `Không có cơ quan ${refs.parentCode}.`,
    });
  if (refs.successorCode && !(await exists(agencyStreamId(refs.successorCode))))
    out.push({
      path: '/successorCode',
      message: `There is no agency ${refs.successorCode}.`,
      messageVi: `Không có cơ quan ${refs.successorCode}.`,
    });
  if (refs.administrativeUnitCode && !(await exists(administrativeUnitStreamId(refs.administrativeUnitCode))))
    out.push({
      path: '/administrativeUnitCode',
      message: `There is no administrative unit ${refs.administrativeUnitCode}.`,
      messageVi: `Không có đơn vị hành chính ${refs.administrativeUnitCode}.`,
    });
  return out;
}
