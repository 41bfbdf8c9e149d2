import { z } from 'zod';
import {
  MEDIA_FORMATS, MEDIA_LIST_STATUSES, MEDIA_RELATIONS, MEDIA_STATUSES, MEDIA_TYPES, SCORE_FORMATS, TITLE_LANGUAGES,
} from './types';

/**
 * zod schemas for the parts of AniList's responses this project reads. AniList sends null for
 * unknown values and some recordings omit null fields, so every optional field accepts both and
 * becomes null. An enum value AniList adds later does not fail a response: an unknown relation type
 * becomes OTHER and other unknown enum values become null. A list entry's own status is the
 * exception, because every sequel rule reads it, so an unknown one fails the list as unreadable.
 */

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);
const lenientEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).nullish().catch(null).transform((value) => value ?? null);

export const fuzzyDateSchema = z.object({
  year: nullable(z.number()),
  month: nullable(z.number()),
  day: nullable(z.number()),
});

export const titleSchema = z.object({
  romaji: nullable(z.string()),
  english: nullable(z.string()),
  native: nullable(z.string()),
  userPreferred: nullable(z.string()),
});

const coverImageSchema = z.object({
  extraLarge: nullable(z.string()),
  large: nullable(z.string()),
  medium: nullable(z.string()),
});

/** A Media object as the operations select it; relations are parsed separately. */
export const mediaSchema = z
  .object({
    id: z.number().int().positive(),
    type: lenientEnum(MEDIA_TYPES),
    format: lenientEnum(MEDIA_FORMATS),
    status: lenientEnum(MEDIA_STATUSES),
    title: nullable(titleSchema),
    synonyms: nullable(z.array(z.string().nullable())),
    isAdult: nullable(z.boolean()),
    episodes: nullable(z.number()),
    duration: nullable(z.number()),
    chapters: nullable(z.number()),
    volumes: nullable(z.number()),
    startDate: nullable(fuzzyDateSchema),
    season: nullable(z.string()),
    seasonYear: nullable(z.number()),
    coverImage: nullable(coverImageSchema),
    siteUrl: nullable(z.string()),
    averageScore: nullable(z.number()),
    popularity: nullable(z.number()),
    genres: nullable(z.array(z.string().nullable())),
    description: nullable(z.string()),
    nextAiringEpisode: nullable(z.object({ airingAt: z.number() })),
  })
  .transform((raw) => ({
    id: raw.id,
    type: raw.type,
    format: raw.format,
    status: raw.status,
    title: raw.title ?? { romaji: null, english: null, native: null, userPreferred: null },
    synonyms: (raw.synonyms ?? []).filter((name): name is string => typeof name === 'string'),
    isAdult: raw.isAdult ?? false,
    episodes: raw.episodes,
    duration: raw.duration,
    chapters: raw.chapters,
    volumes: raw.volumes,
    startDate: raw.startDate,
    season: raw.season,
    seasonYear: raw.seasonYear,
    coverImage: raw.coverImage?.large ?? raw.coverImage?.extraLarge ?? raw.coverImage?.medium ?? null,
    siteUrl: raw.siteUrl,
    averageScore: raw.averageScore,
    popularity: raw.popularity,
    genres: (raw.genres ?? []).filter((genre): genre is string => typeof genre === 'string'),
    description: raw.description,
    nextAiringAt: raw.nextAiringEpisode?.airingAt ?? null,
  }));

export const relationTypeSchema = z.enum(MEDIA_RELATIONS).catch('OTHER');

export const relationEdgeSchema = z.object({
  relationType: relationTypeSchema,
  node: mediaSchema.nullable(),
});

/** `relations { edges { relationType(version: 2) node { ... } } }`; edges without a node are dropped. */
export const relationsSchema = z
  .object({ edges: nullable(z.array(relationEdgeSchema.nullable())) })
  .transform((connection) =>
    (connection.edges ?? []).flatMap((edge) => (edge?.node ? [{ relationType: edge.relationType, node: edge.node }] : [])),
  );

export const mediaWithRelationsSchema = z.object({ relations: nullable(relationsSchema) }).passthrough();

export const listStatusSchema = z.enum(MEDIA_LIST_STATUSES);

export const mediaListEntrySchema = z.object({
  id: z.number().int(),
  mediaId: nullable(z.number().int()),
  status: listStatusSchema,
  progress: nullable(z.number()),
  score: nullable(z.number()),
  repeat: nullable(z.number()),
  private: nullable(z.boolean()),
  hiddenFromStatusLists: nullable(z.boolean()),
  updatedAt: nullable(z.number()),
  media: z.unknown(),
});

export const mediaListGroupSchema = z.object({
  name: nullable(z.string()),
  isCustomList: nullable(z.boolean()),
  status: z.enum(MEDIA_LIST_STATUSES).nullish().catch(null),
  entries: nullable(z.array(mediaListEntrySchema.nullable())),
});

export const userSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  avatar: nullable(z.object({ large: nullable(z.string()), medium: nullable(z.string()) })),
});

export const mediaListCollectionSchema = z.object({
  lists: nullable(z.array(mediaListGroupSchema.nullable())),
  user: nullable(userSchema),
  hasNextChunk: nullable(z.boolean()),
});

export const viewerSchema = userSchema.extend({
  options: nullable(
    z.object({
      titleLanguage: z.enum(TITLE_LANGUAGES).nullish().catch(null),
      displayAdultContent: nullable(z.boolean()),
    }),
  ),
  mediaListOptions: nullable(z.object({ scoreFormat: z.enum(SCORE_FORMATS).nullish().catch(null) })),
});
