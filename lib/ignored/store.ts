import { browser, type Browser } from 'wxt/browser';
import {
  isQuotaError, isSyncUnavailableError, SerialQueue, storageArea, type StorageAreaName, syncArea,
  SYNC_QUOTA_BYTES, SYNC_QUOTA_BYTES_PER_ITEM, syncItemBytes,
} from '../settings/storage-areas';
import {
  changedShards, cutTitle, decodeShards, encodeShards, type EncodedShard, type IgnoredItem, isMediaId,
  SHARD_KEY_PREFIX, SHARD_KEYS,
} from './shards';

/**
 * The media the user chose to ignore, kept in `browser.storage.sync` so every browser of the user
 * hides them. When sync is missing, disabled or full, the whole list moves to
 * `browser.storage.local` and a marker there keeps it local from then on. The sync copy is left
 * as it was, so a failure never loses an id.
 * NOTE: two browsers that change the same shard before syncing keep only the later change, as
 * storage.sync resolves conflicts per key.
 */

export type { IgnoredItem } from './shards';

/** In storage.local: 'local' once the ignored list has moved there. */
export const IGNORED_AREA_KEY = 'ignoredArea';

/**
 * The part of the sync quota the ignored list may fill. The rest is left for the settings, which
 * take at most one 8 KB item, and for small markers.
 */
export const IGNORED_SYNC_BUDGET_BYTES = SYNC_QUOTA_BYTES - SYNC_QUOTA_BYTES_PER_ITEM - 2_048;

/** Thrown inside this module to move the list to storage.local. */
class SyncFullError extends Error {}

const queue = new SerialQueue();

/** Returns where the ignored list lives now. */
export async function ignoredStorageArea(): Promise<StorageAreaName> {
  if (syncArea() === null) return 'local';
  const marker = await browser.storage.local.get(IGNORED_AREA_KEY);
  return marker[IGNORED_AREA_KEY] === 'local' ? 'local' : 'sync';
}

async function readItems(area: StorageAreaName): Promise<Map<number, IgnoredItem>> {
  const stored = await storageArea(area).get([...SHARD_KEYS]);
  const { items, dropped } = decodeShards(stored);
  if (dropped.length > 0) console.warn(`Ignored-list entries in storage.${area} are invalid and were skipped.`, dropped);
  return items;
}

/**
 * Reads the list from where it lives. When storage.sync turns out to be disabled, the list
 * continues in storage.local, which the marker then records.
 */
async function readActive(): Promise<{ area: StorageAreaName; items: Map<number, IgnoredItem> }> {
  const area = await ignoredStorageArea();
  if (area === 'local') return { area, items: await readItems('local') };
  try {
    return { area, items: await readItems('sync') };
  } catch (error) {
    if (!isSyncUnavailableError(error)) throw error;
    console.warn('storage.sync is disabled; the ignored list is kept in storage.local from now on.', error);
    await browser.storage.local.set({ [IGNORED_AREA_KEY]: 'local' });
    return { area: 'local', items: await readItems('local') };
  }
}

async function writeChanges(area: StorageAreaName, changes: Map<string, EncodedShard | null>): Promise<void> {
  const target = storageArea(area);
  const writes: Record<string, EncodedShard> = {};
  const removals: string[] = [];
  for (const [key, value] of changes) {
    if (value === null) removals.push(key);
    else writes[key] = value;
  }
  // New values first, so a failed write leaves the old ones in place.
  if (Object.keys(writes).length > 0) await target.set(writes);
  if (removals.length > 0) await target.remove(removals);
}

function checkSyncQuota(shards: Map<string, EncodedShard>): void {
  let total = 0;
  for (const [key, value] of shards) {
    const bytes = syncItemBytes(key, value);
    if (bytes > SYNC_QUOTA_BYTES_PER_ITEM) throw new SyncFullError(`${key} would take ${bytes} bytes`);
    total += bytes;
  }
  if (total > IGNORED_SYNC_BUDGET_BYTES) throw new SyncFullError(`the list would take ${total} bytes`);
}

