import { describe, expect, it } from 'vitest';
import { parseRecordToStore, parseStoredRelations } from '../../lib/cache/record';
import { allFixtureRecords, FIXTURES, fixtureRecord } from './fixture-records';

const FETCHED_AT = Date.UTC(2025, 0, 19, 12, 0, 0);
const kimetsu = fixtureRecord(FIXTURES.kimetsu, FETCHED_AT);

/** Returns a deep copy of the Kimetsu no Yaiba record changed by `change`. */
function damaged(change: (record: any) => void): unknown {
  const copy = structuredClone(kimetsu) as any;
  change(copy);
  return copy;
}

describe('parseStoredRelations valid records', () => {
  it.each(allFixtureRecords(FETCHED_AT).map((record) => ({ id: record.media.id, record })))(
    'media $id round-trips through JSON',
    ({ record }) => {
      expect(parseStoredRelations(JSON.parse(JSON.stringify(record)))).toEqual(record);
    },
  );

  it('keeps all 65 Detective Conan edges', () => {
    const record = fixtureRecord(FIXTURES.detectiveConan, FETCHED_AT);
    expect(parseStoredRelations(record)?.edges).toHaveLength(65);
  });

  it('strips keys outside the shape', () => {
    const parsed = parseStoredRelations(damaged((record) => {
      record.extra = 'x';
      record.media.bannerImage = 'https://example.invalid/banner.jpg';
    }));
    expect(parsed).toEqual(kimetsu);
    expect(parsed).not.toHaveProperty('extra');
  });
});

const corrupt: { name: string; value: unknown }[] = [
  { name: 'garbage string', value: '{"media": {"id": 101922' },
  { name: 'null', value: null },
  { name: 'number', value: 101922 },
  { name: 'array', value: [kimetsu] },
  { name: 'missing media', value: damaged((r) => delete r.media) },
  { name: 'media with only an id', value: damaged((r) => { r.media = { id: 101922 }; }) },
  { name: 'media id as string', value: damaged((r) => { r.media.id = '101922'; }) },
  { name: 'media id zero', value: damaged((r) => { r.media.id = 0; }) },
  { name: 'media id fractional', value: damaged((r) => { r.media.id = 101922.5; }) },
  { name: 'unknown media status', value: damaged((r) => { r.media.status = 'PAUSED'; }) },
  { name: 'title null', value: damaged((r) => { r.media.title = null; }) },
  { name: 'title field a number', value: damaged((r) => { r.media.title.romaji = 7; }) },
  { name: 'null inside synonyms', value: damaged((r) => { r.media.synonyms.push(null); }) },
  { name: 'isAdult a string', value: damaged((r) => { r.media.isAdult = 'false'; }) },
  { name: 'startDate missing day', value: damaged((r) => { delete r.media.startDate.day; }) },
  { name: 'missing nextAiringAt', value: damaged((r) => delete r.media.nextAiringAt) },
  { name: 'episodes NaN', value: damaged((r) => { r.media.episodes = Number.NaN; }) },
  { name: 'missing edges', value: damaged((r) => delete r.edges) },
  { name: 'edges a string', value: damaged((r) => { r.edges = 'SEQUEL'; }) },
  { name: 'edges an object', value: damaged((r) => { r.edges = { 0: r.edges[0] }; }) },
  { name: 'edge without node', value: damaged((r) => delete r.edges[1].node) },
  { name: 'edge node partial', value: damaged((r) => delete r.edges[1].node.status) },
  { name: 'edge null', value: damaged((r) => { r.edges[2] = null; }) },
  { name: 'unknown relation type', value: damaged((r) => { r.edges[1].relationType = 'NEXT'; }) },
  { name: 'missing fetchedAt', value: damaged((r) => delete r.fetchedAt) },
  { name: 'fetchedAt a date string', value: damaged((r) => { r.fetchedAt = '2025-01-19T12:00:00Z'; }) },
  { name: 'fetchedAt negative', value: damaged((r) => { r.fetchedAt = -1; }) },
  { name: 'fetchedAt infinite', value: damaged((r) => { r.fetchedAt = Number.POSITIVE_INFINITY; }) },
];

describe('parseStoredRelations corrupt records', () => {
  it.each(corrupt)('$name returns null', ({ value }) => {
    expect(parseStoredRelations(value)).toBeNull();
  });
});

describe('parseRecordToStore', () => {
  it('returns a copy', () => {
    const parsed = parseRecordToStore(kimetsu);
    expect(parsed).toEqual(kimetsu);
    expect(parsed).not.toBe(kimetsu);
    expect(parsed.edges).not.toBe(kimetsu.edges);
  });

  it('names media and field when invalid', () => {
    const invalid = damaged((r) => { r.edges[1].node.status = 'PAUSED'; }) as typeof kimetsu;
    expect(() => parseRecordToStore(invalid)).toThrow(/media 101922: field edges\.1\.node\.status is invalid/);
  });
});
