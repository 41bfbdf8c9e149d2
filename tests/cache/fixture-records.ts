import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Media, MediaRelations, RelationEdge } from '../../lib/anilist/types';

/**
 * Builds relation records from recorded AniList `Media` responses. The mapping here is a small
 * stand-in for the client's parser, so the cache tests do not depend on it.
 */

const MEDIA_FOLDER = fileURLToPath(new URL('../fixtures/anilist/media/', import.meta.url));

export const FIXTURES = {
  /** FINISHED TV, 5 edges of which 2 SEQUEL. */
  kimetsu: 'modb_media_101922_kimetsu-no-yaiba_2-sequels.json',
  /** RELEASING TV, 3 edges. */
  tonikaku: 'modb_media_141208_tonikaku-kawaii-s2_releasing_prequel.json',
  /** RELEASING TV with 65 edges. */
  detectiveConan: 'modb_media_235_detective-conan_releasing_65-relations.json',
  /** NOT_YET_RELEASED TV, no edges. */
  announced: 'modb_media_100050_not-yet-released_null-season.json',
  /** CANCELLED movie, no edges. */
  cancelled: 'modb_media_101704_movie_cancelled.json',
  /** Null format and null status. */
  nullStatus: 'modb_media_135643_null-format-null-status.json',
} as const;

type Raw = Record<string, any>;

const orNull = <T>(value: T | undefined): T | null => value ?? null;

function toMedia(raw: Raw): Media {
  return {
    id: raw.id,
    type: orNull(raw.type),
    format: orNull(raw.format),
    status: orNull(raw.status),
    title: {
      romaji: orNull(raw.title?.romaji),
      english: orNull(raw.title?.english),
      native: orNull(raw.title?.native),
      userPreferred: orNull(raw.title?.userPreferred),
    },
    synonyms: (raw.synonyms ?? []).filter((name: unknown) => typeof name === 'string'),
    isAdult: raw.isAdult ?? false,
    episodes: orNull(raw.episodes),
    duration: orNull(raw.duration),
    chapters: orNull(raw.chapters),
    volumes: orNull(raw.volumes),
    startDate: raw.startDate
      ? { year: orNull(raw.startDate.year), month: orNull(raw.startDate.month), day: orNull(raw.startDate.day) }
      : null,
    season: orNull(raw.season),
    seasonYear: orNull(raw.seasonYear),
    coverImage: orNull(raw.coverImage?.large),
    siteUrl: orNull(raw.siteUrl),
    averageScore: orNull(raw.averageScore),
    popularity: orNull(raw.popularity),
    genres: (raw.genres ?? []).filter((genre: unknown) => typeof genre === 'string'),
    description: orNull(raw.description),
    nextAiringAt: orNull(raw.nextAiringEpisode?.airingAt),
  };
}

/** Reads a recorded response from tests/fixtures/anilist/media and returns it as a record fetched at `fetchedAt`. */
export function fixtureRecord(file: string, fetchedAt: number): MediaRelations {
  const raw = JSON.parse(readFileSync(path.join(MEDIA_FOLDER, file), 'utf8')) as Raw;
  const media = raw.data.Media as Raw;
  const edges: RelationEdge[] = (media.relations?.edges ?? []).map((edge: Raw) => ({
    relationType: edge.relationType,
    node: toMedia(edge.node),
  }));
  return { media: toMedia(media), edges, fetchedAt };
}

/** Returns every fixture of FIXTURES as a record fetched at `fetchedAt`. */
export function allFixtureRecords(fetchedAt: number): MediaRelations[] {
  return Object.values(FIXTURES).map((file) => fixtureRecord(file, fetchedAt));
}
