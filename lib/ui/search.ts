import type { Media } from '../anilist/types';

/**
 * Text search over every title and synonym of a media. Matching ignores case, accents and
 * punctuation, and every word of the query must appear somewhere in the titles.
 */

/** Lower-cases, strips accents and turns punctuation into spaces, so "Shingeki no Kyojin: Final" matches "shingeki final". */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Returns every title and synonym of `media`, normalized and joined by a separator no query word contains. */
export function searchTextOf(media: Pick<Media, 'title' | 'synonyms'>): string {
  const { romaji, english, native, userPreferred } = media.title;
  return [romaji, english, native, userPreferred, ...media.synonyms]
    .filter((title): title is string => typeof title === 'string' && title !== '')
    .map(normalizeSearchText)
    .join(' | ');
}

/** Splits a query into normalized words; an empty result matches everything. */
export function queryWords(query: string): string[] {
  const normalized = normalizeSearchText(query);
  return normalized === '' ? [] : normalized.split(' ');
}

/** Tells whether every query word occurs in `searchText` (from searchTextOf). */
export function matchesWords(searchText: string, words: readonly string[]): boolean {
  return words.every((word) => searchText.includes(word));
}
