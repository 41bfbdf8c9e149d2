import type { FakeData, FakeListEntry, FakeUser } from './types';

export type ListType = 'ANIME' | 'MANGA';

/** The source object of a MediaList field: an entry with its owner. */
export interface ListEntryView {
  entry: FakeListEntry;
  owner: FakeUser;
  type: ListType;
}

/** The source object of a MediaListGroup field. */
export interface ListGroup {
  name: string;
  isCustomList: boolean;
  isSplitCompletedList: boolean;
  status: string | null;
  entries: ListEntryView[];
}

export interface CollectionArgs {
  type: ListType;
  status?: string | null;
  status_in?: string[] | null;
  status_not?: string | null;
  status_not_in?: string[] | null;
  forceSingleCompletedList?: boolean | null;
  chunk?: number | null;
  perChunk?: number | null;
}

export interface Collection {
  lists: ListGroup[];
  user: FakeUser;
  hasNextChunk: boolean;
}

/** AniList's documented maximum of `perChunk`. */
export const MAX_PER_CHUNK = 500;

/** Status lists in the order of AniList's default section order. */
const STATUS_ORDER = ['CURRENT', 'REPEATING', 'COMPLETED', 'PAUSED', 'DROPPED', 'PLANNING'];

const FORMAT_ORDER = ['TV', 'TV_SHORT', 'MOVIE', 'SPECIAL', 'OVA', 'ONA', 'MUSIC', 'MANGA', 'NOVEL', 'ONE_SHOT'];

const FORMAT_LABELS: Record<string, string> = {
  TV: 'TV',
  TV_SHORT: 'TV Short',
  MOVIE: 'Movie',
  SPECIAL: 'Special',
  OVA: 'OVA',
  ONA: 'ONA',
  MUSIC: 'Music',
  MANGA: 'Manga',
  NOVEL: 'Novel',
  ONE_SHOT: 'One Shot',
};

export function statusListName(status: string, type: ListType): string {
  switch (status) {
    case 'CURRENT':
      return type === 'ANIME' ? 'Watching' : 'Reading';
    case 'REPEATING':
      return type === 'ANIME' ? 'Rewatching' : 'Rereading';
    case 'PLANNING':
      return 'Planning';
    case 'COMPLETED':
      return 'Completed';
    case 'DROPPED':
      return 'Dropped';
    case 'PAUSED':
      return 'Paused';
    default:
      return status;
  }
}

// NOTE: a completed entry whose media has no format lands in a split list named plain
// "Completed"; no recording shows what AniList names it.
function splitCompletedListName(format: string | null): string {
  const label = format ? FORMAT_LABELS[format] : undefined;
  return label ? `Completed ${label}` : 'Completed';
}

/** Names of the owner's custom lists of one type, in order of first use. */
export function customListNames(owner: FakeUser, type: ListType): string[] {
  const names: string[] = [];
  for (const entry of owner.lists[type]) {
    for (const name of entry.customLists ?? []) if (!names.includes(name)) names.push(name);
  }
  return names;
}

function matchesStatusFilters(entry: FakeListEntry, args: CollectionArgs): boolean {
  if (args.status && entry.status !== args.status) return false;
  if (args.status_in && !args.status_in.includes(entry.status)) return false;
  if (args.status_not && entry.status === args.status_not) return false;
  if (args.status_not_in?.includes(entry.status)) return false;
  return true;
}

/** Applies `chunk` (1-based) and `perChunk` (max 500) when either is given. */
function chunkEntries(entries: FakeListEntry[], args: CollectionArgs): { entries: FakeListEntry[]; hasNextChunk: boolean } {
  if (args.chunk == null && args.perChunk == null) return { entries, hasNextChunk: false };

  const perChunk = Math.min(Math.max(args.perChunk ?? MAX_PER_CHUNK, 1), MAX_PER_CHUNK);
  const chunk = Math.max(args.chunk ?? 1, 1);
  const start = (chunk - 1) * perChunk;
  return { entries: entries.slice(start, start + perChunk), hasNextChunk: entries.length > start + perChunk };
}

function statusGroups(views: ListEntryView[], type: ListType, splitCompleted: boolean, data: FakeData): ListGroup[] {
  const groups = new Map<string, ListGroup>();
  const visible = views.filter((view) => !view.entry.hiddenFromStatusLists);

  for (const status of STATUS_ORDER) {
    const withStatus = visible.filter((view) => view.entry.status === status);
    if (status !== 'COMPLETED' || !splitCompleted) {
      if (withStatus.length > 0) {
        groups.set(status, { name: statusListName(status, type), isCustomList: false, isSplitCompletedList: false, status, entries: withStatus });
      }
      continue;
    }

    const formatOf = (view: ListEntryView): string | null => (data.media.get(view.entry.mediaId)?.format as string | null | undefined) ?? null;
    for (const format of [...FORMAT_ORDER, null]) {
      const withFormat = withStatus.filter((view) => {
        const entryFormat = formatOf(view);
        return format === null ? entryFormat === null || !FORMAT_ORDER.includes(entryFormat) : entryFormat === format;
      });
      if (withFormat.length === 0) continue;
      const name = splitCompletedListName(format);
      groups.set(name, { name, isCustomList: false, isSplitCompletedList: true, status, entries: withFormat });
    }
  }
  return [...groups.values()];
}

function customGroups(views: ListEntryView[], names: string[]): ListGroup[] {
  const groups: ListGroup[] = [];
  for (const name of names) {
    const entries = views.filter((view) => view.entry.customLists?.includes(name));
    if (entries.length > 0) groups.push({ name, isCustomList: true, isSplitCompletedList: false, status: null, entries });
  }
  return groups;
}

/**
 * Builds a MediaListCollection the way AniList groups it: one list per status in use (completed
 * entries split by media format unless `forceSingleCompletedList`), then one list per custom
 * list. An entry hidden from status lists appears only in its custom lists. Private entries are
 * left out unless the viewer owns the list. Chunking counts entries, not list rows.
 */
export function buildCollection(data: FakeData, owner: FakeUser, viewer: FakeUser | null, args: CollectionArgs): Collection {
  const isOwner = viewer?.id === owner.id;
  const filtered = owner.lists[args.type].filter((entry) => (isOwner || !entry.private) && matchesStatusFilters(entry, args));
  const chunked = chunkEntries(filtered, args);
  const views = chunked.entries.map((entry): ListEntryView => ({ entry, owner, type: args.type }));

  const lists = [
    ...statusGroups(views, args.type, !args.forceSingleCompletedList, data),
    ...customGroups(views, customListNames(owner, args.type)),
  ];
  return { lists, user: owner, hasNextChunk: chunked.hasNextChunk };
}
