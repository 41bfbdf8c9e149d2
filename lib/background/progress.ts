import type { ClientEvent } from '../anilist/client';
import { RELATIONS_BATCH_SIZE } from '../anilist/operations';
import type { ScanProgress } from '../scan/run-scan';
import type { ScanJob } from './scan-job';

/**
 * Folds the scan's progress reports and the client's request events into the job, which the
 * popup reads: requests sent, an estimate of the requests left and any wait for AniList.
 */

/**
 * Estimates the requests left in the current round of relation look-ups: the media still to fetch
 * in batches of 50, less the batches sent since the round began. A later round (sequels of the
 * sequels just fetched) cannot be foreseen, so this is a lower bound, and it stays at 1 or more
 * until the scan is done, because a sent batch may still lead to another round. Null while the
 * list is read.
 */
export function estimateRemainingRequests(progress: ScanProgress, requestsSinceProgress: number): number | null {
  if (progress.phase === 'list') return null;
  if (progress.phase === 'done') return 0;
  const pending = Math.max(0, progress.relationsNeeded - progress.relationsFromCache - progress.relationsFetched);
  return Math.max(1, Math.ceil(pending / RELATIONS_BATCH_SIZE) - requestsSinceProgress);
}

export function applyProgress(job: ScanJob, progress: ScanProgress, now: number): ScanJob {
  return {
    ...job,
    updatedAt: now,
    progress: { ...progress },
    requestsAtProgress: job.requestsDone,
    estimatedRemainingRequests: estimateRemainingRequests(progress, 0),
  };
}

export function applyClientEvent(job: ScanJob, event: ClientEvent, now: number): ScanJob {
  switch (event.type) {
    case 'request': {
      const requestsDone = job.requestsDone + 1;
      return {
        ...job,
        updatedAt: now,
        requestsDone,
        wait: null,
        estimatedRemainingRequests: estimateRemainingRequests(job.progress, requestsDone - job.requestsAtProgress),
      };
    }
    case 'response':
      return job;
    case 'wait':
      return { ...job, updatedAt: now, wait: { reason: event.reason, until: event.until } };
  }
}
