import { z } from 'zod';
import { MEDIA_TYPES, type MediaType } from '../anilist/types';
import type { ScanStatus, ScanWait } from '../messages/state';
import type { ScanProgress } from '../scan/run-scan';

/**
 * The scan in progress, as the background keeps it in IndexedDB. Chrome stops an idle service
 * worker and may stop a busy one, so everything a scan needs to go on lives in this record (and
 * the list snapshot beside it), never only in the worker's memory.
 */

/** Whose list a scan reads: the logged-in user's own list (`userId` set) or a public list by name. */
export interface ScanTarget {
  userId: number | null;
  userName: string;
}

export const SCAN_TRIGGERS = ['manual', 'alarm', 'login'] as const;
export type ScanTrigger = (typeof SCAN_TRIGGERS)[number];

/** The stored form of a scan's error, with enough to rebuild the AniListError and word it in either language. */
export interface StoredScanError {
  kind: string;
  /** The English message, for logs. */
  message: string;
  status: number | null;
  retryAfterSeconds: number | null;
  operationName: string | null;
  serverMessage: string | null;
  /** For the background's own errors: the catalog key and values of its sentence. */
  messageKey?: string | null;
  messageValues?: Record<string, string | number>;
}

export interface ScanJob {
  /** Random id, new for each scan. The list snapshot is stored under it, so a snapshot of another scan is never used. */
  id: string;
  target: ScanTarget;
  mediaType: MediaType;
  trigger: ScanTrigger;
  state: 'running' | 'paused' | 'failed';
  startedAt: number;
  /** The last time the job was written, in ms since the epoch. */
  updatedAt: number;
  progress: ScanProgress;
  /** AniList requests sent by this scan, summed over every worker that ran it. */
  requestsDone: number;
  /** `requestsDone` when the last progress report came, to estimate what the current round still sends. */
  requestsAtProgress: number;
  estimatedRemainingRequests: number | null;
  wait: ScanWait | null;
  /** Set while paused or failed. */
  error: StoredScanError | null;
  pausedAt: number | null;
  retryAt: number | null;
  /** When the retry alarm fires: `retryAt`, or later when the browser's minimum alarm delay is longer. Absent in older jobs. */
  retryAlarmAt?: number | null;
  /** How many times the scan went on after a stopped worker or a pause. */
  resumes: number;
}

const progressSchema = z.object({
  phase: z.enum(['list', 'relations', 'done']),
  relationsNeeded: z.number().int().nonnegative(),
  relationsFromCache: z.number().int().nonnegative(),
  relationsFetched: z.number().int().nonnegative(),
});

const storedErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  status: z.number().nullable(),
  retryAfterSeconds: z.number().nullable(),
  operationName: z.string().nullable(),
  serverMessage: z.string().nullable(),
  messageKey: z.string().nullish(),
  messageValues: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const scanJobSchema: z.ZodType<ScanJob> = z.object({
  id: z.string().min(1),
  target: z.object({ userId: z.number().int().positive().nullable(), userName: z.string().min(1) }),
  mediaType: z.enum(MEDIA_TYPES),
  trigger: z.enum(SCAN_TRIGGERS),
  state: z.enum(['running', 'paused', 'failed']),
  startedAt: z.number(),
  updatedAt: z.number(),
  progress: progressSchema,
  requestsDone: z.number().int().nonnegative(),
  requestsAtProgress: z.number().int().nonnegative(),
  estimatedRemainingRequests: z.number().int().nonnegative().nullable(),
  wait: z.object({ reason: z.enum(['rate-limit', 'retry']), until: z.number() }).nullable(),
  error: storedErrorSchema.nullable(),
  pausedAt: z.number().nullable(),
  retryAt: z.number().nullable(),
  retryAlarmAt: z.number().nullable().optional(),
  resumes: z.number().int().nonnegative(),
});

export function newJobId(): string {
  return crypto.randomUUID();
}

export function createJob(target: ScanTarget, mediaType: MediaType, trigger: ScanTrigger, now: number): ScanJob {
  return {
    id: newJobId(),
    target: { ...target },
    mediaType,
    trigger,
    state: 'running',
    startedAt: now,
    updatedAt: now,
    progress: { phase: 'list', relationsNeeded: 0, relationsFromCache: 0, relationsFetched: 0 },
    requestsDone: 0,
    requestsAtProgress: 0,
    estimatedRemainingRequests: null,
    wait: null,
    error: null,
    pausedAt: null,
    retryAt: null,
    resumes: 0,
  };
}

/** Returns the job set running again after a stopped worker or a pause, keeping its progress. */
export function resumedJob(job: ScanJob, now: number): ScanJob {
  return {
    ...job, state: 'running', updatedAt: now, wait: null, error: null, pausedAt: null, retryAt: null, retryAlarmAt: null, resumes: job.resumes + 1,
  };
}

/** Tells whether two targets are the same list: the same user id, or the same name ignoring case. */
export function sameTarget(a: ScanTarget, b: ScanTarget): boolean {
  if (a.userId !== null || b.userId !== null) return a.userId === b.userId;
  return a.userName.toLowerCase() === b.userName.toLowerCase();
}

/** Returns the key of a list's results: by user id for the logged-in user, by lower-case name for a typed one. */
export function resultKey(target: ScanTarget, mediaType: MediaType): string {
  return target.userId !== null ? `user:${target.userId}:${mediaType}` : `name:${target.userName.toLowerCase()}:${mediaType}`;
}

/** Builds the protocol's scan status from the stored job; `describe` words a stored error in the user's language. */
export function scanStatusOf(job: ScanJob | null, describe: (error: StoredScanError) => string): ScanStatus {
  if (job === null) return { phase: 'idle' };
  const userName = job.target.userName;

  switch (job.state) {
    case 'running':
      return {
        phase: 'running',
        userName,
        startedAt: job.startedAt,
        progress: { ...job.progress },
        requestsDone: job.requestsDone,
        estimatedRemainingRequests: job.estimatedRemainingRequests,
        wait: job.wait === null ? null : { ...job.wait },
      };
    case 'paused':
      return {
        phase: 'paused',
        userName,
        startedAt: job.startedAt,
        pausedAt: job.pausedAt ?? job.updatedAt,
        retryAt: job.retryAt ?? job.updatedAt,
        retryAlarmAt: job.retryAlarmAt ?? job.retryAt ?? job.updatedAt,
        progress: { ...job.progress },
        requestsDone: job.requestsDone,
        error: storedErrorView(job.error, describe),
      };
    case 'failed':
      return { phase: 'failed', userName, finishedAt: job.updatedAt, error: storedErrorView(job.error, describe) };
  }
}

function storedErrorView(error: StoredScanError | null, describe: (error: StoredScanError) => string): { kind: string; message: string } {
  if (error === null) return { kind: 'unexpected', message: '' };
  return { kind: error.kind, message: describe(error) };
}
