import { AniListError } from '../anilist/errors';
import type { MediaListStatus, MediaType } from '../anilist/types';
import type { AddToPlanningResult } from '../messages/state';
import type { BackgroundContext } from './context';
import { BackgroundError, describeBackgroundError } from './errors';
import { markOnList, resultMentions, type StoredResult, undoMarkOnList } from './results';
import { resultKeysOf } from './targets';

/** Returns AniList's name of a list status, which stays in English in every language, as on the site. */
export function listStatusName(status: MediaListStatus, mediaType: MediaType): string {
  switch (status) {
    case 'CURRENT':
      return mediaType === 'MANGA' ? 'Reading' : 'Watching';
    case 'REPEATING':
      return mediaType === 'MANGA' ? 'Rereading' : 'Rewatching';
    case 'PLANNING':
      return 'Planning';
    case 'COMPLETED':
      return 'Completed';
    case 'DROPPED':
      return 'Dropped';
    case 'PAUSED':
      return 'Paused';
  }
}

/**
 * Adds media to the logged-in user's Planning list. The stored results show the change at once;
 * the media AniList then rejects are put back as they were. A media the last scan saw on the list
 * in another status is left alone, because SaveMediaListEntry would move it to Planning.
 * An "Invalid token" response stops the adds and logs out.
 * NOTE: a scan that read the list before the add and finishes after it stores the media as
 * missing again, until the next scan reads the list with the new entry.
 */
export async function addToPlanning(
  context: BackgroundContext,
  mediaIds: readonly number[],
  options: { onlyMissing?: boolean } = {},
): Promise<AddToPlanningResult> {
  const session = await context.loadSession();
  if (session === null) throw new BackgroundError('loginRequired');
  const settings = await context.loadSettings();
  const locale = await context.locale(settings);
  const keys = resultKeysOf({ userId: session.viewer.id, userName: session.viewer.name });
  const currentKey = keys[settings.mediaType];

  const before = new Map<string, StoredResult>();
  for (const key of Object.values(keys)) {
    const result = await context.store.getResult(key);
    if (result !== null) before.set(key, result);
  }

  const failed: AddToPlanningResult['failed'] = [];
  const toAdd: number[] = [];
  // A page on anilist.co may only add what the extension showed it as missing, so a forged request
  // cannot move an entry that is, or was never scanned as, on the list.
  const missingIds = new Set([...before.values()].flatMap((result) => result.missing.map((sequel) => sequel.media.id)));
  for (const mediaId of mediaIds) {
    const onList = onListStatus(before, mediaId);
    if (options.onlyMissing && !missingIds.has(mediaId)) {
      failed.push({ mediaId, message: describeBackgroundError(new BackgroundError('notMissing'), locale) });
    } else if (onList !== null && onList.status !== 'PLANNING') {
      const status = listStatusName(onList.status, onList.mediaType);
      failed.push({ mediaId, message: describeBackgroundError(new BackgroundError('alreadyOnList', { status }), locale) });
    } else {
      toAdd.push(mediaId);
    }
  }

  await markEverywhere(context, before, currentKey, toAdd, (result, ids) => markOnList(result, ids, 'PLANNING'));
  context.refresh();

  const added: number[] = [];
  const rejected: number[] = [];
  let invalidToken = false;
  const client = context.createClient({ token: session.token });
  await context.ensureReferer();
  for (const mediaId of toAdd) {
    if (invalidToken) {
      rejected.push(mediaId);
      continue;
    }
    try {
      await client.saveToPlanning(mediaId);
      added.push(mediaId);
    } catch (error) {
      console.warn(`Adding media ${mediaId} to Planning failed.`, error);
      invalidToken = error instanceof AniListError && error.kind === 'invalid-token';
      rejected.push(mediaId);
      failed.push({ mediaId, message: describeBackgroundError(error, locale) });
    }
  }

  if (rejected.length > 0) {
    for (const [key, previous] of before) {
      await context.store.updateResult(key, (result) => undoMarkOnList(result, previous, rejected));
    }
  }
  // Media after an invalid token were never sent; they failed for the same reason.
  const reported = new Set(failed.map((item) => item.mediaId));
  const tokenMessage = invalidToken ? failed.at(-1)?.message ?? '' : '';
  for (const mediaId of rejected) if (!reported.has(mediaId)) failed.push({ mediaId, message: tokenMessage });

  context.refresh();
  if (invalidToken) await context.logOut('invalid-token');
  return { added, failed };
}

/**
 * Applies `change` to each result for the ids it mentions, and to the result under `currentKey`
 * (the current media type's) for every id, since a media new to the list is mentioned nowhere yet.
 */
export async function markEverywhere(
  context: BackgroundContext,
  before: ReadonlyMap<string, StoredResult>,
  currentKey: string | null,
  mediaIds: readonly number[],
  change: (result: StoredResult, ids: number[]) => StoredResult,
): Promise<void> {
  if (mediaIds.length === 0) return;
  for (const [key, result] of before) {
    const ids = key === currentKey ? [...mediaIds] : mediaIds.filter((id) => resultMentions(result, id));
    if (ids.length > 0) await context.store.updateResult(key, (current) => change(current, ids));
  }
}

function onListStatus(results: ReadonlyMap<string, StoredResult>, mediaId: number): { status: MediaListStatus; mediaType: MediaType } | null {
  for (const result of results.values()) {
    const found = result.listStatuses.find(([id]) => id === mediaId);
    if (found) return { status: found[1], mediaType: result.mediaType };
  }
  return null;
}
