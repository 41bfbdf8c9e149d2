import { SerialQueue } from '../settings/storage-areas';
import { clearRetry, scheduleRetry, startWatchdog, stopWatchdog } from './alarms';
import { BackgroundError } from './errors';
import { decideOnFailure, type FailureDecision, storedErrorOf } from './failure';
import { applyClientEvent } from './progress';
import {
  createJob, resumedJob, sameTarget, type ScanJob, type ScanTarget, type ScanTrigger,
} from './scan-job';
import type { ScanRunnerDeps } from './scan-deps';
import { executeScan } from './scan-execution';

export type { BackgroundScanClient, FinishedScan, ScanClientOptions, ScanRunnerDeps } from './scan-deps';

/**
 * Runs the background's scan job: one at a time, persisted as it goes, resumed after a stopped
 * worker or a pause. The worker's memory holds only the handle of the run in progress; the job
 * in IndexedDB is what a new worker reads to carry on.
 */

interface LiveRun {
  jobId: string;
  controller: AbortController;
  finished: Promise<void>;
}

export class ScanRunner {
  private live: LiveRun | null = null;
  /** A scan outside the job (another user's list for a page panel) that the job waits for. */
  private detached: Promise<unknown> | null = null;
  private readonly queue = new SerialQueue();
  private readonly deps: ScanRunnerDeps;

  constructor(deps: ScanRunnerDeps) {
    this.deps = deps;
  }

  /** True while a scan job runs in this worker. */
  isRunning(): boolean {
    return this.live !== null;
  }

  /**
   * Starts a scan of `target`, or carries on a paused or interrupted scan of the same list.
   * Returns `started: false` when that list is being scanned already. Another running scan is
   * replaced when `replace` is set (after a login) and is otherwise an error.
   */
  start(target: ScanTarget, mediaType: ScanJob['mediaType'], trigger: ScanTrigger, replace = false): Promise<{ started: boolean }> {
    return this.queue.run(async () => {
      const now = this.deps.now();
      const job = await this.deps.store.getJob();
      const sameList = job !== null && sameTarget(job.target, target) && job.mediaType === mediaType;

      if (this.live !== null) {
        if (sameList && job.state === 'running') return { started: false };
        if (!replace) throw new BackgroundError('scanBusy');
        await this.stopLive();
      }

      await clearRetry(this.deps.alarms);
      if (sameList && job.state !== 'failed') {
        // A manual start of a paused check must walk the relations, so it counts as manual from now on.
        const resumed = { ...resumedJob(job, now), trigger: trigger === 'alarm' ? job.trigger : trigger };
        await this.deps.store.putJob(resumed);
        this.launch(resumed);
        return { started: true };
      }

      const fresh = createJob(target, mediaType, trigger, now);
      await this.deps.store.deleteJob();
      await this.deps.store.putJob(fresh);
      this.launch(fresh);
      return { started: true };
    });
  }

  /**
   * Carries on the stored job when no run is live: a `running` one (its worker was stopped), and
   * with `includePaused` a paused one too. Returns whether a run started.
   */
  resume(includePaused: boolean): Promise<boolean> {
    return this.queue.run(async () => {
      if (this.live !== null) return false;
      const job = await this.deps.store.getJob();
      const resumable = job !== null && (job.state === 'running' || (includePaused && job.state === 'paused'));
      if (!resumable) {
        if (job?.state !== 'running') await stopWatchdog(this.deps.alarms);
        return false;
      }

      console.info(`Resuming the ${job.state} scan of ${job.target.userName} (${job.mediaType}), resume ${job.resumes + 1}.`);
      await clearRetry(this.deps.alarms);
      const resumed = resumedJob(job, this.deps.now());
      await this.deps.store.putJob(resumed);
      this.launch(resumed);
      return true;
    });
  }

  /** Stops and deletes the scan job, running or paused. Returns false when there was none to cancel. */
  cancel(onlyTarget?: (target: ScanTarget) => boolean): Promise<boolean> {
    return this.queue.run(async () => {
      const job = await this.deps.store.getJob();
      if (job === null || (onlyTarget !== undefined && !onlyTarget(job.target))) return false;

      await this.stopLive();
      await this.deps.store.deleteJob();
      await clearRetry(this.deps.alarms);
      await stopWatchdog(this.deps.alarms);
      this.deps.onChanged();
      return job.state !== 'failed';
    });
  }