async function moveToLocal(items: Map<number, IgnoredItem>, reason: unknown): Promise<void> {
  console.warn('The ignored list no longer fits in storage.sync; it is kept in storage.local from now on.', reason);
  const shards = Object.fromEntries(encodeShards(items.values()));
  const stale = SHARD_KEYS.filter((key) => !(key in shards));
  // The whole list and the marker in one write: until it succeeds, sync still contains the old list.
  await browser.storage.local.set({ ...shards, [IGNORED_AREA_KEY]: 'local' });
  if (stale.length > 0) await browser.storage.local.remove(stale);
}

/** Applies `change` to the stored list, in sync when it fits and in local otherwise. */
function updateItems(change: (items: Map<number, IgnoredItem>) => void): Promise<void> {
  return queue.run(async () => {
    const { area, items } = await readActive();
    const before = encodeShards(items.values());
    change(items);
    const after = encodeShards(items.values());
    const changes = changedShards(before, after);
    if (changes.size === 0) return;

    if (area === 'local') {
      await writeChanges('local', changes);
      return;
    }
    try {
      checkSyncQuota(after);
      await writeChanges('sync', changes);
    } catch (error) {
      if (!(error instanceof SyncFullError) && !isQuotaError(error) && !isSyncUnavailableError(error)) throw error;
      await moveToLocal(items, error);
    }
  });
}

/** Returns every ignored media, most recently ignored first. */
export async function listIgnored(): Promise<IgnoredItem[]> {
  const { items } = await queue.run(readActive);
  return [...items.values()].sort((a, b) => b.ignoredAt - a.ignoredAt || a.mediaId - b.mediaId);
}

export async function ignoredIds(): Promise<Set<number>> {
  return new Set((await listIgnored()).map((item) => item.mediaId));
}

/**
 * Ignores a media. Ignoring one that is already ignored keeps its first time and takes the new
 * title when one is given.
 */
export function ignoreMedia(mediaId: number, title: string | null = null, now = Date.now()): Promise<void> {
  if (!isMediaId(mediaId)) return Promise.reject(new Error(`Cannot ignore media id ${String(mediaId)}: it is not a positive integer.`));
  return updateItems((items) => {
    const earlier = items.get(mediaId);
    items.set(mediaId, {
      mediaId,
      title: cutTitle(title) ?? earlier?.title ?? null,
      ignoredAt: earlier?.ignoredAt ?? now,
    });
  });
}

export function unignoreMedia(mediaId: number): Promise<void> {
  return updateItems((items) => {
    items.delete(mediaId);
  });
}

/**
 * Adds imported items to the list, or replaces the list with them when `overwrite` is set.
 * When an id is already ignored, merging keeps the stored item.
 */
export function importIgnored(imported: readonly IgnoredItem[], overwrite: boolean): Promise<void> {
  return updateItems((items) => {
    if (overwrite) items.clear();
    for (const item of imported) {
      if (!isMediaId(item.mediaId) || items.has(item.mediaId)) continue;
      items.set(item.mediaId, { mediaId: item.mediaId, title: cutTitle(item.title), ignoredAt: item.ignoredAt });
    }
  });
}

/**
 * Calls `callback` with the list whenever it changes here, in another context or on another
 * device. It may be called more than once for one change. Returns a function that stops listening.
 */
export function onIgnoredChanged(callback: (items: IgnoredItem[]) => void): () => void {
  const listener = (changes: Record<string, Browser.storage.StorageChange>, areaName: string): void => {
    if (areaName !== 'sync' && areaName !== 'local') return;
    const keys = Object.keys(changes);
    if (!keys.some((key) => key.startsWith(SHARD_KEY_PREFIX) || key === IGNORED_AREA_KEY)) return;
    listIgnored()
      .then(callback)
      .catch((error: unknown) => console.error('Reading the changed ignored list failed.', error));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
