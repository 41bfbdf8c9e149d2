import { z } from 'zod';
import {
  MEDIA_FORMATS, MEDIA_LIST_STATUSES, MEDIA_RELATIONS, MEDIA_TYPES, type Viewer,
} from '../anilist/types';
import { type CacheLifetimes, DEFAULT_CACHE_LIFETIMES } from '../cache/expiry';
import { DEFAULT_FINDER_SETTINGS, type FinderSettings } from '../sequels/types';

/** The version of the settings layout this build writes; `migrations.ts` brings older ones up to it. */
export const SETTINGS_VERSION = 1;

export const LANGUAGE_SETTINGS = ['browser', 'en', 'pt-BR'] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

/** 0 turns the periodic scan off; any other interval lies in this range, in minutes. */
export const MIN_SCAN_INTERVAL_MINUTES = 60;
export const MAX_SCAN_INTERVAL_MINUTES = 7 * 24 * 60;

const HOUR_MS = 60 * 60 * 1000;
export const MIN_CACHE_LIFETIME_MS = HOUR_MS;
export const MAX_CACHE_LIFETIME_MS = 90 * 24 * HOUR_MS;

/** AniList user names are short; the limit only keeps a pasted paragraph out of storage.sync. */
export const MAX_USER_NAME_LENGTH = 50;

function uniqueArray<T extends string>(values: readonly [T, ...T[]]) {
  return z.array(z.enum(values)).refine((items) => new Set(items).size === items.length, 'Values must not repeat.');
}

const cacheLifetimeSchema = z.number().int().min(MIN_CACHE_LIFETIME_MS).max(MAX_CACHE_LIFETIME_MS);

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  mediaType: z.enum(MEDIA_TYPES),
  /** List statuses whose entries start the search for sequels; at least one. */
  sourceStatuses: uniqueArray(MEDIA_LIST_STATUSES).min(1),
  /** Relation types followed from one media to the next; at least one. */
  relations: uniqueArray(MEDIA_RELATIONS).min(1),
  excludedFormats: uniqueArray(MEDIA_FORMATS),
  /** null follows the AniList account's "adult content" choice, which needs a login to read. */
  includeAdult: z.boolean().nullable(),
  includeAnnounced: z.boolean(),
  scanIntervalMinutes: z
    .number()
    .int()
    .refine(
      (minutes) => minutes === 0 || (minutes >= MIN_SCAN_INTERVAL_MINUTES && minutes <= MAX_SCAN_INTERVAL_MINUTES),
      `Use 0 (off) or ${MIN_SCAN_INTERVAL_MINUTES} to ${MAX_SCAN_INTERVAL_MINUTES} minutes.`,
    ),
  notifications: z.strictObject({
    newSequels: z.boolean(),
    startedAiring: z.boolean(),
    newlyAnnounced: z.boolean(),
  }),
  autoAddToPlanning: z.boolean(),
  language: z.enum(LANGUAGE_SETTINGS),
  /** The list to scan while logged out; ignored while logged in. */
  scanUserName: z.string().trim().min(1).max(MAX_USER_NAME_LENGTH).nullable(),
  /** How long cached relation records stay fresh, in ms, by media status. */
  cacheLifetimes: z.strictObject({
    finishedMs: cacheLifetimeSchema,
    releasingMs: cacheLifetimeSchema,
    announcedMs: cacheLifetimeSchema,
    otherMs: cacheLifetimeSchema,
  }) satisfies z.ZodType<CacheLifetimes>,
});

export type Settings = z.infer<typeof settingsSchema>;
export type NotificationSettings = Settings['notifications'];

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  mediaType: DEFAULT_FINDER_SETTINGS.type,
  sourceStatuses: [...DEFAULT_FINDER_SETTINGS.sourceStatuses],
  relations: [...DEFAULT_FINDER_SETTINGS.relations],
  excludedFormats: [...DEFAULT_FINDER_SETTINGS.excludedFormats],
  includeAdult: null,
  includeAnnounced: DEFAULT_FINDER_SETTINGS.includeAnnounced,
  scanIntervalMinutes: 720,
  notifications: { newSequels: true, startedAiring: true, newlyAnnounced: true },
  autoAddToPlanning: false,
  language: 'browser',
  scanUserName: null,
  cacheLifetimes: { ...DEFAULT_CACHE_LIFETIMES },
};

/** Returns a fresh copy of the defaults, so callers may change it. */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

/**
 * Builds the finder's settings. An `includeAdult` of null takes the logged-in viewer's
 * `displayAdultContent`, and excludes adult media while logged out.
 */
export function toFinderSettings(settings: Settings, viewer: Pick<Viewer, 'displayAdultContent'> | null): FinderSettings {
  return {
    type: settings.mediaType,
    sourceStatuses: [...settings.sourceStatuses],
    relations: [...settings.relations],
    excludedFormats: [...settings.excludedFormats],
    includeAdult: settings.includeAdult ?? viewer?.displayAdultContent ?? false,
    includeAnnounced: settings.includeAnnounced,
  };
}
