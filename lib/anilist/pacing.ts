/**
 * Client-side rate limiting for AniList. AniList's API docs (rate-limiting guide) give 90 requests
 * per minute, degraded to 30, plus a burst limiter, and the `X-RateLimit-*` headers still report 90
 * while degraded. So the configured rate is a ceiling that headers may lower but never raise.
 */

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RateLimitWait {
  /** Milliseconds to wait. */
  ms: number;
  /** The clock time (ms since the epoch) the wait ends. */
  until: number;
}

export interface RateLimitHeaders {
  limit: number | null;
  remaining: number | null;
  /** `Retry-After` in seconds. */
  retryAfterSeconds: number | null;
  /** `X-RateLimit-Reset` as ms since the epoch. */
  resetAt: number | null;
}

/** A 429 without `Retry-After` or `X-RateLimit-Reset` waits this long: AniList counts per minute. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

export const DEFAULT_REQUESTS_PER_MINUTE = 30;
export const DEFAULT_BURST = 3;

/** Sleeps on a real timer; rejects with the signal's reason when it aborts. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function readNumber(headers: Headers, name: string): number | null {
  const text = headers.get(name);
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Reads AniList's rate-limit headers. `Retry-After` may also be an HTTP date (RFC 9110). */
export function readRateLimitHeaders(headers: Headers, now: number): RateLimitHeaders {
  let retryAfterSeconds = readNumber(headers, 'retry-after');
  const retryAfterText = headers.get('retry-after');
  if (retryAfterSeconds === null && retryAfterText) {
    const date = Date.parse(retryAfterText);
    if (!Number.isNaN(date)) retryAfterSeconds = Math.max(0, Math.ceil((date - now) / 1000));
  }
  const reset = readNumber(headers, 'x-ratelimit-reset');
  return {
    limit: readNumber(headers, 'x-ratelimit-limit'),
    remaining: readNumber(headers, 'x-ratelimit-remaining'),
    retryAfterSeconds,
    resetAt: reset === null ? null : reset * 1000,
  };
}

/** Returns the ms to wait after a 429: `Retry-After`, else until `X-RateLimit-Reset`, else 60 s. At least 1 s. */
export function rateLimitWaitMs(headers: RateLimitHeaders, now: number): number {
  if (headers.retryAfterSeconds !== null) return Math.max(1000, headers.retryAfterSeconds * 1000);
  if (headers.resetAt !== null) return Math.max(1000, headers.resetAt - now);
  return DEFAULT_RATE_LIMIT_WAIT_MS;
}

export interface PacerOptions {
  requestsPerMinute?: number;
  burst?: number;
  now?: () => number;
  sleep?: Sleep;
}

/** A token bucket of `burst` requests that refills at the current rate. */
export class RequestPacer {
  readonly configuredPerMinute: number;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private perMinute: number;
  private tokens: number;
  private refilledAt: number;
  /** No request may start before this clock time (ms), set by a 429 or an exhausted window. */
  private blockedUntil = 0;

  constructor(options: PacerOptions = {}) {
    this.configuredPerMinute = options.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE;
    this.burst = options.burst ?? DEFAULT_BURST;
    if (!(this.configuredPerMinute > 0)) throw new RangeError(`requestsPerMinute must be positive, got ${this.configuredPerMinute}`);
    if (!(this.burst >= 1)) throw new RangeError(`burst must be at least 1, got ${this.burst}`);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.perMinute = this.configuredPerMinute;
    this.tokens = this.burst;
    this.refilledAt = this.now();
  }

  /** The rate in force now, in requests per minute. */
  get requestsPerMinute(): number {
    return this.perMinute;
  }

  /**
   * Waits until a request may start and takes its token. `onWait` hears of each wait before it
   * starts; `blocked` is true for waits set by a 429 or an exhausted window, false for pacing.
   */
  async acquire(signal?: AbortSignal, onWait?: (wait: RateLimitWait & { blocked: boolean }) => void): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.now();
      this.refill(now);
      let waitMs = Math.max(0, this.blockedUntil - now);
      if (waitMs === 0 && this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const blocked = waitMs > 0;
      if (!blocked) waitMs = Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute);
      onWait?.({ ms: waitMs, until: now + waitMs, blocked });
      await this.sleep(waitMs, signal);
    }
  }

  /**
   * Lowers the pace from a response's headers: the rate to `X-RateLimit-Limit` when that is lower
   * than the configured rate, and the bucket to `X-RateLimit-Remaining`. When none remain, requests
   * wait for `X-RateLimit-Reset`.
   */
  observe(headers: Headers): void {
    const now = this.now();
    this.refill(now);
    const limits = readRateLimitHeaders(headers, now);
    this.perMinute = limits.limit !== null && limits.limit > 0
      ? Math.min(this.configuredPerMinute, limits.limit)
      : this.configuredPerMinute;
    if (limits.remaining === null) return;
    this.tokens = Math.min(this.tokens, Math.max(0, limits.remaining));
    if (limits.remaining <= 0 && limits.resetAt !== null) this.blockedUntil = Math.max(this.blockedUntil, limits.resetAt);
  }

  /** Blocks every request after a 429 for the time its headers ask for, and returns that wait. */
  blockAfterRateLimit(headers: Headers): RateLimitWait {
    const now = this.now();
    const ms = rateLimitWaitMs(readRateLimitHeaders(headers, now), now);
    const until = now + ms;
    this.blockedUntil = Math.max(this.blockedUntil, until);
    // One request may go when the block ends; the bucket refills from then on.
    this.tokens = 1;
    this.refilledAt = this.blockedUntil;
    return { ms, until };
  }

  private refill(now: number): void {
    const elapsed = now - this.refilledAt;
    if (elapsed <= 0) return;
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perMinute) / 60_000);
    this.refilledAt = now;
  }
}
