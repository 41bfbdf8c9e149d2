import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEP_ALIVE_INTERVAL_MS, startKeepAlive } from '../../lib/background/keep-alive';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('startKeepAlive', () => {
  it('pings until stopped', async () => {
    vi.useFakeTimers();
    let pings = 0;
    const stop = startKeepAlive(async () => {
      pings += 1;
    });

    await vi.advanceTimersByTimeAsync(3 * KEEP_ALIVE_INTERVAL_MS);
    stop();
    await vi.advanceTimersByTimeAsync(3 * KEEP_ALIVE_INTERVAL_MS);

    expect(pings).toBe(3);
  });

  it('a failing ping is logged', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stop = startKeepAlive(() => Promise.reject(new Error('Extension context invalidated.')));

    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS);
    stop();

    expect(warn).toHaveBeenCalledWith('The keep-alive call failed.', expect.any(Error));
  });

  it('interval is under the 30 s idle limit', () => {
    expect(KEEP_ALIVE_INTERVAL_MS).toBeLessThan(30_000);
  });
});
