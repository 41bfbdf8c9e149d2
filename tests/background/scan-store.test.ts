import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { StoredResult } from '../../lib/background/results';
import { createJob } from '../../lib/background/scan-job';
import { createScanStore } from '../../lib/background/scan-store';
import { openSequelFinderDb } from '../../lib/cache/db';
import { loadSeanimeList } from '../support/recorded';

const NOW = Date.UTC(2025, 0, 19, 12);
const LIST = loadSeanimeList();

function storeOnFreshDb() {
  const options = { name: 'scan-store-test', indexedDB: new IDBFactory() };
  return { store: createScanStore(options), options };
}

function result(key: string, finishedAt = NOW): StoredResult {
  return {
    key,
    target: { userId: 5001, userName: 'Boilerplate' },
    mediaType: 'ANIME',
    finishedAt,
    relationsCheckedAt: finishedAt,
    missing: [],
    listStatuses: [[30, 'PLANNING']],
    fingerprint: 'f'.repeat(64),
    settingsKey: '{}',
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('scan store', () => {
  it('job round trip', async () => {
    const { store } = storeOnFreshDb();
    const job = createJob({ userId: null, userName: 'Boilerplate' }, 'ANIME', 'alarm', NOW);

    await store.putJob(job);

    expect(await store.getJob()).toEqual(job);
  });

  it('invalid job read as none', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { store, options } = storeOnFreshDb();
    const db = await openSequelFinderDb(options);
    await db.put('scanState', { id: 'x', state: 'sleeping' }, 'job');
    db.close();

    expect(await store.getJob()).toBeNull();
    const check = await openSequelFinderDb(options);
    expect(await check.get('scanState', 'job')).toBeUndefined();
    check.close();
  });

  it('invalid job refused on write', async () => {
    const { store } = storeOnFreshDb();
    const job = { ...createJob({ userId: null, userName: 'Boilerplate' }, 'ANIME', 'manual', NOW), requestsDone: -1 };

    await expect(store.putJob(job)).rejects.toThrow();
    expect(await store.getJob()).toBeNull();
  });

  it('snapshot belongs to its job', async () => {
    const { store } = storeOnFreshDb();
    const job = createJob({ userId: null, userName: 'Boilerplate' }, 'ANIME', 'manual', NOW);
    await store.putJob(job);

    await store.putListSnapshot(job.id, LIST, NOW);

    expect(await store.getListSnapshot(job.id)).toEqual({ list: LIST, savedAt: NOW });
    expect(await store.getListSnapshot('another-job')).toBeNull();
  });

  it('deleting the job drops the snapshot', async () => {
    const { store } = storeOnFreshDb();
    const job = createJob({ userId: null, userName: 'Boilerplate' }, 'ANIME', 'manual', NOW);
    await store.putJob(job);
    await store.putListSnapshot(job.id, LIST, NOW);

    await store.deleteJob();

    expect(await store.getJob()).toBeNull();
    expect(await store.getListSnapshot(job.id)).toBeNull();
  });

  it('updateResult changes one result', async () => {
    const { store } = storeOnFreshDb();
    await store.putResult(result('user:5001:ANIME'));

    const changed = await store.updateResult('user:5001:ANIME', (current) => ({ ...current, finishedAt: NOW + 1 }));

    expect(changed?.finishedAt).toBe(NOW + 1);
    expect((await store.getResult('user:5001:ANIME'))?.finishedAt).toBe(NOW + 1);
    expect(await store.updateResult('user:9:ANIME', (current) => current)).toBeNull();
  });

  it('concurrent updates all land', async () => {
    const { store } = storeOnFreshDb();
    await store.putResult(result('user:5001:ANIME'));

    await Promise.all([1, 2, 3].map((id) =>
      store.updateResult('user:5001:ANIME', (current) => ({ ...current, listStatuses: [...current.listStatuses, [id, 'PLANNING']] })),
    ));

    expect((await store.getResult('user:5001:ANIME'))?.listStatuses.map(([id]) => id).sort()).toEqual([1, 2, 3, 30]);
  });

  it('deleteResults by prefix', async () => {
    const { store } = storeOnFreshDb();
    for (const key of ['user:5001:ANIME', 'user:5001:MANGA', 'user:50011:ANIME', 'name:josh:ANIME']) await store.putResult(result(key));

    await store.deleteResults('user:5001:');

    expect(await store.getResult('user:5001:ANIME')).toBeNull();
    expect(await store.getResult('user:5001:MANGA')).toBeNull();
    expect(await store.getResult('user:50011:ANIME')).not.toBeNull();
    expect(await store.getResult('name:josh:ANIME')).not.toBeNull();
  });

  it('meta values are validated', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { store } = storeOnFreshDb();
    await store.putMeta('expiryWarnedFor', NOW);
    await store.putMeta('broken', 'not a number');

    expect(await store.getMeta('expiryWarnedFor', z.number())).toBe(NOW);
    expect(await store.getMeta('broken', z.number())).toBeNull();
    await store.deleteMeta('expiryWarnedFor');
    expect(await store.getMeta('expiryWarnedFor', z.number())).toBeNull();
  });

  it('reopens and reports a newer database', async () => {
    const { store, options } = storeOnFreshDb();
    await store.putMeta('kept', 1);
    // Another page upgrading the database closes this connection (versionchange).
    const newer = await openSequelFinderDb({
      ...options,
      steps: [...(await import('../../lib/cache/db')).UPGRADE_STEPS, { version: 4, description: 'test', apply: () => undefined }],
    });
    newer.close();

    await expect(store.getMeta('kept', z.number())).rejects.toThrow(/newer build/);
  });
});
