import { AniListError } from '../anilist/errors';
import type { MediaType } from '../anilist/types';
import type { UpdatedEntry, WatchingList } from '../messages/state';
import type { BackgroundContext } from './context';
import { BackgroundError } from './errors';
import { markEverywhere } from './planning';
import { markOnList, type StoredResult } from './results';
import { resultKeysOf } from './targets';

/**
 * Reads the popup's Watching tab: the CURRENT entries of the logged-in user's list (which it can
 * edit), or while logged out those of the typed user's public list (read only).
 */
export async function getWatching(context: BackgroundContext, mediaType?: MediaType): Promise<WatchingList> {
  const settings = await context.loadSettings();
  const session = await context.loadSession();
  const type = mediaType ?? settings.mediaType;
  await context.ensureReferer();

  if (session === null && settings.scanUserName === null) throw new BackgroundError('noScanTarget');
  const client = context.createClient({ token: session?.token ?? null });
  const user = session !== null ? { id: session.viewer.id } : { name: settings.scanUserName as string };

  let list;
  try {
    list = await client.fetchStatusList(user, type, 'CURRENT');
  } catch (error) {
    if (session !== null && error instanceof AniListError && error.kind === 'invalid-token') await context.logOut('invalid-token');
    throw error;
  }

  const entries = list.entries
    .map((entry) => ({
      entryId: entry.id,
      mediaId: entry.mediaId,
      status: entry.status,
      progress: entry.progress,
      score: entry.score,
      updatedAt: entry.updatedAt,
      media: entry.media,
    }))
    // Most recently changed first, as AniList's own Watching list sorts by default.
    .sort((a, b) => (b.updatedAt ?? 0) - (a.updatedAt ?? 0) || a.mediaId - b.mediaId);

  return {
    userName: session?.viewer.name ?? list.user.name,
    mediaType: type,
    scoreFormat: session?.viewer.scoreFormat ?? null,
    editable: session !== null,
    entries,
    fetchedAt: context.now(),
  };
}

export interface EntryUpdate {
  mediaId: number;
  progress?: number;
  status?: UpdatedEntry['status'];
  score?: number;
}

/**
 * Writes a change of one entry back to AniList, then shows its new status in the stored results.
 * Nothing is changed locally before AniList accepts it, so a rejected change leaves no trace.
 */
export async function updateEntry(context: BackgroundContext, change: EntryUpdate): Promise<UpdatedEntry> {
  const session = await context.loadSession();
  if (session === null) throw new BackgroundError('loginRequired');
  await context.ensureReferer();

  let saved;
  try {
    saved = await context.createClient({ token: session.token }).saveEntry(change);
  } catch (error) {
    if (error instanceof AniListError && error.kind === 'invalid-token') await context.logOut('invalid-token');
    throw error;
  }

  const keys = resultKeysOf({ userId: session.viewer.id, userName: session.viewer.name });
  const before = new Map<string, StoredResult>();
  for (const key of Object.values(keys)) {
    const result = await context.store.getResult(key);
    if (result !== null) before.set(key, result);
  }
  // The request does not say the media's type, so only the results that already know the media change.
  await markEverywhere(context, before, null, [saved.mediaId], (result, ids) => markOnList(result, ids, saved.status));
  context.refresh();
  return saved;
}
