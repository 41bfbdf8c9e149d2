import type { Sleep } from '../../lib/anilist/pacing';

export interface FakeClock {
  now: () => number;
  /** Records the wait and moves the clock forward at once, so paced code runs instantly. */
  sleep: Sleep;
  /** Every wait asked for, in ms, in order. */
  sleeps: number[];
  advance(ms: number): void;
}

/** Creates a clock for the client's injected `now` and `sleep`, starting at 2026-01-01T00:00:00Z. */
export function createFakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let time = start;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      time += ms;
    },
    sleeps,
    advance(ms) {
      time += ms;
    },
  };
}
