// Rate-limit counts in memory at a constant cost per request. The throttler's own storage keeps the expiry of
// every hit in an array per client and filters the whole array on each request, so a client allowed N
// requests per window paid O(N) per request: a portal sending 900 requests/s under a limit of a million
// a minute made the engine's CPU per request grow by half within one window (the benchmark's HTTP runs).
// No kept package offers an in-memory alternative (the others are Redis adapters), hence this one.
//
// The sliding-window counter: one count for the current fixed window and one for the window before it; the
// previous count is weighted by the share of it that the sliding window still covers. Exact within a
// client's first window (and after a block ends); after it, off by at most the previous window's count.
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

/** What the throttler guard reads back: its ThrottlerStorageRecord. */
export interface RateLimitRecord {
  readonly totalHits: number;
  /** Seconds until the current window ends (X-RateLimit-Reset). */
  readonly timeToExpire: number;
  readonly isBlocked: boolean;
  /** Seconds until a blocked client may send again (Retry-After). */
  readonly timeToBlockExpire: number;
}

interface Counter {
  windowStart: number;
  current: number;
  previous: number;
  blockedUntil: number;
  /** The window length it was last counted with, to forget it once idle for two of them. */
  ttl: number;
}

/** How often counters idle for two windows are forgotten. */
const SWEEP_INTERVAL_MS = 60_000;

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/** The counting rule alone, over explicit instants (tested without timers). */
export class SlidingWindowCounters {
  private readonly counters = new Map<string, Counter>();

  get size(): number {
    return this.counters.size;
  }

  /**
   * Counts a request of `key` at `now` unless it is refused. Over `limit` in the sliding window of `ttl`
   * ms, the request is refused; with `blockDuration` > 0 the client is then refused for that long, as the
   * throttler's own storage does.
   */
  hit(key: string, ttl: number, limit: number, blockDuration: number, now: number): RateLimitRecord {
    const counter = this.roll(key, ttl, now);
    const windowEnd = counter.windowStart + ttl;
    if (counter.blockedUntil > now) {
      return {
        totalHits: this.estimate(counter, ttl, now),
        timeToExpire: seconds(windowEnd - now),
        isBlocked: true,
        timeToBlockExpire: seconds(counter.blockedUntil - now),
      };
    }
    counter.current += 1;
    const totalHits = this.estimate(counter, ttl, now);
    let isBlocked = false;
    let blockedFor = 0;
    if (totalHits > limit) {
      isBlocked = true;
      if (blockDuration > 0) {
        counter.blockedUntil = now + blockDuration;
        blockedFor = blockDuration;
      } else {
        // Refused and not counted: the client is back once the window has slid far enough.
        counter.current -= 1;
        blockedFor = windowEnd - now;
      }
    }
    return {
      totalHits,
      timeToExpire: seconds(windowEnd - now),
      isBlocked,
      timeToBlockExpire: seconds(blockedFor),
    };
  }

  /** Forgets the counters that have counted nothing for two of their windows and are not blocking. */
  sweep(now: number): void {
    for (const [key, c] of this.counters)
      if (c.windowStart + 2 * c.ttl <= now && c.blockedUntil <= now) this.counters.delete(key);
  }

  clear(): void {
    this.counters.clear();
  }

  private roll(key: string, ttl: number, now: number): Counter {
    let counter = this.counters.get(key);
    if (counter === undefined || counter.ttl !== ttl) {
      counter = { windowStart: now, current: 0, previous: 0, blockedUntil: 0, ttl };
      this.counters.set(key, counter);
      return counter;
    }
    if (counter.blockedUntil !== 0 && counter.blockedUntil <= now) {
      // A block that ended starts the client afresh, as the throttler's own storage does; else the hits
      // before the block would still count against it and block it again at once.
      Object.assign(counter, { windowStart: now, current: 0, previous: 0, blockedUntil: 0 });
      return counter;
    }
    const elapsed = now - counter.windowStart;
    if (elapsed >= ttl) {
      const windows = Math.floor(elapsed / ttl);
      counter.previous = windows === 1 ? counter.current : 0;
      counter.current = 0;
      counter.windowStart += windows * ttl;
    }
    return counter;
  }

  private estimate(counter: Counter, ttl: number, now: number): number {
    const overlap = 1 - (now - counter.windowStart) / ttl;
    return Math.ceil(counter.previous * overlap + counter.current);
  }
}

@Injectable()
export class SlidingWindowThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly counters = new SlidingWindowCounters();
  private readonly sweeper = setInterval(() => this.counters.sweep(Date.now()), SWEEP_INTERVAL_MS);

  constructor() {
    this.sweeper.unref();
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<RateLimitRecord> {
    return Promise.resolve(
      this.counters.hit(`${throttlerName}:${key}`, ttl, limit, blockDuration, Date.now()),
    );
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
    this.counters.clear();
  }
}
