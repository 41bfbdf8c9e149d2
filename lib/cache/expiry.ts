import type { MediaRelations, MediaStatus } from '../anilist/types';

/**
 * How long a cached relation record stays fresh, in milliseconds, by the status of its media.
 * A media still airing or only announced gains new relations (a sequel announced, a spin-off
 * added) far more often than a finished one, so it is refetched sooner.
 */
export interface CacheLifetimes {
  /** FINISHED and CANCELLED. */
  finishedMs: number;
  /** RELEASING and HIATUS. */
  releasingMs: number;
  /** NOT_YET_RELEASED. */
  announcedMs: number;
  /** A null status, which AniList sends for some media. */
  otherMs: number;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const DEFAULT_CACHE_LIFETIMES: CacheLifetimes = {
  finishedMs: 7 * DAY_MS,
  releasingMs: 6 * HOUR_MS,
  announcedMs: 6 * HOUR_MS,
  otherMs: DAY_MS,
};

/** Returns the lifetime that applies to a media with the given status. */
export function lifetimeForStatus(status: MediaStatus | null, lifetimes: CacheLifetimes = DEFAULT_CACHE_LIFETIMES): number {
  switch (status) {
    case 'FINISHED':
    case 'CANCELLED':
      return lifetimes.finishedMs;
    case 'RELEASING':
    case 'HIATUS':
      return lifetimes.releasingMs;
    case 'NOT_YET_RELEASED':
      return lifetimes.announcedMs;
    case null:
      return lifetimes.otherMs;
  }
}

/**
 * Tells whether a record fetched at `record.fetchedAt` is still fresh at `now` (both ms since the epoch).
 * A record stamped after `now` (a caller that took `now` before fetching, or a clock set back)
 * is fresh only within one lifetime of `now`, so a wrong far-future stamp cannot keep it forever.
 */
export function isFresh(record: MediaRelations, now: number, lifetimes: CacheLifetimes = DEFAULT_CACHE_LIFETIMES): boolean {
  const lifetime = lifetimeForStatus(record.media.status, lifetimes);
  return Math.abs(now - record.fetchedAt) < lifetime;
}
