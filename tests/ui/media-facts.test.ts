import { describe, expect, it } from 'vitest';
import type { Media } from '../../lib/anilist/types';
import { sharedUiCatalog } from '../../lib/i18n/catalog/shared-ui';
import type { Locale } from '../../lib/i18n/locale';
import { createTranslator } from '../../lib/i18n/translate';
import {
  aniListUrl, formatFuzzyDate, formatLabel, lengthText, listStatusLabel, releaseText, safeCoverUrl,
} from '../../lib/ui/media-facts';
import { loadModbMedia, withId } from '../support/recorded';

const en = createTranslator(sharedUiCatalog, 'en');
const pt = createTranslator(sharedUiCatalog, 'pt-BR');
const bebop = loadModbMedia(1).media;

function media(changes: Partial<Media>): Media {
  return withId(bebop, 9_000_001, changes);
}

describe('formatFuzzyDate', () => {
  const cases: { date: Media['startDate']; season?: string; locale: Locale; expected: string | null }[] = [
    { date: { year: 1998, month: 4, day: 3 }, locale: 'en', expected: 'Apr 3, 1998' },
    { date: { year: 1998, month: 4, day: 3 }, locale: 'pt-BR', expected: '3 de abr. de 1998' },
    { date: { year: 2024, month: 7, day: null }, locale: 'en', expected: 'Jul 2024' },
    { date: { year: 2024, month: null, day: null }, locale: 'en', expected: '2024' },
    { date: { year: 2024, month: null, day: null }, season: 'SPRING', locale: 'en', expected: 'Spring 2024' },
    { date: { year: 2024, month: null, day: null }, season: 'FALL', locale: 'pt-BR', expected: 'Outono de 2024' },
    { date: { year: null, month: 5, day: 1 }, locale: 'en', expected: null },
    { date: null, locale: 'en', expected: null },
  ];
  for (const { date, season, locale, expected } of cases) {
    it(`date ${JSON.stringify(date)} ${season ?? ''} in ${locale}`, () => {
      expect(formatFuzzyDate(date, locale, locale === 'en' ? en : pt, season ?? null)).toBe(expected);
    });
  }
});

describe('releaseText', () => {
  const cases: { name: string; changes: Partial<Media>; locale: Locale; expected: string }[] = [
    { name: 'finished with date', changes: {}, locale: 'en', expected: 'Released Apr 3, 1998' },
    { name: 'finished in pt-BR', changes: {}, locale: 'pt-BR', expected: 'Lançado em 3 de abr. de 1998' },
    {
      name: 'announced with year',
      changes: { status: 'NOT_YET_RELEASED', startDate: { year: 2026, month: null, day: null }, season: null },
      locale: 'en',
      expected: 'Announced for 2026',
    },
    {
      name: 'announced without date',
      changes: { status: 'NOT_YET_RELEASED', startDate: { year: null, month: null, day: null }, seasonYear: null },
      locale: 'pt-BR',
      expected: 'Anunciado, ainda sem data',
    },
    {
      name: 'announced by season year',
      changes: { status: 'NOT_YET_RELEASED', startDate: null, season: 'SUMMER', seasonYear: 2025 },
      locale: 'en',
      expected: 'Announced for Summer 2025',
    },
    { name: 'releasing without next episode', changes: { status: 'RELEASING', nextAiringAt: null }, locale: 'en', expected: 'Airing since Apr 3, 1998' },
    { name: 'cancelled', changes: { status: 'CANCELLED' }, locale: 'pt-BR', expected: 'Cancelado' },
  ];
  for (const { name, changes, locale, expected } of cases) {
    it(`release ${name}`, () => {
      expect(releaseText(media(changes), locale, locale === 'en' ? en : pt)).toBe(expected);
    });
  }

  it('next episode names the airing time', () => {
    const text = releaseText(media({ status: 'RELEASING', nextAiringAt: Date.UTC(2024, 6, 8, 15) / 1000 }), 'en', en);
    expect(text).toMatch(/^Airing, next episode Jul [78], 2024/);
  });
});

describe('lengthText', () => {
  const cases: { name: string; changes: Partial<Media>; expected: string }[] = [
    { name: 'series', changes: { episodes: 26, duration: 24 }, expected: '26 episodes × 24 min' },
    { name: 'one episode', changes: { episodes: 1, duration: 115, format: 'MOVIE' }, expected: '115 min' },
    { name: 'episodes only', changes: { episodes: 12, duration: null }, expected: '12 episodes' },
    { name: 'unknown', changes: { episodes: null, duration: null }, expected: '' },
    { name: 'manga', changes: { type: 'MANGA', chapters: 120, volumes: 12 }, expected: '120 chapters, 12 volumes' },
    { name: 'manga chapter', changes: { type: 'MANGA', chapters: 1, volumes: null }, expected: '1 chapter' },
  ];
  for (const { name, changes, expected } of cases) {
    it(`length of ${name}`, () => {
      expect(lengthText(media(changes), en)).toBe(expected);
    });
  }
  it('length in pt-BR', () => {
    expect(lengthText(media({ episodes: 26, duration: 24 }), pt)).toBe('26 episódios × 24 min');
  });
});

describe('labels', () => {
  it('format labels in both languages', () => {
    expect(formatLabel(media({ format: 'MOVIE' }), en)).toBe('Movie');
    expect(formatLabel(media({ format: 'MOVIE' }), pt)).toBe('Filme');
    expect(formatLabel(media({ format: null }), en)).toBe('Unknown format');
  });

  it('list status names follow AniList', () => {
    expect(listStatusLabel('CURRENT', 'ANIME', en)).toBe('Watching');
    expect(listStatusLabel('CURRENT', 'MANGA', en)).toBe('Reading');
    expect(listStatusLabel('REPEATING', 'MANGA', pt)).toBe('Rereading');
    expect(listStatusLabel('COMPLETED', 'ANIME', pt)).toBe('Completed');
  });
});

describe('safeCoverUrl and aniListUrl', () => {
  const covers: { url: string | null; expected: string | null }[] = [
    { url: bebop.coverImage, expected: bebop.coverImage },
    { url: 'http://s4.anilist.co/file/x.jpg', expected: null },
    { url: 'https://evil.example/anilist.co.jpg', expected: null },
    { url: 'https://anilist.co.evil.example/x.jpg', expected: null },
    { url: 'https://user:pw@evil.anilist.co:8443/x.png', expected: null },
    { url: 'https://s4.anilist.co:8443/x.png', expected: null },
    { url: 'https://img.anilist.co/x.png', expected: null },
    { url: 'javascript:alert(1)', expected: null },
    { url: 'not a url', expected: null },
    { url: null, expected: null },
  ];
  it('recorded cover is on the CDN', () => {
    expect(bebop.coverImage).toMatch(/^https:\/\/s4\.anilist\.co\//);
  });

  for (const { url, expected } of covers) {
    it(`cover ${String(url).slice(0, 40)}`, () => {
      expect(safeCoverUrl(url)).toBe(expected);
    });
  }

  it('page URL is built from type and id', () => {
    expect(aniListUrl({ id: 1, type: 'ANIME' })).toBe('https://anilist.co/anime/1');
    expect(aniListUrl({ id: 7, type: 'MANGA' })).toBe('https://anilist.co/manga/7');
    expect(aniListUrl({ id: 8, type: null })).toBe('https://anilist.co/anime/8');
  });
});
