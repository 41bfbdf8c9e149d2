import { z } from 'zod';
import { MEDIA_LIST_STATUSES, MEDIA_TYPES, type MediaListStatus, type MediaType } from '../anilist/types';
import type { ListCounts, MediaStatus, ScanSummary } from '../messages/state';
import { computeTotals } from '../sequels/totals';
import { DEFAULT_FINDER_SETTINGS, type MissingSequel } from '../sequels/types';
import type { ScanTarget } from './scan-job';
import { storedMissingSequelSchema } from './stored-schemas';

/**
 * The last finished scan of one list. The missing sequels are stored as the finder found them,
 * ignored media included, and the ignored list is applied each time they are read: ignoring and
 * unignoring then show at once, without a new scan.
 */
export interface StoredResult {
  key: string;
  target: ScanTarget;
  mediaType: MediaType;
  /** When the scan finished, in ms since the epoch. */
  finishedAt: number;
  /** When the relations were last walked; a check that found the list unchanged keeps the older time. */
  relationsCheckedAt: number;
  missing: MissingSequel[];
  /** The list status of every media on the scanned list. */
  listStatuses: [number, MediaListStatus][];
  /** See listFingerprint: equal when the list and the finder settings are unchanged. */
  fingerprint: string;
  /** See finderSettingsKey: results under other settings are not compared for notifications. */
  settingsKey: string;
  /** The list statuses the finder started from; absent in results stored before this field existed. */
  sourceStatuses?: MediaListStatus[];
}

export const storedResultSchema: z.ZodType<StoredResult> = z.object({
  key: z.string().min(1),
  target: z.object({ userId: z.number().int().positive().nullable(), userName: z.string().min(1) }),
  mediaType: z.enum(MEDIA_TYPES),
  finishedAt: z.number(),
  relationsCheckedAt: z.number(),
  missing: z.array(storedMissingSequelSchema),
  listStatuses: z.array(z.tuple([z.number().int().positive(), z.enum(MEDIA_LIST_STATUSES)])),
  fingerprint: z.string(),
  settingsKey: z.string(),
  sourceStatuses: z.array(z.enum(MEDIA_LIST_STATUSES)).optional(),
});

/** Returns the missing sequels the user has not ignored. */
export function visibleMissing(result: StoredResult, ignored: ReadonlySet<number>): MissingSequel[] {
  return result.missing.filter((item) => !ignored.has(item.media.id));
}

/** Builds the protocol's summary: ignored media left out and the totals counted again without them. */
export function summaryOf(result: StoredResult, ignored: ReadonlySet<number>): ScanSummary & ListCounts {
  const missing = visibleMissing(result, ignored);
  return {
    userName: result.target.userName,
    mediaType: result.mediaType,
    finishedAt: result.finishedAt,
    missing,
    totals: computeTotals(missing, result.mediaType),
    ...listCountsOf(result),
  };
}

/**
 * Counts the list entries, and those in a status the finder starts from. The list statuses follow
 * Planning adds, so the counts stay right after them. Results stored without their source statuses
 * are counted with the default ones.
 */
export function listCountsOf(result: StoredResult): ListCounts {
  const sources = new Set(result.sourceStatuses ?? DEFAULT_FINDER_SETTINGS.sourceStatuses);
  return {
    entryCount: result.listStatuses.length,
    sourceCount: result.listStatuses.filter(([, status]) => sources.has(status)).length,
  };
}

/** Returns the result with `mediaIds` on the list in `status`: no longer missing, and counted as list entries. */
export function markOnList(result: StoredResult, mediaIds: readonly number[], status: MediaListStatus): StoredResult {
  const ids = new Set(mediaIds);
  const statuses = new Map(result.listStatuses);
  for (const id of ids) statuses.set(id, status);
  return {
    ...result,
    missing: result.missing.filter((item) => !ids.has(item.media.id)),
    listStatuses: [...statuses],
  };
}

/**
 * Undoes `markOnList` for the media whose change AniList rejected: puts back their missing
 * entries and their list status from `before`, leaving every other change in `result` alone.
 */
export function undoMarkOnList(result: StoredResult, before: StoredResult, mediaIds: readonly number[]): StoredResult {
  const ids = new Set(mediaIds);
  const statusesBefore = new Map(before.listStatuses);
  const statuses = new Map(result.listStatuses);
  for (const id of ids) {
    const status = statusesBefore.get(id);
    if (status === undefined) statuses.delete(id);
    else statuses.set(id, status);
  }

  const present = new Set(result.missing.map((item) => item.media.id));
  const restored = before.missing.filter((item) => ids.has(item.media.id) && !present.has(item.media.id));
  // Keep the finder's order: the restored items go back where they were in `before`.
  const order = new Map(before.missing.map((item, index) => [item.media.id, index]));
  const missing = [...result.missing, ...restored].sort(
    (a, b) => (order.get(a.media.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.media.id) ?? Number.MAX_SAFE_INTEGER),
  );
  return { ...result, missing, listStatuses: [...statuses] };
}

/** Tells whether the result knows `mediaId`, as a list entry or as a missing sequel. */
export function resultMentions(result: StoredResult, mediaId: number): boolean {
  return result.listStatuses.some(([id]) => id === mediaId) || result.missing.some((item) => item.media.id === mediaId);
}

/** Describes one media for the page panel on its AniList page. */
export function mediaStatusOf(result: StoredResult | null, mediaId: number, ignored: ReadonlySet<number>): MediaStatus {
  const isIgnored = ignored.has(mediaId);
  if (result === null) {
    return { mediaId, listStatus: null, ignored: isIgnored, missing: null, missingFromHere: [], scannedAt: null };
  }

  const visible = visibleMissing(result, ignored);
  const listStatus = result.listStatuses.find(([id]) => id === mediaId)?.[1] ?? null;
  return {
    mediaId,
    listStatus,
    ignored: isIgnored,
    missing: visible.find((item) => item.media.id === mediaId) ?? null,
    missingFromHere: visible.filter((item) => item.from.some((source) => source.mediaId === mediaId)),
    scannedAt: result.finishedAt,
  };
}
