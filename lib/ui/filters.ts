import type { Media, MediaFormat, MediaListStatus } from '../anilist/types';
import type { Availability, MissingSequel } from '../sequels/types';
import { matchesWords, queryWords, searchTextOf } from './search';

/** A format filter value: AniList's format, or UNKNOWN for media whose format AniList leaves null. */
export type FormatKey = MediaFormat | 'UNKNOWN';

/** What the Sequels tab shows. Empty lists and null bounds filter nothing. */
export interface SequelFilter {
  /** Formats to show; empty shows every format. */
  formats: FormatKey[];
  /** List statuses of the followed entry; a sequel is shown when any entry it follows has one of them. */
  followedStatuses: MediaListStatus[];
  availability: Availability | 'all';
  /** Inclusive release year bounds. A media with no known year is hidden while either bound is set. */
  yearFrom: number | null;
  yearTo: number | null;
  /** Words searched in every title and synonym. */
  query: string;
}

export const EMPTY_FILTER: SequelFilter = {
  formats: [],
  followedStatuses: [],
  availability: 'all',
  yearFrom: null,
  yearTo: null,
  query: '',
};

export function formatKeyOf(media: Pick<Media, 'format'>): FormatKey {
  return media.format ?? 'UNKNOWN';
}

/** The release year: the start date's year, else the season year, else null. */
export function releaseYearOf(media: Pick<Media, 'startDate' | 'seasonYear'>): number | null {
  return media.startDate?.year ?? media.seasonYear ?? null;
}

/** Tells whether any filter differs from EMPTY_FILTER. */
export function isFilterActive(filter: SequelFilter): boolean {
  return (
    filter.formats.length > 0 ||
    filter.followedStatuses.length > 0 ||
    filter.availability !== 'all' ||
    filter.yearFrom !== null ||
    filter.yearTo !== null ||
    queryWords(filter.query).length > 0
  );
}

/**
 * Caches each media's search text, so typing in the search field does not rebuild the text of
 * 1,000 results on every key press. Keyed by the media object, which a new scan replaces.
 */
const searchTexts = new WeakMap<Media, string>();

function cachedSearchText(media: Media): string {
  let text = searchTexts.get(media);
  if (text === undefined) {
    text = searchTextOf(media);
    searchTexts.set(media, text);
  }
  return text;
}

/** Returns the sequels that pass every filter, in their original order. */
export function applyFilter(sequels: readonly MissingSequel[], filter: SequelFilter): MissingSequel[] {
  const formats = new Set(filter.formats);
  const statuses = new Set(filter.followedStatuses);
  const words = queryWords(filter.query);
  const yearBounded = filter.yearFrom !== null || filter.yearTo !== null;

  return sequels.filter((sequel) => {
    const { media } = sequel;
    if (formats.size > 0 && !formats.has(formatKeyOf(media))) return false;
    if (statuses.size > 0 && !sequel.from.some((source) => statuses.has(source.listStatus))) return false;
    if (filter.availability !== 'all' && sequel.availability !== filter.availability) return false;
    if (yearBounded) {
      const year = releaseYearOf(media);
      if (year === null) return false;
      if (filter.yearFrom !== null && year < filter.yearFrom) return false;
      if (filter.yearTo !== null && year > filter.yearTo) return false;
    }
    return words.length === 0 || matchesWords(cachedSearchText(media), words);
  });
}

/** The values the filter controls offer: only those present in the results, in a stable order. */
export interface FilterChoices {
  formats: FormatKey[];
  followedStatuses: MediaListStatus[];
  /** Smallest and largest known release year, or null when no result has one. */
  years: { min: number; max: number } | null;
}

/** AniList's order of formats, with UNKNOWN last. */
export const FORMAT_ORDER: readonly FormatKey[] = [
  'TV', 'TV_SHORT', 'MOVIE', 'SPECIAL', 'OVA', 'ONA', 'MUSIC', 'MANGA', 'NOVEL', 'ONE_SHOT', 'UNKNOWN',
];
const STATUS_ORDER: readonly MediaListStatus[] = ['CURRENT', 'REPEATING', 'COMPLETED', 'PAUSED', 'DROPPED', 'PLANNING'];

export function filterChoicesOf(sequels: readonly MissingSequel[]): FilterChoices {
  const formats = new Set<FormatKey>();
  const statuses = new Set<MediaListStatus>();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;

  for (const sequel of sequels) {
    formats.add(formatKeyOf(sequel.media));
    for (const source of sequel.from) statuses.add(source.listStatus);
    const year = releaseYearOf(sequel.media);
    if (year !== null) {
      min = Math.min(min, year);
      max = Math.max(max, year);
    }
  }

  return {
    formats: FORMAT_ORDER.filter((format) => formats.has(format)),
    followedStatuses: STATUS_ORDER.filter((status) => statuses.has(status)),
    years: Number.isFinite(min) ? { min, max } : null,
  };
}
