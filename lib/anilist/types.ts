/**
 * Plain data types shared by the AniList client, the sequel finder, the caches and every screen.
 * The client produces them from zod-validated responses; nothing else talks to AniList.
 */

export const MEDIA_TYPES = ['ANIME', 'MANGA'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const MEDIA_LIST_STATUSES = ['CURRENT', 'PLANNING', 'COMPLETED', 'DROPPED', 'PAUSED', 'REPEATING'] as const;
export type MediaListStatus = (typeof MEDIA_LIST_STATUSES)[number];

export const MEDIA_FORMATS = [
  'TV', 'TV_SHORT', 'MOVIE', 'SPECIAL', 'OVA', 'ONA', 'MUSIC', 'MANGA', 'NOVEL', 'ONE_SHOT',
] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

export const MEDIA_STATUSES = ['FINISHED', 'RELEASING', 'NOT_YET_RELEASED', 'CANCELLED', 'HIATUS'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/**
 * Relation types of `MediaEdge.relationType(version: 2)`, plus SAME_UNIVERSE from version 3.
 * A value AniList adds later is parsed as OTHER instead of failing the whole response.
 */
export const MEDIA_RELATIONS = [
  'ADAPTATION', 'PREQUEL', 'SEQUEL', 'PARENT', 'SIDE_STORY', 'CHARACTER', 'SUMMARY', 'ALTERNATIVE',
  'SPIN_OFF', 'OTHER', 'SOURCE', 'COMPILATION', 'CONTAINS', 'SAME_UNIVERSE',
] as const;
export type MediaRelation = (typeof MEDIA_RELATIONS)[number];

export const SCORE_FORMATS = ['POINT_100', 'POINT_10_DECIMAL', 'POINT_10', 'POINT_5', 'POINT_3'] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

export const TITLE_LANGUAGES = ['ROMAJI', 'ENGLISH', 'NATIVE', 'ROMAJI_STYLISED', 'ENGLISH_STYLISED', 'NATIVE_STYLISED'] as const;
export type TitleLanguage = (typeof TITLE_LANGUAGES)[number];

export interface MediaTitle {
  romaji: string | null;
  english: string | null;
  native: string | null;
  userPreferred: string | null;
}

/** AniList's FuzzyDate: any part may be unknown. */
export interface FuzzyDate {
  year: number | null;
  month: number | null;
  day: number | null;
}

/** One media as the finder and the screens see it, without its relations. */
export interface Media {
  id: number;
  type: MediaType | null;
  format: MediaFormat | null;
  status: MediaStatus | null;
  title: MediaTitle;
  synonyms: string[];
  isAdult: boolean;
  episodes: number | null;
  /** Minutes per episode. */
  duration: number | null;
  chapters: number | null;
  volumes: number | null;
  startDate: FuzzyDate | null;
  season: string | null;
  seasonYear: number | null;
  coverImage: string | null;
  siteUrl: string | null;
  averageScore: number | null;
  popularity: number | null;
  genres: string[];
  /** AniList's HTML synopsis, as sent. Screens reduce it to text. */
  description: string | null;
  /** Unix seconds of the next episode's airing, when AniList knows it. */
  nextAiringAt: number | null;
}

export interface RelationEdge {
  relationType: MediaRelation;
  node: Media;
}

/** A media with its outgoing relation edges, as fetched at `fetchedAt` (ms since the epoch). */
export interface MediaRelations {
  media: Media;
  edges: RelationEdge[];
  fetchedAt: number;
}

/** One entry of a user's list. A media that appears in several lists yields one entry with every list name. */
export interface ListEntry {
  /** The MediaList id. */
  id: number;
  mediaId: number;
  status: MediaListStatus;
  progress: number;
  score: number;
  repeat: number;
  private: boolean;
  /** Names of the lists that hold this entry: status lists and custom lists alike. */
  lists: string[];
  /** True when the entry is hidden from status lists and lives only in custom lists. */
  hiddenFromStatusLists: boolean;
  updatedAt: number | null;
  media: Media;
  /** The media's relation edges, when the list query fetched them. */
  edges: RelationEdge[] | null;
}

export interface AniListUser {
  id: number;
  name: string;
  avatar: string | null;
}

export interface UserList {
  user: AniListUser;
  type: MediaType;
  entries: ListEntry[];
}

/** The logged-in user's profile and the options every screen honours. */
export interface Viewer extends AniListUser {
  titleLanguage: TitleLanguage;
  displayAdultContent: boolean;
  scoreFormat: ScoreFormat;
}
