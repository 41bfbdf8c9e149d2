import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FakeData, FakeListEntry, FakeUser, RawMedia, RelationRecord } from './types';

const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/anilist/', import.meta.url));
const SEANIME_LIST = 'list/seanime_BoilerplateAnimeCollectionWithRelations_52-entries.json';
const WARPS_LIST = 'list/7op3_MediaListCollection_anime+manga_aliased_named-lists_13-entries_TRANSCRIBED.json';

export const BOILERPLATE_USER_ID = 5001;
export const WARPS_USER_ID = 5002;
export const PRIVATE_USER_ID = 5003;

/** Bearer tokens of the recorded users. */
export const RECORDED_TOKENS: Record<string, number> = {
  'fake-token-boilerplate': BOILERPLATE_USER_ID,
  'fake-token-warps': WARPS_USER_ID,
  'fake-token-private': PRIVATE_USER_ID,
};

/** Media fields of the recordings that are aliases, viewer-specific or stored elsewhere. */
const DROPPED_MEDIA_FIELDS = ['relations', 'mediaListEntry', 'characterPreview', 'staffPreview', 'reviewPreview'];

/** Status of each list name in the 7op3 recording. */
const STATUS_BY_LIST_NAME: Record<string, string> = {
  Watching: 'CURRENT',
  Reading: 'CURRENT',
  Completed: 'COMPLETED',
  Paused: 'PAUSED',
};

interface RecordedEdge {
  relationType: string;
  node: RawMedia;
}

type RecordedMedia = RawMedia & { relations?: { edges?: RecordedEdge[] } | null };

interface SeanimeEntry {
  id: number;
  status: string;
  progress?: number;
  score?: number;
  repeat?: number;
  private?: boolean;
  media: RecordedMedia;
}

interface WarpsEntry {
  status: string;
  progress: number | null;
  score: number | null;
  startedAt: FakeListEntry['startedAt'];
  completedAt: FakeListEntry['completedAt'];
  media: RawMedia;
}

interface WarpsCollection {
  lists: Array<{ name: string; entries: WarpsEntry[] }>;
}

function readFixture<T>(relativePath: string): T {
  return JSON.parse(readFileSync(FIXTURES_DIR + relativePath, 'utf8')) as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fills fields that `target` lacks or has as null from `source`, merging nested objects. */
function fillMissingFields(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (current === undefined || current === null) {
      target[key] = structuredClone(value);
    } else if (isPlainObject(current) && isPlainObject(value)) {
      fillMissingFields(current, value);
    }
  }
}

/**
 * Collects media and relation edges from every recording. Sources are read richest first, so
 * a later source only fills fields that the earlier ones lack.
 */
class RecordedMediaCollector {
  readonly media = new Map<number, RawMedia>();
  readonly relations = new Map<number, RelationRecord[]>();

  addMedia(recorded: RecordedMedia, extraFields: Partial<RawMedia> = {}): void {
    const fields: Record<string, unknown> = { ...recorded, ...extraFields };
    for (const name of DROPPED_MEDIA_FIELDS) delete fields[name];

    const existing = this.media.get(recorded.id);
    if (existing) fillMissingFields(existing, fields);
    else this.media.set(recorded.id, structuredClone(fields) as RawMedia);
  }

  /** Adds the media, its relation edges, and each edge's node. Returns the media id. */
  addMediaWithRelations(recorded: RecordedMedia, extraFields: Partial<RawMedia> = {}): number {
    this.addMedia(recorded, extraFields);
    const edges = recorded.relations?.edges;
    if (!edges) return recorded.id;

    const stored = this.relations.get(recorded.id) ?? [];
    for (const edge of edges) {
      const duplicate = stored.some((known) => known.nodeId === edge.node.id && known.relationType === edge.relationType);
      if (!duplicate) stored.push({ relationType: edge.relationType, nodeId: edge.node.id });
    }
    this.relations.set(recorded.id, stored);
    return recorded.id;
  }

  addRelationNodes(recorded: RecordedMedia): void {
    for (const edge of recorded.relations?.edges ?? []) this.addMedia(edge.node);
  }
}

