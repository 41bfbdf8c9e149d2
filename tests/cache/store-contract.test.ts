import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MediaRelations } from '../../lib/anilist/types';
import type { CacheLifetimes } from '../../lib/cache/expiry';
import { openFileRelationStore } from '../../lib/cache/file-store';
import { openIdbRelationStore } from '../../lib/cache/idb-store';
import { createMemoryRelationStore } from '../../lib/cache/memory-store';
import type { RelationStore } from '../../lib/cache/store';
import { allFixtureRecords, FIXTURES, fixtureRecord } from './fixture-records';

// The behaviour every RelationStore shares, run against each implementation.

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const T = Date.UTC(2025, 0, 19, 12, 0, 0);

let tempDir = '';
let fileCount = 0;
beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'relation-store-contract-'));
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

type OpenStore = (options?: { lifetimes?: CacheLifetimes }) => Promise<RelationStore>;

const implementations: { name: string; open: OpenStore }[] = [
  { name: 'memory', open: async (options) => createMemoryRelationStore(options) },
  { name: 'IndexedDB', open: (options) => openIdbRelationStore({ indexedDB: new IDBFactory(), ...options }) },
  {
    name: 'file',
    open: (options) => openFileRelationStore(path.join(tempDir, `cache-${++fileCount}.json`), options),
  },
];

describe.each(implementations)('$name store', ({ open }) => {
  const opened: RelationStore[] = [];
  const openStore: OpenStore = async (options) => {
    const store = await open(options);
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('empty store finds nothing', async () => {
    const store = await openStore();
    expect((await store.getRelations([101922, 235], T)).size).toBe(0);
  });

  it('returns every stored fixture', async () => {
    const store = await openStore();
    const records = allFixtureRecords(T);
    await store.putRelations(records);

    const found = await store.getRelations([...records.map((r) => r.media.id), 999_999_999], T);
    expect(found.size).toBe(records.length);
    for (const record of records) expect(found.get(record.media.id)).toEqual(record);
    expect(found.has(999_999_999)).toBe(false);
  });

  it('put replaces same media', async () => {
    const store = await openStore();
    const older = fixtureRecord(FIXTURES.kimetsu, T - HOUR);
    const newer = { ...fixtureRecord(FIXTURES.kimetsu, T), edges: [] };
    await store.putRelations([older]);
    await store.putRelations([newer]);

    expect((await store.getRelations([101922], T)).get(101922)).toEqual(newer);
  });

  it('caller edits do not reach store', async () => {
    const store = await openStore();
    const input = fixtureRecord(FIXTURES.kimetsu, T);
    await store.putRelations([input]);
    input.edges.length = 0;
    const first = (await store.getRelations([101922], T)).get(101922);
    first?.edges.pop();

    expect((await store.getRelations([101922], T)).get(101922)?.edges).toHaveLength(5);
  });

  it('expired record left out and deleted', async () => {
    const store = await openStore();
    await store.putRelations([fixtureRecord(FIXTURES.kimetsu, T)]);

    expect((await store.getRelations([101922], T + 7 * DAY)).size).toBe(0);
    // At the fetch time the record would be fresh again, so finding nothing proves it was deleted.
    expect((await store.getRelations([101922], T)).size).toBe(0);
  });

  it('expiry depends on media status', async () => {
    const store = await openStore();
    await store.putRelations(allFixtureRecords(T));
    const ids = allFixtureRecords(T).map((r) => r.media.id);

    const afterSixHours = await store.getRelations(ids, T + 6 * HOUR);
    // Finished, cancelled and null-status media are still fresh; releasing and announced are not.
    expect([...afterSixHours.keys()].sort((a, b) => a - b)).toEqual([101704, 101922, 135643]);

    const afterOneDay = await store.getRelations(ids, T + DAY);
    expect([...afterOneDay.keys()].sort((a, b) => a - b)).toEqual([101704, 101922]);
  });

  it('honours custom lifetimes', async () => {
    const store = await openStore({ lifetimes: { finishedMs: 1000, releasingMs: 5000, announcedMs: 1, otherMs: 1 } });
    await store.putRelations([fixtureRecord(FIXTURES.kimetsu, T), fixtureRecord(FIXTURES.tonikaku, T)]);

    const found = await store.getRelations([101922, 141208], T + 1000);
    expect(found.has(101922)).toBe(false);
    expect(found.has(141208)).toBe(true);
  });

  it('invalid record rejects whole batch', async () => {
    const store = await openStore();
    const invalid = { ...fixtureRecord(FIXTURES.tonikaku, T), fetchedAt: Number.NaN };

    await expect(store.putRelations([fixtureRecord(FIXTURES.kimetsu, T), invalid])).rejects.toThrow(/media 141208/);
    expect((await store.getRelations([101922, 141208], T)).size).toBe(0);
  });

  it('ignores duplicate and non-integer ids', async () => {
    const store = await openStore();
    await store.putRelations([fixtureRecord(FIXTURES.kimetsu, T)]);

    const found = await store.getRelations([101922, 101922, Number.NaN, 1.5, -1, Number.POSITIVE_INFINITY], T);
    expect([...found.keys()]).toEqual([101922]);
  });

  it('empty put and get', async () => {
    const store = await openStore();
    await store.putRelations([]);
    expect((await store.getRelations([], T)).size).toBe(0);
  });

  it('clear removes every record', async () => {
    const store = await openStore();
    await store.putRelations(allFixtureRecords(T));
    await store.clear();

    expect((await store.getRelations([101922, 235, 141208], T)).size).toBe(0);
  });

  it('closed store rejects calls', async () => {
    const store = await openStore();
    await store.close();
    await store.close();

    await expect(store.getRelations([101922], T)).rejects.toThrow(/closed/);
    await expect(store.putRelations([fixtureRecord(FIXTURES.kimetsu, T)])).rejects.toThrow(/closed/);
    await expect(store.clear()).rejects.toThrow(/closed/);
  });
});

/** Stores that outlive their connection: each entry returns a function that reopens the same cache. */
const persistent: { name: string; reopener: () => () => Promise<RelationStore> }[] = [
  {
    name: 'IndexedDB',
    reopener: () => {
      const factory = new IDBFactory();
      return () => openIdbRelationStore({ indexedDB: factory });
    },
  },
  {
    name: 'file',
    reopener: () => {
      const file = path.join(tempDir, `reopened-${++fileCount}.json`);
      return () => openFileRelationStore(file);
    },
  },
];

describe.each(persistent)('$name store reopened', ({ reopener }) => {
  it('keeps records', async () => {
    // The file store drops records that are expired when it loads, so these are fetched now.
    const now = Date.now();
    const records: MediaRelations[] = allFixtureRecords(now);
    const reopen = reopener();

    const first = await reopen();
    await first.putRelations(records);
    await first.close();

    const second = await reopen();
    const found = await second.getRelations(records.map((r) => r.media.id), now);
    await second.close();
    expect(found.size).toBe(records.length);
    for (const record of records) expect(found.get(record.media.id)).toEqual(record);
  });

  it('keeps clear', async () => {
    const now = Date.now();
    const reopen = reopener();

    const first = await reopen();
    await first.putRelations(allFixtureRecords(now));
    await first.clear();
    await first.close();

    const second = await reopen();
    const found = await second.getRelations([101922, 235], now);
    await second.close();
    expect(found.size).toBe(0);
  });
});
