import type { ScanStatus } from '../messages/state';

type ActiveScan = Extract<ScanStatus, { phase: 'running' | 'paused' }>;

/**
 * The share of a scan that is done, from 0 to 1, or null while it cannot be told (the list is
 * still being read). The background's request estimate is used when it has one, and otherwise
 * the relation look-ups done against those needed so far.
 */
export function progressFraction(scan: ActiveScan): number | null {
  const { progress } = scan;
  if (progress.phase === 'done') return 1;
  if (progress.phase === 'list') return null;
  if (scan.phase === 'running' && scan.estimatedRemainingRequests !== null) {
    const total = scan.requestsDone + scan.estimatedRemainingRequests;
    return total === 0 ? null : Math.min(1, scan.requestsDone / total);
  }
  if (progress.relationsNeeded === 0) return null;
  const done = progress.relationsFromCache + progress.relationsFetched;
  return Math.min(1, done / progress.relationsNeeded);
}

/** Whole seconds left until `until`, never below 0; rounded up so "0 s" shows only once the wait is over. */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}
