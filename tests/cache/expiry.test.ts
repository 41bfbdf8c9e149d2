import { describe, expect, it } from 'vitest';
import type { MediaRelations, MediaStatus } from '../../lib/anilist/types';
import { type CacheLifetimes, DEFAULT_CACHE_LIFETIMES, isFresh, lifetimeForStatus } from '../../lib/cache/expiry';
import { FIXTURES, fixtureRecord } from './fixture-records';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const FETCHED_AT = Date.UTC(2025, 0, 19, 12, 0, 0);

function withStatus(record: MediaRelations, status: MediaStatus | null): MediaRelations {
  return { ...record, media: { ...record.media, status } };
}

// Each recorded media keeps its real status; HIATUS has no recording, so it reuses a releasing one.
const byStatus: { name: string; record: MediaRelations; lifetime: number }[] = [
  { name: 'FINISHED', record: fixtureRecord(FIXTURES.kimetsu, FETCHED_AT), lifetime: 7 * DAY },
  { name: 'CANCELLED', record: fixtureRecord(FIXTURES.cancelled, FETCHED_AT), lifetime: 7 * DAY },
  { name: 'RELEASING', record: fixtureRecord(FIXTURES.tonikaku, FETCHED_AT), lifetime: 6 * HOUR },
  { name: 'HIATUS', record: withStatus(fixtureRecord(FIXTURES.tonikaku, FETCHED_AT), 'HIATUS'), lifetime: 6 * HOUR },
  { name: 'NOT_YET_RELEASED', record: fixtureRecord(FIXTURES.announced, FETCHED_AT), lifetime: 6 * HOUR },
  { name: 'null status', record: fixtureRecord(FIXTURES.nullStatus, FETCHED_AT), lifetime: DAY },
];

describe('isFresh with default lifetimes', () => {
  it.each(byStatus)('$name record fixture has that status', ({ name, record }) => {
    expect(record.media.status ?? 'null status').toBe(name);
  });

  it.each(byStatus)('$name fresh just before lifetime', ({ record, lifetime }) => {
    expect(isFresh(record, FETCHED_AT, DEFAULT_CACHE_LIFETIMES)).toBe(true);
    expect(isFresh(record, FETCHED_AT + lifetime - 1)).toBe(true);
  });

  it.each(byStatus)('$name expired at lifetime', ({ record, lifetime }) => {
    expect(isFresh(record, FETCHED_AT + lifetime)).toBe(false);
    expect(isFresh(record, FETCHED_AT + 30 * DAY)).toBe(false);
  });

  it.each(byStatus)('$name future stamp within lifetime', ({ record, lifetime }) => {
    expect(isFresh(record, FETCHED_AT - lifetime + 1)).toBe(true);
    expect(isFresh(record, FETCHED_AT - lifetime)).toBe(false);
  });
});

describe('isFresh with custom lifetimes', () => {
  const custom: CacheLifetimes = { finishedMs: 10, releasingMs: 20, announcedMs: 30, otherMs: 40 };
  const cases: { status: MediaStatus | null; lifetime: number }[] = [
    { status: 'FINISHED', lifetime: 10 },
    { status: 'CANCELLED', lifetime: 10 },
    { status: 'RELEASING', lifetime: 20 },
    { status: 'HIATUS', lifetime: 20 },
    { status: 'NOT_YET_RELEASED', lifetime: 30 },
    { status: null, lifetime: 40 },
  ];
  const base = fixtureRecord(FIXTURES.kimetsu, FETCHED_AT);

  it.each(cases)('lifetimeForStatus $status', ({ status, lifetime }) => {
    expect(lifetimeForStatus(status, custom)).toBe(lifetime);
  });

  it.each(cases)('$status expires after custom lifetime', ({ status, lifetime }) => {
    const record = withStatus(base, status);
    expect(isFresh(record, FETCHED_AT + lifetime - 1, custom)).toBe(true);
    expect(isFresh(record, FETCHED_AT + lifetime, custom)).toBe(false);
  });

  it('zero lifetime never fresh', () => {
    const zero: CacheLifetimes = { finishedMs: 0, releasingMs: 0, announcedMs: 0, otherMs: 0 };
    expect(isFresh(base, FETCHED_AT, zero)).toBe(false);
  });

  it('NaN now never fresh', () => {
    expect(isFresh(base, Number.NaN)).toBe(false);
  });
});
