import type { z } from 'zod';
import {
  mediaListCollectionSchema, mediaSchema, mediaWithRelationsSchema, viewerSchema,
} from './schemas';
import type {
  AniListUser, ListEntry, Media, MediaRelations, MediaType, RelationEdge, UserList, Viewer,
} from './types';

/** Parses one Media object; throws a ZodError when it is not one. */
export function parseMedia(raw: unknown): Media {
  return mediaSchema.parse(raw);
}

/** Parses a Media object together with its `relations.edges`, stamped with the time it was fetched. */
export function parseMediaRelations(raw: unknown, fetchedAt: number): MediaRelations {
  const media = mediaSchema.parse(raw);
  const { relations } = mediaWithRelationsSchema.parse(raw);
  return { media, edges: relations ?? [], fetchedAt };
}

export interface ListChunk {
  user: AniListUser | null;
  hasNextChunk: boolean;
  entries: ListEntry[];
}

type RawCollection = z.infer<typeof mediaListCollectionSchema>;

/**
 * Parses one chunk of `MediaListCollection`. An entry listed in several lists (a status list and
 * custom lists) comes back once per list; those copies are merged later by `mergeListChunks`.
 */
export function parseListChunk(raw: unknown): ListChunk {
  const collection: RawCollection = mediaListCollectionSchema.parse(raw);
  const entries: ListEntry[] = [];

  for (const group of collection.lists ?? []) {
    if (!group) continue;
    const listName = group.name ?? group.status ?? 'Unnamed list';
    for (const rawEntry of group.entries ?? []) {
      if (!rawEntry) continue;
      const media = mediaSchema.parse(rawEntry.media);
      const { relations } = mediaWithRelationsSchema.parse(rawEntry.media);
      entries.push({
        id: rawEntry.id,
        mediaId: rawEntry.mediaId ?? media.id,
        status: rawEntry.status,
        progress: rawEntry.progress ?? 0,
        score: rawEntry.score ?? 0,
        repeat: rawEntry.repeat ?? 0,
        private: rawEntry.private ?? false,
        lists: [listName],
        hiddenFromStatusLists: rawEntry.hiddenFromStatusLists ?? false,
        updatedAt: rawEntry.updatedAt,
        media,
        edges: relations,
      });
    }
  }

  const user = collection.user
    ? {
        id: collection.user.id,
        name: collection.user.name,
        avatar: collection.user.avatar?.large ?? collection.user.avatar?.medium ?? null,
      }
    : null;
  return { user, hasNextChunk: collection.hasNextChunk ?? false, entries };
}

/** Merges chunks into one list holding each media once, with the names of every list it is in. */
export function mergeListChunks(chunks: readonly ListChunk[], type: MediaType, fallbackUser: AniListUser): UserList {
  const byMedia = new Map<number, ListEntry>();

  for (const chunk of chunks) {
    for (const entry of chunk.entries) {
      const known = byMedia.get(entry.mediaId);
      if (!known) {
        byMedia.set(entry.mediaId, { ...entry, lists: [...entry.lists] });
        continue;
      }
      for (const name of entry.lists) if (!known.lists.includes(name)) known.lists.push(name);
      known.hiddenFromStatusLists ||= entry.hiddenFromStatusLists;
      known.edges = mergeEdges(known.edges, entry.edges);
    }
  }

  const user = chunks.find((chunk) => chunk.user)?.user ?? fallbackUser;
  return { user, type, entries: [...byMedia.values()] };
}

function mergeEdges(known: RelationEdge[] | null, extra: RelationEdge[] | null): RelationEdge[] | null {
  if (!known) return extra;
  if (!extra) return known;
  const seen = new Set(known.map((edge) => `${edge.relationType}:${edge.node.id}`));
  return [...known, ...extra.filter((edge) => !seen.has(`${edge.relationType}:${edge.node.id}`))];
}

/** Parses `Viewer`, filling AniList's defaults for options it leaves out. */
export function parseViewer(raw: unknown): Viewer {
  const viewer = viewerSchema.parse(raw);
  return {
    id: viewer.id,
    name: viewer.name,
    avatar: viewer.avatar?.large ?? viewer.avatar?.medium ?? null,
    titleLanguage: viewer.options?.titleLanguage ?? 'ROMAJI',
    displayAdultContent: viewer.options?.displayAdultContent ?? false,
    scoreFormat: viewer.mediaListOptions?.scoreFormat ?? 'POINT_10',
  };
}
