import { afterFailure, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-schedule';

const HOUR = 3_600_000;
const queued = new Date('2026-03-02T01:00:00Z');

/** Every attempt of a delivery whose endpoint never answers, with a fixed jitter draw. */
function attemptsUntilDeadLetter(policy: RetryPolicy, random: number): Date[] {
  const attempts = [queued];
  for (;;) {
    const decision = afterFailure(policy, attempts.length, queued, attempts[attempts.length - 1], random);
    if (decision.kind === 'dead-letter') return attempts;
    attempts.push(decision.at);
  }
}

describe('retry schedule (exponential backoff, full jitter, 24-hour window)', () => {
  it('given a failing endpoint, then the default schedule keeps trying for at least 24 hours', () => {
    for (const random of [0.999, 0.5, 0.05]) {
      const attempts = attemptsUntilDeadLetter(DEFAULT_RETRY_POLICY, random);
      const last = attempts[attempts.length - 1].getTime();
      expect(last - queued.getTime()).toBeGreaterThanOrEqual(24 * HOUR);
    }
  });

  it('given the maximal draw, then delays double from the base up to the cap', () => {
    const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 5000, windowMs: HOUR };
    const delays = attemptsUntilDeadLetter(policy, 0.999999)
      .slice(0, 6)
      .map((at, i, all) => (i === 0 ? 0 : at.getTime() - all[i - 1].getTime()));
    expect(delays).toEqual([0, 999, 1999, 3999, 4999, 4999]);
  });

  it('given a draw that would overshoot the window, then the last attempt lands on the window end', () => {
    const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: HOUR, windowMs: 10_000 };
    const decision = afterFailure(policy, 5, queued, new Date(queued.getTime() + 9_000), 0.9);
    expect(decision).toEqual({ kind: 'retry', at: new Date(queued.getTime() + 10_000) });
    expect(afterFailure(policy, 6, queued, new Date(queued.getTime() + 10_000), 0.9)).toEqual({
      kind: 'dead-letter',
    });
  });

  it('draws the delay uniformly below the ceiling (full jitter)', () => {
    const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: HOUR, windowMs: HOUR };
    const at = (random: number) =>
      (afterFailure(policy, 3, queued, queued, random) as { at: Date }).at.getTime() - queued.getTime();
    expect(at(0)).toBe(0);
    expect(at(0.5)).toBe(2000);
  });
});
