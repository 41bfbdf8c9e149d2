import { z } from 'zod';
import {
  MEDIA_FORMATS, MEDIA_RELATIONS, MEDIA_STATUSES, MEDIA_TYPES,
  type Media, type MediaRelations,
} from '../anilist/types';

/**
 * zod schemas for a relation record as the caches store it. Unlike the AniList response schemas,
 * these accept nothing but the exact `MediaRelations` shape: a record written by an older build,
 * cut short or damaged fails to parse, and the cache drops it so the caller refetches that media.
 * Keys that are not part of the shape are stripped.
 */

const fuzzyDateSchema = z.object({
  year: z.number().nullable(),
  month: z.number().nullable(),
  day: z.number().nullable(),
});

const mediaTitleSchema = z.object({
  romaji: z.string().nullable(),
  english: z.string().nullable(),
  native: z.string().nullable(),
  userPreferred: z.string().nullable(),
});

// The annotations make tsc report a field of `Media` or `MediaRelations` that these schemas miss.
export const storedMediaSchema: z.ZodType<Media> = z.object({
  id: z.number().int().positive(),
  type: z.enum(MEDIA_TYPES).nullable(),
  format: z.enum(MEDIA_FORMATS).nullable(),
  status: z.enum(MEDIA_STATUSES).nullable(),
  title: mediaTitleSchema,
  synonyms: z.array(z.string()),
  isAdult: z.boolean(),
  episodes: z.number().nullable(),
  duration: z.number().nullable(),
  chapters: z.number().nullable(),
  volumes: z.number().nullable(),
  startDate: fuzzyDateSchema.nullable(),
  season: z.string().nullable(),
  seasonYear: z.number().nullable(),
  coverImage: z.string().nullable(),
  siteUrl: z.string().nullable(),
  averageScore: z.number().nullable(),
  popularity: z.number().nullable(),
  genres: z.array(z.string()),
  description: z.string().nullable(),
  nextAiringAt: z.number().nullable(),
});

export const storedRelationsSchema: z.ZodType<MediaRelations> = z.object({
  media: storedMediaSchema,
  edges: z.array(
    z.object({
      relationType: z.enum(MEDIA_RELATIONS),
      node: storedMediaSchema,
    }),
  ),
  fetchedAt: z.number().nonnegative(),
});

/** Parses a stored relation record; returns null when it is corrupt or partial. */
export function parseStoredRelations(value: unknown): MediaRelations | null {
  const result = storedRelationsSchema.safeParse(value);
  return result.success ? result.data : null;
}

/**
 * Parses a record that a caller is about to store, so a record the cache would drop on read
 * fails here instead. Throws an Error that names the media id and the first invalid field.
 */
export function parseRecordToStore(record: MediaRelations): MediaRelations {
  const result = storedRelationsSchema.safeParse(record);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const field = issue ? issue.path.join('.') || '(record)' : '(record)';
  const message = issue?.message ?? 'invalid';
  throw new Error(
    `Cannot cache the relations of media ${String(record?.media?.id)}: field ${field} is invalid (${message}).`,
  );
}
