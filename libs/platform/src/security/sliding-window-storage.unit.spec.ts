import { SlidingWindowCounters } from './sliding-window-storage';

const MINUTE = 60_000;

/** `n` requests of `key` at `at`, one ms apart; the records the last one got. */
function send(
  counters: SlidingWindowCounters,
  n: number,
  at: number,
  limit: number,
  block = MINUTE,
  key = 'a',
) {
  const records = [];
  for (let i = 0; i < n; i++) records.push(counters.hit(key, MINUTE, limit, block, at + i));
  return records;
}

describe('SlidingWindowCounters', () => {
  it('lets exactly the limit through in a client’s first window, then blocks it for the block duration', () => {
    const counters = new SlidingWindowCounters();
    const passed = send(counters, 5, 0, 5);
    expect(passed.map((r) => r.isBlocked)).toEqual([false, false, false, false, false]);
    expect(passed.map((r) => r.totalHits)).toEqual([1, 2, 3, 4, 5]);

    const refused = counters.hit('a', MINUTE, 5, MINUTE, 1_000);
    expect(refused).toMatchObject({ isBlocked: true, timeToBlockExpire: 60, timeToExpire: 59 });
    // Still blocked half-way through the block, whatever the count.
    expect(counters.hit('a', MINUTE, 5, MINUTE, 31_000)).toMatchObject({
      isBlocked: true,
      timeToBlockExpire: 30,
    });
  });

  it('starts a client afresh once its block has ended', () => {
    const counters = new SlidingWindowCounters();
    send(counters, 6, 0, 5);
    const after = send(counters, 5, 61_010, 5);
    expect(after.every((r) => !r.isBlocked)).toBe(true);
    expect(after.map((r) => r.totalHits)).toEqual([1, 2, 3, 4, 5]);
    expect(counters.hit('a', MINUTE, 5, MINUTE, 62_000).isBlocked).toBe(true);
  });

  it('weights the previous window by how much of it the sliding window still covers', () => {
    const counters = new SlidingWindowCounters();
    // No block: an over-limit request is refused and not counted.
    send(counters, 10, 0, 10, 0);
    // Half-way through the next window, half of the previous ten still count: five more pass.
    const next = send(counters, 6, MINUTE + 30_000, 10, 0);
    expect(next.map((r) => r.isBlocked)).toEqual([false, false, false, false, false, true]);
    expect(next[5].timeToBlockExpire).toBe(30);
    // Two windows later nothing of them counts.
    expect(counters.hit('a', MINUTE, 10, 0, 3 * MINUTE + 1).totalHits).toBe(1);
  });

  it('counts clients apart', () => {
    const counters = new SlidingWindowCounters();
    send(counters, 6, 0, 5, MINUTE, 'a');
    expect(counters.hit('b', MINUTE, 5, MINUTE, 10)).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('keeps one counter per client however many requests it sends', () => {
    const counters = new SlidingWindowCounters();
    const records = send(counters, 50_000, 0, 1_000_000);
    expect(records[records.length - 1]).toMatchObject({ isBlocked: false, totalHits: 50_000 });
    expect(counters.size).toBe(1);
  });

  it('forgets counters idle for two windows, not those still blocking', () => {
    const counters = new SlidingWindowCounters();
    send(counters, 1, 0, 5, MINUTE, 'idle');
    send(counters, 6, 0, 5, 10 * MINUTE, 'blocked');
    counters.sweep(2 * MINUTE);
    expect(counters.size).toBe(1);
    counters.sweep(10 * MINUTE + 10);
    expect(counters.size).toBe(0);
  });
});
