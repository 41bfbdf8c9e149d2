import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { displayTitle } from '../../lib/anilist/title';
import {
  IGNORED_AREA_KEY, IGNORED_SYNC_BUDGET_BYTES, ignoredIds, ignoredStorageArea, ignoreMedia, importIgnored,
  listIgnored, onIgnoredChanged, unignoreMedia,
} from '../../lib/ignored/store';
import { SHARD_KEYS } from '../../lib/ignored/shards';
import { SYNC_QUOTA_BYTES_PER_ITEM, syncItemBytes } from '../../lib/settings/storage-areas';
import { loadSeanimeList } from '../support/recorded';

const T0 = Date.UTC(2024, 6, 8);

/** Real titles from the recorded seanime list, native (Japanese) first so the bytes add up fast. */
const REAL_TITLES = loadSeanimeList().entries.map((entry) => entry.media.title.native ?? displayTitle(entry.media));
const REAL_IDS = loadSeanimeList().entries.map((entry) => entry.mediaId);

async function storedShards(area: 'sync' | 'local'): Promise<Record<string, unknown>> {
  return fakeBrowser.storage[area].get([...SHARD_KEYS]);
}

describe('ignored store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lists an ignored media with title and time', async () => {
    await ignoreMedia(101922, 'Kimetsu no Yaiba', T0);
    expect(await listIgnored()).toEqual([{ mediaId: 101922, title: 'Kimetsu no Yaiba', ignoredAt: T0 }]);
    expect(await ignoredIds()).toEqual(new Set([101922]));
    expect(await ignoredStorageArea()).toBe('sync');
  });

  it('lists newest first', async () => {
    await ignoreMedia(1, 'Cowboy Bebop', T0);
    await ignoreMedia(1251, 'Fushigi no Umi no Nadia', T0 + 1000);
    expect((await listIgnored()).map((item) => item.mediaId)).toEqual([1251, 1]);
  });

  it('keeps the first time on repeat', async () => {
    await ignoreMedia(2167, null, T0);
    await ignoreMedia(2167, 'CLANNAD', T0 + 5000);
    expect(await listIgnored()).toEqual([{ mediaId: 2167, title: 'CLANNAD', ignoredAt: T0 }]);
  });

  it('splits ids across shard keys', async () => {
    await ignoreMedia(1, 'Cowboy Bebop', T0);
    await ignoreMedia(33, null, T0);
    await ignoreMedia(2, null, T0);
    const sync = await storedShards('sync');
    expect(Object.keys(sync).filter((key) => sync[key] !== undefined).sort()).toEqual(['ignored.1', 'ignored.2']);
    expect(sync['ignored.1']).toEqual({ 1: ['Cowboy Bebop', T0], 33: [null, T0] });
  });

  it('unignores and drops empty shards', async () => {
    await ignoreMedia(1, 'Cowboy Bebop', T0);
    await ignoreMedia(5114, null, T0);
    await unignoreMedia(1);
    expect(await ignoredIds()).toEqual(new Set([5114]));
    expect((await storedShards('sync'))['ignored.1']).toBeUndefined();
  });

  it('unignores an id never ignored', async () => {
    await ignoreMedia(1, null, T0);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await unignoreMedia(999);
    expect(set).not.toHaveBeenCalled();
    expect(await ignoredIds()).toEqual(new Set([1]));
  });

  it('rejects an invalid media id', async () => {
    await expect(ignoreMedia(-3)).rejects.toThrow('-3');
    await expect(ignoreMedia(1.5)).rejects.toThrow('1.5');
    expect(await listIgnored()).toEqual([]);
  });

  it('keeps parallel ignores', async () => {
    await Promise.all(REAL_IDS.slice(0, 10).map((id, index) => ignoreMedia(id, REAL_TITLES[index], T0)));
    expect(await ignoredIds()).toEqual(new Set(REAL_IDS.slice(0, 10)));
  });

  it('keeps ids of damaged entries', async () => {
    await fakeBrowser.storage.sync.set({
      'ignored.1': { 1: 'not a tuple', 33: ['Title', 'yesterday'], abc: ['x', 1], '065': ['leading zero', 1] },
      'ignored.2': 'not an object',
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await listIgnored()).toEqual([
      { mediaId: 1, title: null, ignoredAt: 0 },
      { mediaId: 33, title: 'Title', ignoredAt: 0 },
    ]);
  });
});

