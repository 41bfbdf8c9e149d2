import { isPlainObject } from '../settings/repair';

/**
 * The stored layout of the ignored list. storage.sync allows 8 KB per item and 100 KB in all, so
 * the list is split over SHARD_COUNT keys by media id: `ignored.0` … `ignored.31`. Each key contains
 * `{ "<mediaId>": [title, ignoredAt] }`, and ignoring one media rewrites one key.
 * SHARD_COUNT is part of the stored format: changing it needs a migration of every stored shard.
 */

export interface IgnoredItem {
  mediaId: number;
  /** The title shown when the media was ignored, so the options page can list it without a request. */
  title: string | null;
  /** When the media was ignored, in ms since the epoch; 0 when unknown. */
  ignoredAt: number;
}

export const SHARD_COUNT = 32;
export const SHARD_KEY_PREFIX = 'ignored.';
/** Longer titles are cut, so a shard's size depends mostly on its number of items. */
export const MAX_STORED_TITLE_LENGTH = 120;

export type EncodedShard = Record<string, [string | null, number]>;

export const SHARD_KEYS: readonly string[] = Array.from({ length: SHARD_COUNT }, (_, index) => shardKey(index));

export function shardKey(index: number): string {
  return `${SHARD_KEY_PREFIX}${index}`;
}

export function shardIndexOf(mediaId: number): number {
  return mediaId % SHARD_COUNT;
}

export function isMediaId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export function cutTitle(title: string | null | undefined): string | null {
  const trimmed = title?.trim() ?? '';
  if (trimmed === '') return null;
  return [...trimmed].slice(0, MAX_STORED_TITLE_LENGTH).join('');
}

/** Encodes the items as one value per shard key; shards without items are left out. */
export function encodeShards(items: Iterable<IgnoredItem>): Map<string, EncodedShard> {
  const shards = new Map<string, EncodedShard>();
  const sorted = [...items].sort((a, b) => a.mediaId - b.mediaId);
  for (const item of sorted) {
    const key = shardKey(shardIndexOf(item.mediaId));
    const shard = shards.get(key) ?? {};
    shard[String(item.mediaId)] = [item.title, item.ignoredAt];
    shards.set(key, shard);
  }
  return shards;
}

/**
 * Decodes stored shards. Every entry whose key is a valid media id is kept, even with a damaged
 * title or time (those become null and 0), so a damaged value never loses an ignored id.
 * When one id appears twice, the earlier `ignoredAt` is kept.
 */
export function decodeShards(stored: Record<string, unknown>): { items: Map<number, IgnoredItem>; dropped: string[] } {
  const items = new Map<number, IgnoredItem>();
  const dropped: string[] = [];
  for (const key of SHARD_KEYS) {
    const shard = stored[key];
    if (shard === undefined) continue;
    if (!isPlainObject(shard)) {
      dropped.push(key);
      continue;
    }
    for (const [idText, value] of Object.entries(shard)) {
      const mediaId = Number(idText);
      if (!isMediaId(mediaId) || String(mediaId) !== idText) {
        dropped.push(`${key}["${idText}"]`);
        continue;
      }
      const [title, ignoredAt] = Array.isArray(value) ? value : [];
      const item: IgnoredItem = {
        mediaId,
        title: typeof title === 'string' ? cutTitle(title) : null,
        ignoredAt: typeof ignoredAt === 'number' && Number.isFinite(ignoredAt) && ignoredAt >= 0 ? ignoredAt : 0,
      };
      const earlier = items.get(mediaId);
      if (earlier === undefined || item.ignoredAt < earlier.ignoredAt) items.set(mediaId, item);
    }
  }
  return { items, dropped };
}

/** Returns the keys whose encoded value differs between two encodings, with the new value or null to remove. */
export function changedShards(before: Map<string, EncodedShard>, after: Map<string, EncodedShard>): Map<string, EncodedShard | null> {
  const changes = new Map<string, EncodedShard | null>();
  for (const key of SHARD_KEYS) {
    const old = before.get(key);
    const next = after.get(key);
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    changes.set(key, next ?? null);
  }
  return changes;
}
