import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATE_LIMIT_WAIT_MS, rateLimitWaitMs, readRateLimitHeaders, RequestPacer,
} from '../../lib/anilist/pacing';
import { createFakeClock } from './fake-clock';

function pacerWithClock(options: { requestsPerMinute?: number; burst?: number } = {}) {
  const clock = createFakeClock();
  const pacer = new RequestPacer({ ...options, now: clock.now, sleep: clock.sleep });
  return { clock, pacer };
}

async function acquireTimes(pacer: RequestPacer, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await pacer.acquire();
}

describe('RequestPacer', () => {
  it('default sends 30 per minute after the burst', async () => {
    const { clock, pacer } = pacerWithClock();
    const start = clock.now();
    await acquireTimes(pacer, 33);
    expect(clock.sleeps).toHaveLength(30);
    expect(new Set(clock.sleeps)).toEqual(new Set([2000]));
    expect(clock.now() - start).toBe(60_000);
  });

  it('default burst is three', async () => {
    const { clock, pacer } = pacerWithClock();
    await acquireTimes(pacer, 3);
    expect(clock.sleeps).toEqual([]);
    await pacer.acquire();
    expect(clock.sleeps).toEqual([2000]);
  });

  it('idle time refills only the burst', async () => {
    const { clock, pacer } = pacerWithClock();
    await acquireTimes(pacer, 3);
    clock.advance(10 * 60_000);
    await acquireTimes(pacer, 4);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('configured rate and burst apply', async () => {
    const { clock, pacer } = pacerWithClock({ requestsPerMinute: 90, burst: 1 });
    await acquireTimes(pacer, 3);
    expect(clock.sleeps).toEqual([667, 667]);
  });

  it('rejects a rate that is not positive', () => {
    expect(() => new RequestPacer({ requestsPerMinute: 0 })).toThrow(RangeError);
    expect(() => new RequestPacer({ burst: 0 })).toThrow(RangeError);
  });

  const limitCases: { name: string; headers: Record<string, string>; rate: number }[] = [
    { name: 'lower limit header lowers rate', headers: { 'X-RateLimit-Limit': '20', 'X-RateLimit-Remaining': '19' }, rate: 20 },
    { name: 'higher limit header keeps rate', headers: { 'X-RateLimit-Limit': '90', 'X-RateLimit-Remaining': '89' }, rate: 30 },
    { name: 'no headers keep rate', headers: {}, rate: 30 },
    { name: 'zero limit header is ignored', headers: { 'X-RateLimit-Limit': '0' }, rate: 30 },
  ];
  for (const { name, headers, rate } of limitCases) {
    it(name, async () => {
      const { clock, pacer } = pacerWithClock();
      await acquireTimes(pacer, 3);
      pacer.observe(new Headers(headers));
      expect(pacer.requestsPerMinute).toBe(rate);
      await pacer.acquire();
      expect(clock.sleeps).toEqual([Math.ceil(60_000 / rate)]);
    });
  }

  it('rate rises back to configured ceiling', () => {
    const { pacer } = pacerWithClock();
    pacer.observe(new Headers({ 'X-RateLimit-Limit': '10' }));
    expect(pacer.requestsPerMinute).toBe(10);
    pacer.observe(new Headers({ 'X-RateLimit-Limit': '90' }));
    expect(pacer.requestsPerMinute).toBe(30);
  });

  it('remaining header shrinks the burst', async () => {
    const { clock, pacer } = pacerWithClock();
    pacer.observe(new Headers({ 'X-RateLimit-Limit': '30', 'X-RateLimit-Remaining': '1' }));
    await acquireTimes(pacer, 2);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('zero remaining waits for reset', async () => {
    const { clock, pacer } = pacerWithClock();
    const reset = clock.now() / 1000 + 45;
    pacer.observe(new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) }));
    const waits: { ms: number; blocked: boolean }[] = [];
    await pacer.acquire(undefined, (wait) => waits.push({ ms: wait.ms, blocked: wait.blocked }));
    expect(waits).toEqual([{ ms: 45_000, blocked: true }]);
    expect(clock.now()).toBe(reset * 1000);
  });

  const rateLimitCases: { name: string; headers: (now: number) => Record<string, string>; waitMs: number }[] = [
    { name: '429 waits Retry-After', headers: (now) => ({ 'Retry-After': '7', 'X-RateLimit-Reset': String(now / 1000 + 50) }), waitMs: 7000 },
    { name: '429 waits until reset', headers: (now) => ({ 'X-RateLimit-Reset': String(now / 1000 + 42) }), waitMs: 42_000 },
    { name: '429 without headers waits 60 s', headers: () => ({}), waitMs: 60_000 },
    { name: '429 with past reset waits 1 s', headers: (now) => ({ 'X-RateLimit-Reset': String(now / 1000 - 5) }), waitMs: 1000 },
  ];
  for (const { name, headers, waitMs } of rateLimitCases) {
    it(name, async () => {
      const { clock, pacer } = pacerWithClock();
      const start = clock.now();
      const wait = pacer.blockAfterRateLimit(new Headers(headers(start)));
      expect(wait).toEqual({ ms: waitMs, until: start + waitMs });
      await pacer.acquire();
      expect(clock.sleeps).toEqual([waitMs]);
      // After the block one request goes at once, and the next waits its normal 2 s.
      await pacer.acquire();
      expect(clock.sleeps).toEqual([waitMs, 2000]);
    });
  }

  it('aborted signal stops a wait', async () => {
    const { pacer } = pacerWithClock();
    pacer.blockAfterRateLimit(new Headers());
    const controller = new AbortController();
    controller.abort(new Error('scan cancelled'));
    await expect(pacer.acquire(controller.signal)).rejects.toThrow('scan cancelled');
  });
});

describe('rate-limit headers', () => {
  const now = Date.UTC(2026, 0, 1);

  it('reads every header', () => {
    const headers = new Headers({
      'X-RateLimit-Limit': '90', 'X-RateLimit-Remaining': '59', 'Retry-After': '30', 'X-RateLimit-Reset': '1767225660',
    });
    expect(readRateLimitHeaders(headers, now)).toEqual({
      limit: 90, remaining: 59, retryAfterSeconds: 30, resetAt: 1_767_225_660_000,
    });
  });

  it('ignores unreadable values', () => {
    const headers = new Headers({ 'X-RateLimit-Limit': 'many', 'Retry-After': 'soon' });
    expect(readRateLimitHeaders(headers, now)).toEqual({ limit: null, remaining: null, retryAfterSeconds: null, resetAt: null });
  });

  it('defaults to 60 s', () => {
    expect(rateLimitWaitMs(readRateLimitHeaders(new Headers(), now), now)).toBe(DEFAULT_RATE_LIMIT_WAIT_MS);
    expect(DEFAULT_RATE_LIMIT_WAIT_MS).toBe(60_000);
  });
});
