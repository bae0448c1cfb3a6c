// The vocabulary of statutory processing times (docs/domain/working-time.md) and the paused intervals that do not count towards
// them (waiting for the citizen's supplement, inter-agency verification, payment of financial obligations).
import { InvalidCalendarInput } from './calendar-errors';
import { type ClockTime, epochMsOf } from './local-time';

export type ProcessingDuration =
  /** Fractional allowed: 0.5 is half of the agency's regular working day, counted in working minutes. */
  | { readonly unit: 'working-days'; readonly value: number }
  /** Whole days; a deadline on a rest day moves to the end of the next working day (Civil Code Art. 148). */
  | { readonly unit: 'calendar-days'; readonly value: number }
  /** Resolved by the end of office hours of the day the clock starts. */
  | { readonly unit: 'same-day' };

/**
 * - `WORKING_HOURS`: the deadline is the instant the working time has elapsed; N whole days from a time
 *   inside office hours land on the same clock time N working days later.
 * - `END_OF_NTH_WORKING_DAY`: the end of office hours of the Nth working day, where the day the clock starts
 *   is day 0 (Civil Code Art. 147: a period in days starts on the following day).
 */
export type DeadlineMode = 'WORKING_HOURS' | 'END_OF_NTH_WORKING_DAY';

/** Half-open `[from, to)`; no `to` means the clock is still stopped. */
export interface PausedInterval {
  readonly from: Date;
  readonly to?: Date | null;
}

export type ReceiptChannel = 'online' | 'counter' | 'post';

export interface EffectiveReceiptOptions {
  readonly channel: ReceiptChannel;
  /** Per procedure; a receipt strictly later than this clock time starts the clock the next working day. */
  readonly cutoff?: ClockTime;
}

export interface AddWorkingTimeOptions {
  /** Defaults to the calendar's deployment-wide mode. */
  readonly mode?: DeadlineMode;
  readonly pauses?: readonly PausedInterval[];
}

/** Paused intervals merged into disjoint, sorted epoch-millisecond ranges; an open pause ends at infinity. */
export class PauseSet {
  static readonly none = new PauseSet([]);

  private readonly ranges: readonly (readonly [number, number])[];
  /** Start of the still-open pause, if any: nothing after it counts. */
  readonly openFrom: number | undefined;

  constructor(pauses: readonly PausedInterval[]) {
    const ranges = pauses
      .map((pause): [number, number] => {
        const from = epochMsOf(pause.from);
        const to = pause.to == null ? Number.POSITIVE_INFINITY : epochMsOf(pause.to);
        if (to < from) {
          throw new InvalidCalendarInput(
            `Pause ends before it starts: ${pause.from.toISOString()} > ${pause.to?.toISOString()}`,
          );
        }
        return [from, to];
      })
      .sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [from, to] of ranges) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else if (from < to) merged.push([from, to]);
    }
    this.ranges = merged;
    const last = merged[merged.length - 1];
    this.openFrom = last && last[1] === Number.POSITIVE_INFINITY ? last[0] : undefined;
  }

  /** The parts of `[from, to)` that are not paused. */
  subtractFrom(from: number, to: number): [number, number][] {
    const parts: [number, number][] = [];
    let cursor = from;
    for (const [pauseFrom, pauseTo] of this.ranges) {
      if (pauseTo <= cursor) continue;
      if (pauseFrom >= to) break;
      if (pauseFrom > cursor) parts.push([cursor, pauseFrom]);
      cursor = Math.max(cursor, pauseTo);
      if (cursor >= to) return parts;
    }
    if (cursor < to) parts.push([cursor, to]);
    return parts;
  }

  /** Paused milliseconds inside `[from, to)`. */
  overlap(from: number, to: number): number {
    let paused = 0;
    for (const [pauseFrom, pauseTo] of this.ranges) {
      paused += Math.max(0, Math.min(to, pauseTo) - Math.max(from, pauseFrom));
    }
    return paused;
  }
}
