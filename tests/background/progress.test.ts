import { describe, expect, it } from 'vitest';
import { applyClientEvent, applyProgress, estimateRemainingRequests } from '../../lib/background/progress';
import { createJob } from '../../lib/background/scan-job';
import type { ScanProgress } from '../../lib/scan/run-scan';

const NOW = Date.UTC(2025, 0, 19, 12);

function progress(phase: ScanProgress['phase'], needed = 0, fromCache = 0, fetched = 0): ScanProgress {
  return { phase, relationsNeeded: needed, relationsFromCache: fromCache, relationsFetched: fetched };
}

describe('estimateRemainingRequests', () => {
  const cases = [
    { name: 'list phase unknown', progress: progress('list'), sent: 0, expected: null },
    { name: 'done is zero', progress: progress('done', 120, 20, 100), sent: 0, expected: 0 },
    { name: 'all from cache, round open', progress: progress('relations', 80, 80), sent: 0, expected: 1 },
    { name: '10 to fetch', progress: progress('relations', 10), sent: 0, expected: 1 },
    { name: '120 to fetch', progress: progress('relations', 120), sent: 0, expected: 3 },
    { name: '120 to fetch, 2 sent', progress: progress('relations', 120), sent: 2, expected: 1 },
    { name: 'more sent than planned', progress: progress('relations', 10), sent: 4, expected: 1 },
    { name: 'batch in flight', progress: progress('relations', 10), sent: 1, expected: 1 },
    { name: '120 to fetch, 3 sent', progress: progress('relations', 120), sent: 3, expected: 1 },
    { name: 'second round', progress: progress('relations', 61, 10, 50), sent: 0, expected: 1 },
  ];

  for (const testCase of cases) {
    it(`estimate: ${testCase.name}`, () => {
      expect(estimateRemainingRequests(testCase.progress, testCase.sent)).toBe(testCase.expected);
    });
  }
});

describe('applyClientEvent', () => {
  const start = createJob({ userId: null, userName: 'Boilerplate' }, 'ANIME', 'manual', NOW);

  it('request counts and clears a wait', () => {
    const waiting = applyClientEvent(start, { type: 'wait', reason: 'rate-limit', seconds: 30, until: NOW + 30_000 }, NOW);
    expect(waiting.wait).toEqual({ reason: 'rate-limit', until: NOW + 30_000 });

    const sent = applyClientEvent(waiting, { type: 'request', operationName: 'UserList', requests: 1 }, NOW + 30_000);

    expect(sent.requestsDone).toBe(1);
    expect(sent.wait).toBeNull();
    expect(sent.updatedAt).toBe(NOW + 30_000);
  });

  it('requests lower the estimate', () => {
    let job = applyProgress(start, progress('relations', 120), NOW);
    expect(job.estimatedRemainingRequests).toBe(3);

    job = applyClientEvent(job, { type: 'request', operationName: 'MediaRelationsBatch', requests: 2 }, NOW);
    job = applyClientEvent(job, { type: 'request', operationName: 'MediaRelationsBatch', requests: 3 }, NOW);

    expect(job.requestsDone).toBe(2);
    expect(job.estimatedRemainingRequests).toBe(1);
  });

  it('sent batch keeps estimate above zero', () => {
    let job = applyClientEvent(start, { type: 'request', operationName: 'UserList', requests: 1 }, NOW);
    job = applyProgress(job, progress('relations', 10), NOW);
    job = applyClientEvent(job, { type: 'request', operationName: 'MediaRelationsBatch', requests: 2 }, NOW);

    expect(job.requestsDone).toBe(2);
    expect(job.progress.relationsFetched).toBe(0);
    expect(job.estimatedRemainingRequests).toBe(1);
  });

  it('response changes nothing', () => {
    expect(applyClientEvent(start, { type: 'response', operationName: 'UserList', status: 200, bytes: 10 }, NOW + 5)).toBe(start);
  });

  it('progress keeps the request count', () => {
    const sent = applyClientEvent(start, { type: 'request', operationName: 'UserList', requests: 1 }, NOW);

    const next = applyProgress(sent, progress('relations', 10), NOW);

    expect(next.requestsDone).toBe(1);
    expect(next.requestsAtProgress).toBe(1);
    expect(next.progress).toEqual(progress('relations', 10));
  });
});
