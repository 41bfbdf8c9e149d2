import { ignoredIds } from '../ignored/store';
import type { ScanSummary } from '../messages/state';
import { runScan } from '../scan/run-scan';
import { toFinderSettings } from '../settings/schema';
import type { BackgroundContext } from './context';
import { finderSettingsKey, listFingerprint } from './fingerprint';
import { type StoredResult, summaryOf } from './results';
import { resultKey, type ScanTarget } from './scan-job';

/**
 * Results of another user's list younger than this are returned without a new scan, so a page
 * panel opened on several pages of one profile sends the list requests once.
 */
export const OTHER_USER_RESULT_MAX_AGE_MS = 10 * 60 * 1000;

/**
 * Scans another user's public list for the page panel on their AniList profile and returns the
 * summary. It runs beside the job (see ScanRunner.runDetached), reads the list without a token
 * and keeps the result, so the next request within ten minutes is served from storage.
 */
export async function scanOtherUser(context: BackgroundContext, userName: string): Promise<ScanSummary> {
  const settings = await context.loadSettings();
  const session = await context.loadSession();
  const finderSettings = toFinderSettings(settings, session?.viewer ?? null);
  const target: ScanTarget = { userId: null, userName };
  // A key of their own, so a page's scan never replaces the result of the list the extension
  // follows, against which the next periodic check finds what is new.
  const key = `other:${resultKey(target, settings.mediaType)}`;

  const cached = await context.store.getResult(key);
  const fresh = cached !== null
    && context.now() - cached.finishedAt < OTHER_USER_RESULT_MAX_AGE_MS
    && cached.settingsKey === finderSettingsKey(finderSettings);
  if (fresh) return summaryOf(cached, await ignoredIds());

  const result = await context.runner.runDetached(async () => {
    await context.ensureReferer();
    const client = context.createClient({ token: null });
    const relations = await context.openRelationStore(settings.cacheLifetimes);
    try {
      const outcome = await runScan({ user: { name: userName }, settings: finderSettings, client, store: relations, now: context.now });
      const finishedAt = context.now();
      const stored: StoredResult = {
        key,
        target: { userId: null, userName: outcome.list.user.name || userName },
        mediaType: settings.mediaType,
        finishedAt,
        relationsCheckedAt: finishedAt,
        missing: outcome.result.missing,
        listStatuses: outcome.list.entries.map((entry): [number, typeof entry.status] => [entry.mediaId, entry.status]),
        fingerprint: await listFingerprint(outcome.list, finderSettings),
        settingsKey: finderSettingsKey(finderSettings),
        sourceStatuses: [...finderSettings.sourceStatuses],
      };
      await context.store.putResult(stored);
      return stored;
    } finally {
      await relations.close();
    }
  });
  return summaryOf(result, await ignoredIds());
}
