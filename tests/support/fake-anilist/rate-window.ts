/** AniList's advertised limit, sent in X-RateLimit-Limit. */
export const RATE_LIMIT = 90;

const WINDOW_MS = 60_000;

/**
 * Counts requests over a sliding 60 s window for X-RateLimit-Remaining. It only counts them. The
 * fake never responds with 429 on its own, so a long test run cannot be throttled by accident.
 */
export class RateWindow {
  private readonly times: number[] = [];

  /** Records a request at `now` (ms) and returns the remaining count to report. */
  record(now: number): number {
    this.times.push(now);
    while (this.times.length > 0 && this.times[0]! <= now - WINDOW_MS) this.times.shift();
    return Math.max(RATE_LIMIT - this.times.length, 0);
  }

  clear(): void {
    this.times.length = 0;
  }
}
