import { displayTitle } from '../anilist/title';
import type { ListEntry, MediaListStatus, TitleLanguage } from '../anilist/types';
import type { MissingSequel } from '../sequels/types';
import type { NotificationSettings } from '../settings/schema';

/**
 * Turns two consecutive scans into notification events. Pure: the caller keeps the previous
 * scan's results and shows, stores and de-duplicates the events.
 */

export type NotificationKind = 'new-sequels' | 'started-airing' | 'newly-announced';

export interface NotificationEvent {
  /** Kind and sorted media ids, so one event seen before has the same id in every later scan. */
  id: string;
  kind: NotificationKind;
  /** Every media of the event, in the order of the scan's results. */
  mediaIds: number[];
  /** Titles of the first `maxTitles` media. */
  titles: string[];
  /** How many media the event is about; may exceed `titles.length`. */
  count: number;
  /** For 'newly-announced': the title of the completed entry the sequel follows; otherwise null. */
  sourceTitle: string | null;
}

export interface ScanDiffInput {
  /** Missing sequels of the previous scan of the same list, or null when there was none. */
  previous: readonly MissingSequel[] | null;
  current: readonly MissingSequel[];
  /** The list entries of the current scan. */
  entries: readonly ListEntry[];
  settings: NotificationSettings;
  titleLanguage?: TitleLanguage;
  /** How many titles a grouped event names; 3 by default. */
  maxTitles?: number;
}

export const DEFAULT_MAX_TITLES = 3;

/** Ids longer than this are shortened to a hash, so the history's list of seen ids stays small. */
export const MAX_ID_LENGTH = 200;

/**
 * Returns `<kind>:<sorted ids>`, or `<kind>:<count>#<hash of the sorted ids>` when that is longer
 * than MAX_ID_LENGTH. Both forms depend only on the kind and the set of media ids.
 */
export function notificationId(kind: NotificationKind, mediaIds: readonly number[]): string {
  const unique = [...new Set(mediaIds)].sort((a, b) => a - b);
  const sorted = unique.join(',');
  const plain = `${kind}:${sorted}`;
  if (plain.length <= MAX_ID_LENGTH) return plain;
  const reversed = [...sorted].reverse().join('');
  return `${kind}:${unique.length}#${fnv1a32(sorted)}${fnv1a32(reversed)}`;
}

/**
 * FNV-1a, 32 bits, as 8 hex digits. The id joins the hashes of the text and of its reverse, and
 * the count, which makes a collision among a few thousand seen ids very unlikely.
 */
function fnv1a32(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Returns the events between two scans:
 * - 'started-airing', one per media: an announced (NOT_YET_RELEASED) missing sequel of the
 *   previous scan that is now RELEASING or FINISHED.
 * - 'newly-announced', one per media: a NOT_YET_RELEASED missing sequel that was not missing
 *   before and follows an entry the user COMPLETED.
 * - 'new-sequels', at most one: every other media that is missing now and was not before.
 * The first scan of a list (no previous scan) gives no events, since everything would be new.
 */
export function diffScans(input: ScanDiffInput): NotificationEvent[] {
  if (input.previous === null) return [];
  const maxTitles = input.maxTitles ?? DEFAULT_MAX_TITLES;
  const titleOf = (item: MissingSequel): string => displayTitle(item.media, input.titleLanguage);
  const previousById = new Map(input.previous.map((item) => [item.media.id, item]));
  const statusById = new Map<number, MediaListStatus>(input.entries.map((entry) => [entry.mediaId, entry.status]));

  const events: NotificationEvent[] = [];
  const newlyMissing: MissingSequel[] = [];

  for (const item of input.current) {
    const before = previousById.get(item.media.id);
    if (before !== undefined) {
      const aired = before.media.status === 'NOT_YET_RELEASED'
        && (item.media.status === 'RELEASING' || item.media.status === 'FINISHED');
      if (aired && input.settings.startedAiring) events.push(singleEvent('started-airing', item, titleOf(item), null));
      continue;
    }

    const completedSource = item.from.find((source) => (statusById.get(source.mediaId) ?? source.listStatus) === 'COMPLETED');
    if (item.media.status === 'NOT_YET_RELEASED' && completedSource !== undefined && input.settings.newlyAnnounced) {
      const sourceTitle = displayTitle(completedSource.media, input.titleLanguage);
      events.push(singleEvent('newly-announced', item, titleOf(item), sourceTitle));
      continue;
    }
    newlyMissing.push(item);
  }

  if (newlyMissing.length > 0 && input.settings.newSequels) {
    const mediaIds = newlyMissing.map((item) => item.media.id);
    events.push({
      id: notificationId('new-sequels', mediaIds),
      kind: 'new-sequels',
      mediaIds,
      titles: newlyMissing.slice(0, maxTitles).map(titleOf),
      count: mediaIds.length,
      sourceTitle: null,
    });
  }
  return events;
}

function singleEvent(kind: NotificationKind, item: MissingSequel, title: string, sourceTitle: string | null): NotificationEvent {
  return { id: notificationId(kind, [item.media.id]), kind, mediaIds: [item.media.id], titles: [title], count: 1, sourceTitle };
}

/** Returns the events whose id is not among `seenIds`, so one event is never shown twice. */
export function filterUnseen(events: readonly NotificationEvent[], seenIds: Iterable<string>): NotificationEvent[] {
  const seen = new Set(seenIds);
  return events.filter((event) => !seen.has(event.id));
}
