import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openSequelFinderDb, UPGRADE_STEPS } from '../../lib/cache/db';
import { openIdbRelationStore } from '../../lib/cache/idb-store';
import { FIXTURES, fixtureRecord } from './fixture-records';

const T = Date.UTC(2025, 0, 19, 12, 0, 0);
const kimetsu = fixtureRecord(FIXTURES.kimetsu, T);
const tonikaku = fixtureRecord(FIXTURES.tonikaku, T);

/** Returns a deep copy of the Tonikaku Kawaii record changed by `change`; its key stays media id 141208. */
function damaged(change: (record: any) => void): unknown {
  const copy = structuredClone(tonikaku) as any;
  change(copy);
  return copy;
}

// Every value keeps a numeric media.id, because the object store's keyPath rejects any other value.
const corruptValues: { name: string; value: unknown }[] = [
  { name: 'media with only an id', value: { media: { id: 141208 }, edges: [], fetchedAt: T } },
  { name: 'garbage string as media title', value: damaged((r) => { r.media.title = 'Tonikaku Kawaii 2nd Season'; }) },
  { name: 'edges a garbage string', value: damaged((r) => { r.edges = 'PREQUEL,SOURCE'; }) },
  { name: 'missing edges', value: damaged((r) => delete r.edges) },
  { name: 'edge without node', value: damaged((r) => delete r.edges[0].node) },
  { name: 'unknown relation type', value: damaged((r) => { r.edges[0].relationType = 'NEXT'; }) },
  { name: 'fetchedAt a string', value: damaged((r) => { r.fetchedAt = String(T); }) },
  { name: 'missing fetchedAt', value: damaged((r) => delete r.fetchedAt) },
  { name: 'episodes a string', value: damaged((r) => { r.media.episodes = '12'; }) },
  { name: 'record from an older build', value: damaged((r) => delete r.media.nextAiringAt) },
];

describe('IndexedDB store corrupt records', () => {
  it.each(corruptValues)('$name dropped and deleted', async ({ value }) => {
    const factory = new IDBFactory();
    const raw = await openSequelFinderDb({ indexedDB: factory });
    await raw.put('relations', kimetsu);
    await raw.put('relations', value as typeof kimetsu);
    raw.close();

    const store = await openIdbRelationStore({ indexedDB: factory });
    const found = await store.getRelations([141208, 101922], T);
    await store.close();

    expect(found.has(141208)).toBe(false);
    expect(found.get(101922)).toEqual(kimetsu);
    const after = await openSequelFinderDb({ indexedDB: factory });
    expect(await after.get('relations', 141208)).toBeUndefined();
    expect(await after.get('relations', 101922)).toEqual(kimetsu);
    after.close();
  });
});

describe('IndexedDB store database', () => {
  it('uses sequel-finder by default', async () => {
    const factory = new IDBFactory();
    const store = await openIdbRelationStore({ indexedDB: factory });
    await store.close();

    expect(await factory.databases()).toEqual([{ name: DB_NAME, version: DB_VERSION }]);
  });

  it('uses the given name', async () => {
    const factory = new IDBFactory();
    const store = await openIdbRelationStore({ name: 'other-cache', indexedDB: factory });
    await store.putRelations([kimetsu]);
    await store.close();

    expect(await factory.databases()).toEqual([{ name: 'other-cache', version: DB_VERSION }]);
  });

  it('reads records of a version 1 database', async () => {
    const factory = new IDBFactory();
    const v1 = await openSequelFinderDb({ indexedDB: factory, steps: UPGRADE_STEPS.slice(0, 1) });
    await v1.put('relations', kimetsu);
    v1.close();

    const store = await openIdbRelationStore({ indexedDB: factory });
    const found = await store.getRelations([101922], T);
    await store.close();
    expect(found.get(101922)).toEqual(kimetsu);
  });

  it('closes when another page upgrades', async () => {
    const factory = new IDBFactory();
    const store = await openIdbRelationStore({ indexedDB: factory });
    const newer = await openSequelFinderDb({
      indexedDB: factory,
      steps: [...UPGRADE_STEPS, { version: DB_VERSION + 1, description: 'test: no change', apply: () => undefined }],
    });
    newer.close();

    await expect(store.getRelations([101922], T)).rejects.toThrow(/another extension page upgraded or deleted it/);
    await store.close();
  });
});
