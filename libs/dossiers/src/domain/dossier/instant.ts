// Event data is stored as JSON, so instants in events are ISO-8601 UTC strings (`Date#toISOString`); the
// decider and the state work with `Date`. These two functions are the only place the conversion happens.

/** An instant as stored in event data: ISO-8601 in UTC, e.g. `2026-02-13T03:00:00.000Z` (10:00 in Vietnam). */
export type Instant = string;

export function toInstant(date: Date): Instant {
  return date.toISOString();
}

export function fromInstant(instant: Instant): Date {
  return new Date(instant);
}

/** Working-day figures in events are rounded to 4 decimals (≈ 3 seconds of an 8-hour day): no float noise. */
export function roundWorkingDays(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
