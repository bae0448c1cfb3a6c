// When to try a failed delivery again: exponential backoff with full jitter (delay drawn uniformly from
// [0, min(cap, base·2^attempt)], as in the AWS architecture note on backoff), inside a retry window.
//
// Why a window rather than a number of attempts: with full jitter the time a fixed number of attempts
// covers is random, and the promise to integrators is time-based ("we keep trying for 24 hours"). So the
// schedule keeps drawing delays until the window closes, and a delay that would overshoot the window is cut
// to land on its end: the last attempt happens at the window's end, never before. A failure after that
// moves the delivery to the dead-letter list.
//
// The window starts when the delivery was queued (or replayed from the dead-letter list). A delivery that
// waited behind its dossier's earlier event (strict order per dossier) therefore has less of its own time
// left; the endpoint has been failing for all of that time anyway, and it keeps a dead endpoint from
// holding each of a dossier's events for a full window in turn.

export interface RetryPolicy {
  /** First backoff ceiling; the n-th retry's ceiling is base·2^(n-1), capped. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** How long after queueing a delivery is still attempted (at least 24 h in production). */
  readonly windowMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 10_000,
  maxDelayMs: 3_600_000,
  windowMs: 24 * 3_600_000,
};

export type RetryDecision = { readonly kind: 'retry'; readonly at: Date } | { readonly kind: 'dead-letter' };

/**
 * After failed attempt number `attempts` (1 = the first try failed). `random` is a number in [0, 1)
 * from the caller, so the schedule is a pure function and tests can pin it.
 */
export function afterFailure(
  policy: RetryPolicy,
  attempts: number,
  windowStartedAt: Date,
  now: Date,
  random: number,
): RetryDecision {
  const windowEnd = windowStartedAt.getTime() + policy.windowMs;
  if (now.getTime() >= windowEnd) return { kind: 'dead-letter' };
  const exponent = Math.min(Math.max(attempts - 1, 0), 40);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const delay = Math.floor(random * ceiling);
  return { kind: 'retry', at: new Date(Math.min(now.getTime() + delay, windowEnd)) };
}