function modbMediaFiles(): string[] {
  return readdirSync(FIXTURES_DIR + 'media')
    .filter((name) => name.startsWith('modb_media_') && name.endsWith('.json'))
    .sort();
}

function warpsEntries(collection: WarpsCollection, type: 'ANIME' | 'MANGA', firstId: number, collector: RecordedMediaCollector): FakeListEntry[] {
  const entries: FakeListEntry[] = [];
  for (const list of collection.lists) {
    const status = STATUS_BY_LIST_NAME[list.name];
    if (!status) throw new Error(`Unknown list name "${list.name}" in ${WARPS_LIST}: add it to STATUS_BY_LIST_NAME.`);

    for (const recorded of list.entries) {
      collector.addMedia(recorded.media, { type });
      entries.push({
        id: firstId + entries.length,
        mediaId: recorded.media.id,
        status,
        progress: recorded.progress ?? 0,
        score: recorded.score ?? 0,
        startedAt: recorded.startedAt,
        completedAt: recorded.completedAt,
      });
    }
  }
  return entries;
}

/** Returns PrivateUser's entries: recorded media in two completed formats, one current, and one hidden in a custom list. */
function privateUserEntries(): FakeListEntry[] {
  const id = PRIVATE_USER_ID * 1000;
  return [
    { id: id + 1, mediaId: 21311, status: 'COMPLETED', progress: 12, score: 80 },
    { id: id + 2, mediaId: 21679, status: 'CURRENT', progress: 4 },
    { id: id + 3, mediaId: 109190, status: 'COMPLETED', progress: 1, score: 90 },
    { id: id + 4, mediaId: 12189, status: 'COMPLETED', progress: 22, hiddenFromStatusLists: true, customLists: ['Rewatch later'] },
  ];
}

function buildRecordedData(): FakeData {
  const collector = new RecordedMediaCollector();

  const modbMedia = modbMediaFiles().map((name) => readFixture<{ data: { Media: RecordedMedia } }>(`media/${name}`).data.Media);
  for (const media of modbMedia) collector.addMediaWithRelations(media);

  // The seanime recording has no "data" wrapper: its root is the MediaListCollection field itself.
  const seanime = readFixture<{ MediaListCollection: { lists: Array<{ entries?: SeanimeEntry[] }> } }>(SEANIME_LIST);
  const seanimeEntries = seanime.MediaListCollection.lists.flatMap((list) => list.entries ?? []);
  const boilerplateAnime: FakeListEntry[] = seanimeEntries.map((entry) => ({
    id: entry.id,
    mediaId: collector.addMediaWithRelations(entry.media),
    status: entry.status,
    progress: entry.progress ?? 0,
    score: entry.score ?? 0,
    repeat: entry.repeat ?? 0,
    private: entry.private ?? false,
  }));

  const warps = readFixture<{ data: { anime: WarpsCollection; manga: WarpsCollection } }>(WARPS_LIST).data;
  const warpsAnime = warpsEntries(warps.anime, 'ANIME', WARPS_USER_ID * 1000 + 1, collector);
  const warpsManga = warpsEntries(warps.manga, 'MANGA', WARPS_USER_ID * 1000 + 101, collector);

  for (const entry of seanimeEntries) collector.addRelationNodes(entry.media);
  for (const media of modbMedia) collector.addRelationNodes(media);

  const users: FakeUser[] = [
    { id: BOILERPLATE_USER_ID, name: 'Boilerplate', lists: { ANIME: boilerplateAnime, MANGA: [] } },
    { id: WARPS_USER_ID, name: 'Warps', scoreFormat: 'POINT_10_DECIMAL', lists: { ANIME: warpsAnime, MANGA: warpsManga } },
    { id: PRIVATE_USER_ID, name: 'PrivateUser', private: true, lists: { ANIME: privateUserEntries(), MANGA: [] } },
  ];

  return {
    media: collector.media,
    relations: collector.relations,
    users,
    tokens: new Map(Object.entries(RECORDED_TOKENS)),
  };
}

let recordedTemplate: FakeData | undefined;

/** Loads the recorded fixtures into a fresh FakeData. Each call returns an independent copy. */
export function loadRecordedData(): FakeData {
  recordedTemplate ??= buildRecordedData();
  return structuredClone(recordedTemplate);
}
