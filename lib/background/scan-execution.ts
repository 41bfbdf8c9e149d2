import type { ClientEvent } from '../anilist/client';
import type { UserList } from '../anilist/types';
import { runScan } from '../scan/run-scan';
import { toFinderSettings } from '../settings/schema';
import { BackgroundError } from './errors';
import { LONG_RATE_LIMIT_WAIT_MS, longRateLimitError } from './failure';
import { finderSettingsKey, listFingerprint } from './fingerprint';
import { applyProgress } from './progress';
import type { StoredResult } from './results';
import { resultKey, type ScanJob } from './scan-job';
import type { FinishedScan, ScanRunnerDeps } from './scan-deps';

const HOUR_MS = 60 * 60 * 1000;

/**
 * A list read longer ago than this is read again when its scan resumes, because the user may
 * have changed it since. Younger ones are used as stored, so a resumed scan sends no list request.
 */
export const LIST_SNAPSHOT_MAX_AGE_MS = 6 * HOUR_MS;

/**
 * A periodic check that finds the list unchanged skips the relations only while the last walk is
 * younger than this. Relations change without the list changing (a sequel gets announced), so
 * the walk still runs once a day, and the relation cache keeps it to the records that expired.
 */
export const RELATIONS_RECHECK_MS = 24 * HOUR_MS;

export interface ExecutionContext extends ScanRunnerDeps {
  signal: AbortSignal;
  /** The job as last updated. */
  current(): ScanJob;
  update(change: (job: ScanJob) => ScanJob): void;
  onClientEvent(event: ClientEvent): void;
}

/**
 * Runs one scan job to its result: the viewer refreshed (own list), the list read or taken from
 * the snapshot, then the relation walk unless a periodic check finds the list unchanged.
 * Throws what the client throws; the runner decides between pause, failure and logout.
 */
export async function executeScan(job: ScanJob, context: ExecutionContext): Promise<Omit<FinishedScan, 'job'>> {
  const { store, now } = context;
  await context.ensureReferer();
  const settings = await context.loadSettings();
  const session = await context.loadSession();

  const longWait = new AbortController();
  const own = job.target.userId !== null;
  if (own && (session === null || session.viewer.id !== job.target.userId)) throw new BackgroundError('loginRequired');
  const client = context.createClient({
    token: own ? session?.token ?? null : null,
    signal: AbortSignal.any([context.signal, longWait.signal]),
    onEvent: (event) => {
      context.onClientEvent(event);
      // A long rate-limit wait stops the client with a rate-limit error, so the runner pauses until AniList's time.
      if (event.type === 'wait' && event.reason === 'rate-limit' && event.until - now() > LONG_RATE_LIMIT_WAIT_MS) {
        longWait.abort(longRateLimitError(event.until - now()));
      }
    },
  });

  let viewer = own ? session?.viewer ?? null : null;
  if (own && session !== null && job.progress.phase === 'list' && job.trigger !== 'login') {
    // The viewer's options (title language, adult content, score format) may have changed on
    // AniList since the login, which has just read them.
    viewer = await client.fetchViewer();
    await context.saveSession({ ...session, viewer });
  }

  const finderSettings = toFinderSettings({ ...settings, mediaType: job.mediaType }, viewer);
  const user = own ? { id: job.target.userId as number } : { name: job.target.userName };
  const list = await readList(job, context, () => client.fetchUserList(user, job.mediaType));

  const key = resultKey(job.target, job.mediaType);
  const previous = await store.getResult(key);
  const fingerprint = await listFingerprint(list, finderSettings);
  const base = {
    key,
    target: { ...context.current().target },
    mediaType: job.mediaType,
    listStatuses: list.entries.map((entry): [number, typeof entry.status] => [entry.mediaId, entry.status]),
    fingerprint,
    settingsKey: finderSettingsKey(finderSettings),
    sourceStatuses: [...finderSettings.sourceStatuses],
  };

  const unchanged = previous !== null && previous.fingerprint === fingerprint && now() - previous.relationsCheckedAt < RELATIONS_RECHECK_MS;
  if (job.trigger === 'alarm' && unchanged) {
    const result: StoredResult = { ...base, missing: previous.missing, finishedAt: now(), relationsCheckedAt: previous.relationsCheckedAt };
    context.update((current) => applyProgress(current, { ...current.progress, phase: 'done' }, now()));
    return { previous, result, list, skippedRelations: true };
  }

  const relations = await context.openRelationStore(settings.cacheLifetimes);
  try {
    const outcome = await runScan({
      user,
      settings: finderSettings,
      client,
      store: relations,
      resumeList: list,
      onProgress: (progress) => context.update((current) => applyProgress(current, progress, now())),
      now,
    });
    const finishedAt = now();
    const result: StoredResult = { ...base, missing: outcome.result.missing, finishedAt, relationsCheckedAt: finishedAt };
    return { previous, result, list, skippedRelations: false };
  } finally {
    await relations.close();
  }
}

/** Returns the job's stored list when it is recent enough, and otherwise reads it and stores it for a resume. */
async function readList(job: ScanJob, context: ExecutionContext, fetchList: () => Promise<UserList>): Promise<UserList> {
  const { store, now } = context;
  const snapshot = await store.getListSnapshot(job.id);
  if (snapshot !== null && now() - snapshot.savedAt < LIST_SNAPSHOT_MAX_AGE_MS) return snapshot.list;

  const list = await fetchList();
  await store.putListSnapshot(job.id, list, now());
  const canonicalName = list.user.name.trim();
  if (canonicalName !== '' && canonicalName !== job.target.userName) {
    context.update((current) => ({ ...current, target: { ...current.target, userName: canonicalName } }));
  }
  if (job.target.userId === null && canonicalName !== '') await context.onUserFound(job.target, canonicalName);
  return list;
}