describe('ignored store quota fallback', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  const quotaMessages = [
    { name: 'Chrome per-item quota', error: new Error('QUOTA_BYTES_PER_ITEM quota exceeded') },
    { name: 'Chrome total quota', error: new Error('Resource::kQuotaBytes quota exceeded') },
    { name: 'Chrome write rate', error: new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded') },
    { name: 'Firefox quota', error: new Error('QuotaExceededError: storage.sync API call exceeded its quota limitations.') },
  ];

  for (const quota of quotaMessages) {
    it(`moves to local on ${quota.name}`, async () => {
      await ignoreMedia(1, 'Cowboy Bebop', T0);
      await ignoreMedia(20954, 'Koe no Katachi', T0 + 1);
      vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(quota.error);
      vi.spyOn(console, 'warn').mockImplementation(() => {});

      await ignoreMedia(1000, 'Uchuu Kaizoku Captain Harlock', T0 + 2);

      expect(await ignoredStorageArea()).toBe('local');
      expect(await ignoredIds()).toEqual(new Set([1, 20954, 1000]));
      expect((await fakeBrowser.storage.local.get(IGNORED_AREA_KEY))[IGNORED_AREA_KEY]).toBe('local');
      // The sync copy keeps the list as it was before the failed write.
      expect(await storedShards('sync')).toMatchObject({ 'ignored.1': { 1: ['Cowboy Bebop', T0] } });
      expect((await storedShards('sync'))['ignored.8']).toBeUndefined();
    });
  }

  it('stays local after the fallback', async () => {
    await ignoreMedia(1, null, T0);
    const syncSet = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await ignoreMedia(2, null, T0);
    syncSet.mockClear();

    await ignoreMedia(3, null, T0);
    await unignoreMedia(1);

    expect(syncSet).not.toHaveBeenCalled();
    expect(await ignoredIds()).toEqual(new Set([2, 3]));
  });

  it('loses nothing when local also fails', async () => {
    await ignoreMedia(1, 'Cowboy Bebop', T0);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('IO error: disk full'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    await expect(ignoreMedia(2, null, T0)).rejects.toThrow('disk full');

    expect(await ignoredStorageArea()).toBe('sync');
    expect(await ignoredIds()).toEqual(new Set([1]));
  });

  it('rethrows other sync errors', async () => {
    await ignoreMedia(1, null, T0);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('Extension context invalidated.'));

    await expect(ignoreMedia(2, null, T0)).rejects.toThrow('Extension context invalidated.');

    expect(await ignoredStorageArea()).toBe('sync');
    expect(await ignoredIds()).toEqual(new Set([1]));
  });

  it('moves to local when sync is disabled', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(
      new Error('Please set webextensions.storage.sync.enabled to true in about:config'),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    await ignoreMedia(1, null, T0);

    expect(await ignoredStorageArea()).toBe('local');
    expect(await ignoredIds()).toEqual(new Set([1]));
  });

  it('fits a large real list in sync', async () => {
    const items = Array.from({ length: 600 }, (_, index) => ({
      mediaId: 100_000 + index,
      title: REAL_TITLES[index % REAL_TITLES.length] ?? null,
      ignoredAt: T0 + index,
    }));
    await importIgnored(items, false);

    expect(await ignoredStorageArea()).toBe('sync');
    expect((await ignoredIds()).size).toBe(600);
    const shards = await storedShards('sync');
    let total = 0;
    for (const [key, value] of Object.entries(shards)) {
      if (value === undefined) continue;
      const bytes = syncItemBytes(key, value);
      expect(bytes).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
      total += bytes;
    }
    expect(total).toBeLessThanOrEqual(IGNORED_SYNC_BUDGET_BYTES);
  });

  it('moves an oversized list to local', async () => {
    // 120-character titles of 3-byte characters make each item about 380 bytes.
    const longTitle = 'あ'.repeat(200);
    const items = Array.from({ length: 400 }, (_, index) => ({ mediaId: index + 1, title: longTitle, ignoredAt: T0 }));
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    await importIgnored(items, false);

    expect(await ignoredStorageArea()).toBe('local');
    expect((await ignoredIds()).size).toBe(400);
    expect(Object.values(await storedShards('sync')).filter((value) => value !== undefined)).toEqual([]);
    expect((await listIgnored())[0]?.title).toHaveLength(120);
  });

  it('moves to local when one shard overflows', async () => {
    // Multiples of 32 share one shard: 25 items of about 380 bytes pass 8 KB there, far below 100 KB in all.
    const items = Array.from({ length: 25 }, (_, index) => ({ mediaId: (index + 1) * 32, title: 'あ'.repeat(120), ignoredAt: T0 }));
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    await importIgnored(items, false);

    expect(await ignoredStorageArea()).toBe('local');
    expect((await ignoredIds()).size).toBe(25);
  });

  it('uses local when sync is missing', async () => {
    const sync = fakeBrowser.storage.sync;
    Object.defineProperty(fakeBrowser.storage, 'sync', { value: undefined, configurable: true, writable: true });
    try {
      await ignoreMedia(1, 'Cowboy Bebop', T0);
      expect(await ignoredStorageArea()).toBe('local');
      expect((await storedShards('local'))['ignored.1']).toEqual({ 1: ['Cowboy Bebop', T0] });
    } finally {
      Object.defineProperty(fakeBrowser.storage, 'sync', { value: sync, configurable: true, writable: true });
    }
  });
});

describe('ignored import and events', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('merges imported items', async () => {
    await ignoreMedia(1, 'Cowboy Bebop', T0);
    await importIgnored(
      [
        { mediaId: 1, title: 'Other title', ignoredAt: T0 + 9 },
        { mediaId: 5114, title: 'Fullmetal Alchemist: Brotherhood', ignoredAt: T0 + 1 },
      ],
      false,
    );
    expect(await listIgnored()).toEqual([
      { mediaId: 5114, title: 'Fullmetal Alchemist: Brotherhood', ignoredAt: T0 + 1 },
      { mediaId: 1, title: 'Cowboy Bebop', ignoredAt: T0 },
    ]);
  });

  it('overwrites with imported items', async () => {
    await ignoreMedia(1, 'Cowboy Bebop', T0);
    await importIgnored([{ mediaId: 5114, title: null, ignoredAt: T0 }], true);
    expect(await ignoredIds()).toEqual(new Set([5114]));
  });

  it('notifies listeners of changes', async () => {
    const seen: number[][] = [];
    const stop = onIgnoredChanged((items) => seen.push(items.map((item) => item.mediaId)));
    await ignoreMedia(1, null, T0);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([1]));
    stop();
    await ignoreMedia(2, null, T0);
    await Promise.resolve();
    expect(seen.every((ids) => !ids.includes(2))).toBe(true);
  });
});