  /**
   * Runs a scan that is not the job, such as another user's list for a page panel. It is refused
   * while the job runs, and a job started meanwhile waits for it, so one scan talks to AniList at a time.
   */
  runDetached<T>(task: () => Promise<T>): Promise<T> {
    if (this.live !== null) return Promise.reject(new BackgroundError('scanBusy'));
    const run = (this.detached ?? Promise.resolve()).catch(() => undefined).then(task);
    this.detached = run;
    const forget = () => {
      if (this.detached === run) this.detached = null;
    };
    run.then(forget, forget);
    return run;
  }

  /** Waits until the live run, if any, has finished; for tests and the end of a worker's work. */
  async idle(): Promise<void> {
    while (this.live !== null) await this.live.finished;
  }

  private launch(job: ScanJob): void {
    const controller = new AbortController();
    const finished = this.run(job, controller.signal)
      .catch((error: unknown) => console.error(`The scan of ${job.target.userName} stopped on an error it could not store.`, error))
      .finally(() => {
        if (this.live?.jobId === job.id) this.live = null;
      });
    this.live = { jobId: job.id, controller, finished };
    this.deps.onChanged();
  }

  private async stopLive(): Promise<void> {
    const live = this.live;
    if (live === null) return;
    live.controller.abort(new DOMException('The scan was cancelled.', 'AbortError'));
    await live.finished;
  }

  private async run(initial: ScanJob, signal: AbortSignal): Promise<void> {
    const { store, alarms } = this.deps;
    const stopKeepAlive = this.deps.keepAlive();
    const writes = new SerialQueue();
    let job = initial;

    // Writes go through one queue in order, and none is made once the run was cancelled, so a
    // late progress write cannot bring back a job that `cancel` deleted.
    const update = (change: (current: ScanJob) => ScanJob): void => {
      job = change(job);
      const snapshot = job;
      void writes
        .run(async () => {
          if (signal.aborted) return;
          await store.putJob(snapshot);
          this.deps.onChanged();
        })
        .catch((error: unknown) => console.warn('Saving the scan progress failed; the scan goes on.', error));
    };

    let decision: FailureDecision | null = null;
    try {
      await startWatchdog(alarms);
      await this.detached?.catch(() => undefined);
      const finished = await executeScan(initial, {
        ...this.deps,
        signal,
        current: () => job,
        update,
        onClientEvent: (event) => update((current) => applyClientEvent(current, event, this.deps.now())),
      });
      await writes.run(async () => undefined);
      if (signal.aborted) return;

      await store.putResult(finished.result);
      await store.deleteJob();
      await stopWatchdog(alarms);
      console.info(
        `The scan of ${job.target.userName} (${job.mediaType}) finished with ${finished.result.missing.length} missing sequels ` +
          `after ${job.requestsDone} requests${finished.skippedRelations ? ', the list unchanged' : ''}.`,
      );
      this.deps.onChanged();
      // The results are stored: a failure from here on (a notification, a Planning add) must not fail the scan.
      await this.deps.onFinished({ ...finished, job }).catch((error: unknown) => {
        console.error(`The work after the scan of ${job.target.userName} failed.`, error);
      });
    } catch (error) {
      await writes.run(async () => undefined);
      if (signal.aborted) return;
      decision = decideOnFailure(error, this.deps.now());
      await this.storeFailure(job, error, decision);
    } finally {
      stopKeepAlive();
    }

    if (decision?.action === 'logout') await this.deps.onInvalidToken();
  }

  private async storeFailure(job: ScanJob, error: unknown, decision: FailureDecision): Promise<void> {
    const { store, alarms } = this.deps;
    const now = this.deps.now();
    const stored = storedErrorOf(error);
    console.warn(`The scan of ${job.target.userName} (${job.mediaType}) stopped: ${decision.action}.`, error);

    await stopWatchdog(alarms);
    if (decision.action === 'pause') {
      const retryAlarmAt = await scheduleRetry(alarms, decision.retryAt, now);
      await store.putJob({
        ...job, state: 'paused', updatedAt: now, wait: null, error: stored, pausedAt: now, retryAt: decision.retryAt, retryAlarmAt,
      });
    } else if (decision.action === 'fail') {
      // The list snapshot goes: a failed scan starts over with a fresh read.
      await store.deleteJob();
      await store.putJob({ ...job, state: 'failed', updatedAt: now, wait: null, error: stored });
    } else {
      await store.deleteJob();
    }
    this.deps.onChanged();
  }
}
