import { z } from 'zod';
import {
  MEDIA_LIST_STATUSES, MEDIA_RELATIONS, MEDIA_TYPES, type ListEntry, type UserList,
} from '../anilist/types';
import { storedMediaSchema } from '../cache/record';
import type { MissingSequel } from '../sequels/types';

/**
 * zod schemas for what the background keeps in IndexedDB between worker starts: the list a scan
 * read and the missing sequels it found. A value written by another build, or damaged, fails to
 * parse and is treated as absent, so the scan reads the list again instead of crashing.
 */

const relationEdgeSchema = z.object({ relationType: z.enum(MEDIA_RELATIONS), node: storedMediaSchema });

// The annotations make tsc report a field of the shared types that these schemas miss.
export const storedListEntrySchema: z.ZodType<ListEntry> = z.object({
  id: z.number().int(),
  mediaId: z.number().int().positive(),
  status: z.enum(MEDIA_LIST_STATUSES),
  progress: z.number(),
  score: z.number(),
  repeat: z.number(),
  private: z.boolean(),
  lists: z.array(z.string()),
  hiddenFromStatusLists: z.boolean(),
  updatedAt: z.number().nullable(),
  media: storedMediaSchema,
  edges: z.array(relationEdgeSchema).nullable(),
});

export const storedUserListSchema: z.ZodType<UserList> = z.object({
  user: z.object({ id: z.number().int().nonnegative(), name: z.string(), avatar: z.string().nullable() }),
  type: z.enum(MEDIA_TYPES),
  entries: z.array(storedListEntrySchema),
});

export const storedMissingSequelSchema: z.ZodType<MissingSequel> = z.object({
  media: storedMediaSchema,
  relation: z.enum(MEDIA_RELATIONS),
  depth: z.number().int().positive(),
  from: z.array(z.object({ mediaId: z.number().int().positive(), listStatus: z.enum(MEDIA_LIST_STATUSES), media: storedMediaSchema })),
  via: z.array(z.number().int().positive()),
  franchise: z.string(),
  availability: z.enum(['available', 'announced']),
});
