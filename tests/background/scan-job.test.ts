import { describe, expect, it } from 'vitest';
import {
  createJob, resultKey, resumedJob, type ScanJob, scanJobSchema, scanStatusOf, sameTarget, type StoredScanError,
} from '../../lib/background/scan-job';

const NOW = Date.UTC(2025, 0, 19, 12);
const ERROR: StoredScanError = {
  kind: 'server', message: 'AniList server error (HTTP 500)', status: 500, retryAfterSeconds: null, operationName: 'UserList', serverMessage: null,
};
const describe500 = (error: StoredScanError) => `described ${error.kind}`;

function job(changes: Partial<ScanJob> = {}): ScanJob {
  return { ...createJob({ userId: 5001, userName: 'Boilerplate' }, 'ANIME', 'manual', NOW), ...changes };
}

describe('scanStatusOf', () => {
  it('no job is idle', () => {
    expect(scanStatusOf(null, describe500)).toEqual({ phase: 'idle' });
  });

  it('running job shows progress', () => {
    const running = job({
      requestsDone: 4,
      estimatedRemainingRequests: 2,
      wait: { reason: 'rate-limit', until: NOW + 30_000 },
      progress: { phase: 'relations', relationsNeeded: 120, relationsFromCache: 10, relationsFetched: 50 },
    });

    expect(scanStatusOf(running, describe500)).toEqual({
      phase: 'running',
      userName: 'Boilerplate',
      startedAt: NOW,
      progress: { phase: 'relations', relationsNeeded: 120, relationsFromCache: 10, relationsFetched: 50 },
      requestsDone: 4,
      estimatedRemainingRequests: 2,
      wait: { reason: 'rate-limit', until: NOW + 30_000 },
    });
  });

  it('paused job shows reason and retry', () => {
    const paused = job({ state: 'paused', error: ERROR, pausedAt: NOW + 5, retryAt: NOW + 600_000, requestsDone: 3 });

    expect(scanStatusOf(paused, describe500)).toMatchObject({
      phase: 'paused',
      pausedAt: NOW + 5,
      retryAt: NOW + 600_000,
      requestsDone: 3,
      error: { kind: 'server', message: 'described server' },
    });
  });

  it('failed job shows reason', () => {
    const failed = job({ state: 'failed', error: { ...ERROR, kind: 'not-found' }, updatedAt: NOW + 9 });

    expect(scanStatusOf(failed, describe500)).toEqual({
      phase: 'failed', userName: 'Boilerplate', finishedAt: NOW + 9, error: { kind: 'not-found', message: 'described not-found' },
    });
  });
});

describe('scan job', () => {
  it('new job passes its schema', () => {
    expect(scanJobSchema.safeParse(job()).success).toBe(true);
  });

  it('job ids differ', () => {
    expect(job().id).not.toBe(job().id);
  });

  it('resume keeps progress and counts', () => {
    const paused = job({ state: 'paused', error: ERROR, pausedAt: NOW, retryAt: NOW + 1, requestsDone: 7, resumes: 1 });

    const resumed = resumedJob(paused, NOW + 100);

    expect(resumed).toMatchObject({ state: 'running', error: null, pausedAt: null, retryAt: null, requestsDone: 7, resumes: 2, updatedAt: NOW + 100 });
    expect(resumed.id).toBe(paused.id);
  });
});

describe('sameTarget', () => {
  const cases = [
    { name: 'same id, other name', a: { userId: 1, userName: 'Old' }, b: { userId: 1, userName: 'New' }, expected: true },
    { name: 'other ids', a: { userId: 1, userName: 'Same' }, b: { userId: 2, userName: 'Same' }, expected: false },
    { name: 'names differing in case', a: { userId: null, userName: 'Josh' }, b: { userId: null, userName: 'josh' }, expected: true },
    { name: 'other names', a: { userId: null, userName: 'Josh' }, b: { userId: null, userName: 'Jon' }, expected: false },
    { name: 'own list and typed name', a: { userId: 1, userName: 'Josh' }, b: { userId: null, userName: 'Josh' }, expected: false },
  ];

  for (const { name, a, b, expected } of cases) {
    it(`targets: ${name}`, () => {
      expect(sameTarget(a, b)).toBe(expected);
      expect(sameTarget(b, a)).toBe(expected);
    });
  }
});

describe('resultKey', () => {
  it.each([
    { target: { userId: 5001, userName: 'Boilerplate' }, type: 'ANIME' as const, expected: 'user:5001:ANIME' },
    { target: { userId: null, userName: 'BoilerPlate' }, type: 'MANGA' as const, expected: 'name:boilerplate:MANGA' },
  ])('key of $target.userName', ({ target, type, expected }) => {
    expect(resultKey(target, type)).toBe(expected);
  });
});
