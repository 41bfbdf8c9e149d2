import { anilistImageUrl } from '../pages/images';
import type { FuzzyDate, Media, MediaListStatus, MediaType } from '../anilist/types';
import type { SharedUiKey } from '../i18n/catalog/shared-ui';
import { formatDate, type Locale } from '../i18n/locale';
import type { Translate } from '../i18n/translate';
import { formatKeyOf } from './filters';

/** Short phrases about a media for cards and lists, in the screen's language. */

const SEASONS = new Set(['WINTER', 'SPRING', 'SUMMER', 'FALL']);

/**
 * Formats AniList's fuzzy date with the parts it knows: "2024", "Jul 2024" or "Jul 8, 2024".
 * A date with only a year and a known season reads "Spring 2024". Returns null when the year is unknown.
 */
export function formatFuzzyDate(
  date: FuzzyDate | null,
  locale: Locale,
  t: Translate<SharedUiKey>,
  season: string | null = null,
): string | null {
  if (date === null || date.year === null) return null;
  const { year, month, day } = date;
  // UTC on both sides, so a date never shifts by a day in the user's time zone.
  if (month !== null && day !== null) {
    return formatDate(Date.UTC(year, month - 1, day), locale, { dateStyle: 'medium', timeZone: 'UTC' });
  }
  if (month !== null) {
    return formatDate(Date.UTC(year, month - 1, 1), locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  }
  if (season !== null && SEASONS.has(season)) return t(`season.${season}` as SharedUiKey, { year: String(year) });
  return String(year);
}

/** Returns the format's label, "Movie", "TV Short" or "Unknown format". */
export function formatLabel(media: Pick<Media, 'format'>, t: Translate<SharedUiKey>): string {
  return t(`format.${formatKeyOf(media)}`);
}

/** Returns AniList's name for a list status; CURRENT and REPEATING differ between anime and manga. */
export function listStatusLabel(status: MediaListStatus, type: MediaType | null, t: Translate<SharedUiKey>): string {
  if (status === 'CURRENT' || status === 'REPEATING') return t(`status.${type === 'MANGA' ? 'MANGA' : 'ANIME'}.${status}`);
  return t(`status.${status}`);
}

/** Describes when the media came or comes out: released, airing with the next episode, or announced. */
export function releaseText(media: Media, locale: Locale, t: Translate<SharedUiKey>): string {
  const start = media.startDate?.year != null
    ? media.startDate
    : media.seasonYear === null ? null : { year: media.seasonYear, month: null, day: null };
  const date = formatFuzzyDate(start, locale, t, media.season);

  switch (media.status) {
    case 'FINISHED':
      return date === null ? t('release.finishedUnknown') : t('release.finished', { date });
    case 'RELEASING':
      if (media.nextAiringAt !== null) {
        const next = formatDate(media.nextAiringAt * 1000, locale, { dateStyle: 'medium', timeStyle: 'short' });
        return t('release.airingNext', { date: next });
      }
      return date === null ? t('release.airing') : t('release.airingSince', { date });
    case 'NOT_YET_RELEASED':
      return date === null ? t('release.announced') : t('release.announcedFor', { date });
    case 'CANCELLED':
      return t('release.cancelled');
    case 'HIATUS':
      return t('release.hiatus');
    case null:
      return date ?? '';
  }
}

/** Describes the length: "12 episodes × 24 min", "110 min" for a one-episode film, or "120 chapters, 12 volumes". */
export function lengthText(media: Media, t: Translate<SharedUiKey>): string {
  if (media.type === 'MANGA' || (media.type === null && (media.chapters !== null || media.volumes !== null))) {
    const parts: string[] = [];
    if (media.chapters !== null) parts.push(t('length.chapters', { count: media.chapters }));
    if (media.volumes !== null) parts.push(t('length.volumes', { count: media.volumes }));
    return parts.join(', ');
  }

  const { episodes, duration } = media;
  if (episodes === 1 && duration !== null) return t('length.minutes', { minutes: duration });
  if (episodes !== null && duration !== null) return t('length.episodesWithMinutes', { count: episodes, minutes: duration });
  if (episodes !== null) return t('length.episodes', { count: episodes });
  if (duration !== null) return t('length.minutes', { minutes: duration });
  return '';
}

/**
 * Returns the cover URL when it is an https URL on AniList's image hosts (s4.anilist.co and its
 * siblings, with no port or credentials), else null. A crafted URL in stored data then cannot make
 * a screen load an image from elsewhere. The page panels apply the same rule.
 */
export function safeCoverUrl(url: string | null): string | null {
  return anilistImageUrl(url);
}

/**
 * Returns the media's AniList page, built from its type and id. AniList's siteUrl is not used, so
 * stored data cannot point the link at another path on anilist.co.
 */
export function aniListUrl(media: Pick<Media, 'id' | 'type'>): string {
  return `https://anilist.co/${media.type === 'MANGA' ? 'manga' : 'anime'}/${media.id}`;
}
