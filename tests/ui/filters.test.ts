import { describe, expect, it } from 'vitest';
import {
  applyFilter, EMPTY_FILTER, filterChoicesOf, isFilterActive, releaseYearOf, type SequelFilter,
} from '../../lib/ui/filters';
import { manyResults, seanimeResults } from './support/results';

const seanime = seanimeResults();

function idsOf(filter: Partial<SequelFilter>): number[] {
  return applyFilter(seanime, { ...EMPTY_FILTER, ...filter }).map((sequel) => sequel.media.id);
}

describe('applyFilter on the seanime results', () => {
  it('empty filter keeps everything in order', () => {
    expect(idsOf({})).toEqual(seanime.map((sequel) => sequel.media.id));
  });

  const cases: { name: string; filter: Partial<SequelFilter>; expected: number[] }[] = [
    { name: 'one format', filter: { formats: ['MOVIE'] }, expected: [32, 105143, 161474] },
    { name: 'two formats', filter: { formats: ['ONA', 'SPECIAL'] }, expected: [168872, 162314] },
    { name: 'announced only', filter: { availability: 'announced' }, expected: [168872, 166521, 163146, 166873] },
    { name: 'available only', filter: { availability: 'available' }, expected: [32, 105143, 161474, 163151, 158927, 162314] },
    { name: 'year range', filter: { yearFrom: 2023, yearTo: 2023 }, expected: [161474, 158927, 162314] },
    { name: 'year lower bound drops unknown year', filter: { yearFrom: 2024 }, expected: [168872, 163151, 163146, 166873] },
    { name: 'search romaji words', filter: { query: 'golden kamuy' }, expected: [166521] },
    { name: 'search ignores case and punctuation', filter: { query: 'SPY x family' }, expected: [158927] },
    { name: 'search native title', filter: { query: '進撃の巨人' }, expected: [162314] },
    { name: 'followed status PLANNING', filter: { followedStatuses: ['PLANNING'] }, expected: seanime.map((s) => s.media.id) },
    { name: 'followed status COMPLETED', filter: { followedStatuses: ['COMPLETED'] }, expected: [] },
    { name: 'format and availability together', filter: { formats: ['TV'], availability: 'announced' }, expected: [166521, 163146, 166873] },
  ];

  for (const { name, filter, expected } of cases) {
    it(`filter by ${name}`, () => {
      expect(idsOf(filter)).toEqual(expected);
    });
  }
});

describe('search over synonyms', () => {
  it('finds a media by a synonym only', () => {
    const sequel = seanime.find((item) => item.media.synonyms.length > 0);
    expect(sequel).toBeDefined();
    const synonym = sequel!.media.synonyms[0]!;
    const found = applyFilter(seanime, { ...EMPTY_FILTER, query: synonym }).map((item) => item.media.id);
    expect(found).toContain(sequel!.media.id);
  });

  it('accents in the query are ignored', () => {
    const results = manyResults(40);
    const accented = applyFilter(results, { ...EMPTY_FILTER, query: 'Cowboy Bébop' });
    const plain = applyFilter(results, { ...EMPTY_FILTER, query: 'cowboy bebop' });
    expect(plain.length).toBeGreaterThan(0);
    expect(accented.map((item) => item.media.id)).toEqual(plain.map((item) => item.media.id));
  });
});

describe('filterChoicesOf', () => {
  it('offers only values present', () => {
    const choices = filterChoicesOf(seanime);
    expect(choices.formats).toEqual(['TV', 'MOVIE', 'SPECIAL', 'ONA']);
    expect(choices.followedStatuses).toEqual(['PLANNING']);
    expect(choices.years).toEqual({ min: 1997, max: 2024 });
  });

  it('no results give no years', () => {
    expect(filterChoicesOf([]).years).toBeNull();
  });
});

describe('isFilterActive and releaseYearOf', () => {
  it('blank query is not a filter', () => {
    expect(isFilterActive({ ...EMPTY_FILTER, query: '  ' })).toBe(false);
    expect(isFilterActive({ ...EMPTY_FILTER, yearTo: 2020 })).toBe(true);
  });

  it('season year stands in for a missing start year', () => {
    expect(releaseYearOf({ startDate: { year: null, month: null, day: null }, seasonYear: 2021 })).toBe(2021);
    expect(releaseYearOf({ startDate: null, seasonYear: null })).toBeNull();
  });
});
