import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mergeListChunks, parseListChunk, parseMedia, parseMediaRelations } from '../../lib/anilist/parse';
import type {
  ListEntry, Media, MediaListStatus, MediaRelation, MediaRelations, RelationEdge, UserList,
} from '../../lib/anilist/types';
import { DEFAULT_FINDER_SETTINGS } from '../../lib/sequels/types';
import type { FinderInput, FinderSettings } from '../../lib/sequels/types';

/** Loaders for the recorded AniList responses in tests/fixtures/anilist, parsed by lib/anilist/parse. */

const fixtureDir = fileURLToPath(new URL('../fixtures/anilist/', import.meta.url));

/** Fixed fetch time stamped on recorded relations, so results never depend on the clock. */
export const RECORDED_AT = Date.UTC(2024, 6, 8);

export const SEANIME_LIST_FILE = 'list/seanime_BoilerplateAnimeCollectionWithRelations_52-entries.json';

export function readFixture(relativePath: string): unknown {
  return JSON.parse(readFileSync(fixtureDir + relativePath, 'utf8'));
}

/** Loads the 52-entry seanime collection (every entry PLANNING, each with its relation edges). */
export function loadSeanimeList(): UserList {
  const raw = readFixture(SEANIME_LIST_FILE) as { MediaListCollection: unknown };
  const chunk = parseListChunk(raw.MediaListCollection);
  return mergeListChunks([chunk], 'ANIME', { id: 1, name: 'seanime', avatar: null });
}

/** Loads the recorded `Media(id)` response of modb-app for `id`, with its relation edges. */
export function loadModbMedia(id: number): MediaRelations {
  const prefix = `modb_media_${id}_`;
  const file = readdirSync(fixtureDir + 'media').find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`No recorded media file starts with ${prefix} in tests/fixtures/anilist/media`);
  const raw = readFixture(`media/${file}`) as { data: { Media: unknown } };
  return parseMediaRelations(raw.data.Media, RECORDED_AT);
}

/** Copies a real media object with a different id and any fields replaced. */
export function withId(media: Media, id: number, changes: Partial<Media> = {}): Media {
  return { ...media, ...changes, id };
}

export function edge(relationType: MediaRelation, node: Media): RelationEdge {
  return { relationType, node };
}

export interface EntryOptions {
  status?: MediaListStatus;
  lists?: string[];
  hiddenFromStatusLists?: boolean;
  edges?: RelationEdge[] | null;
}

/** Builds a list entry for `media`. Its MediaList id is derived from the media id, as tests need no real one. */
export function entryFor(media: Media, options: EntryOptions = {}): ListEntry {
  const status = options.status ?? 'COMPLETED';
  return {
    id: media.id * 10,
    mediaId: media.id,
    status,
    progress: 0,
    score: 0,
    repeat: 0,
    private: false,
    lists: options.lists ?? [status],
    hiddenFromStatusLists: options.hiddenFromStatusLists ?? false,
    updatedAt: null,
    media,
    edges: options.edges === undefined ? [] : options.edges,
  };
}

/** Builds the known relations of an off-list media, as a fetched `Media(id)` response would give them. */
export function relationsOf(media: Media, edges: RelationEdge[]): MediaRelations {
  return { media, edges, fetchedAt: RECORDED_AT };
}

export function relationMap(items: MediaRelations[]): Map<number, MediaRelations> {
  return new Map(items.map((item) => [item.media.id, item]));
}

export function finderInput(
  entries: ListEntry[],
  relations: MediaRelations[] = [],
  settings: Partial<FinderSettings> = {},
  ignored: number[] = [],
): FinderInput {
  return {
    entries,
    relations: relationMap(relations),
    ignored: new Set(ignored),
    settings: { ...DEFAULT_FINDER_SETTINGS, ...settings },
  };
}

/** Reads the raw seanime collection afresh on each call, so that tests may change it freely. */
export function seanimeRawCollection(): RawCollection {
  return (readFixture(SEANIME_LIST_FILE) as { MediaListCollection: RawCollection }).MediaListCollection;
}

export interface RawCollection {
  lists: RawListGroup[];
  [key: string]: unknown;
}

export interface RawListGroup {
  name?: string;
  status?: MediaListStatus;
  isCustomList?: boolean;
  entries?: RawListEntry[];
}

export interface RawListEntry {
  id: number;
  status: MediaListStatus;
  hiddenFromStatusLists?: boolean;
  media: { id: number; [key: string]: unknown };
  [key: string]: unknown;
}

/** Parses a raw collection the way the client does: one chunk, then merged by media id. */
export function parseCollection(raw: RawCollection): UserList {
  return mergeListChunks([parseListChunk(raw)], 'ANIME', { id: 1, name: 'seanime', avatar: null });
}

/** Parses the media of one aliased root (`anime` or `manga`) of the 7op3 collection, whose entries have no ids. */
export function load7op3Media(alias: 'anime' | 'manga'): Media[] {
  const file = 'list/7op3_MediaListCollection_anime+manga_aliased_named-lists_13-entries_TRANSCRIBED.json';
  const raw = readFixture(file) as { data: Record<string, { lists: { entries: { media: unknown }[] }[] }> };
  const root = raw.data[alias];
  if (!root) throw new Error(`The 7op3 collection has no ${alias} root`);
  return root.lists.flatMap((list) => list.entries.map((entry) => parseMedia(entry.media)));
}
