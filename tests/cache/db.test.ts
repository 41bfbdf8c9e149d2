import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  DB_NAME, DB_VERSION, openSequelFinderDb, UPGRADE_STEPS, type UpgradeStep, upgradeSequelFinderDb,
  type SequelFinderDb, type UpgradeTransaction,
} from '../../lib/cache/db';
import { FIXTURES, fixtureRecord } from './fixture-records';

const record = fixtureRecord(FIXTURES.kimetsu, Date.UTC(2025, 0, 19));

/** Opens a database with the plain IndexedDB API, running `upgrade` on upgradeneeded. */
function openRaw(factory: IDBFactory, name: string, version: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Creates a version 1 database as the first release laid it out, holding one record and one meta value. */
async function createVersion1Db(factory: IDBFactory, name: string): Promise<void> {
  const db = await openRaw(factory, name, 1, (raw) => {
    raw.createObjectStore('relations', { keyPath: 'media.id' });
    raw.createObjectStore('meta');
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['relations', 'meta'], 'readwrite');
    tx.objectStore('relations').put(record);
    tx.objectStore('meta').put('kept', 'marker');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Steps that record which versions ran, for checking the order of an upgrade. */
function recordingSteps(count: number, applied: number[]): UpgradeStep[] {
  return Array.from({ length: count }, (_, index) => ({
    version: index + 1,
    description: `test step ${index + 1}`,
    apply: () => {
      applied.push(index + 1);
    },
  }));
}

/** The current steps plus a version that adds an `extra` store, as a later release would. */
function stepsWithExtraStore(): UpgradeStep[] {
  return [
    ...UPGRADE_STEPS,
    {
      version: DB_VERSION + 1,
      description: 'test: extra store',
      apply(db) {
        (db as unknown as IDBDatabase).createObjectStore('extra');
      },
    },
  ];
}

describe('upgrade steps', () => {
  it('numbered 1 to DB_VERSION', () => {
    expect(UPGRADE_STEPS.map((step) => step.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it.each([
    { oldVersion: 0, newVersion: 3, expected: [1, 2, 3] },
    { oldVersion: 1, newVersion: 3, expected: [2, 3] },
    { oldVersion: 2, newVersion: 3, expected: [3] },
    { oldVersion: 3, newVersion: 3, expected: [] },
    { oldVersion: 0, newVersion: 1, expected: [1] },
  ])('upgrade $oldVersion to $newVersion runs $expected', ({ oldVersion, newVersion, expected }) => {
    const applied: number[] = [];
    const db = {} as SequelFinderDb;
    const tx = {} as UpgradeTransaction;
    upgradeSequelFinderDb(db, oldVersion, newVersion, tx, recordingSteps(3, applied));
    expect(applied).toEqual(expected);
  });
});

describe('openSequelFinderDb', () => {
  it('creates current layout from empty', async () => {
    const factory = new IDBFactory();
    const db = await openSequelFinderDb({ indexedDB: factory });

    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['meta', 'relations']));
    const tx = db.transaction(['relations', 'meta']);
    expect(tx.objectStore('relations').keyPath).toBe('media.id');
    expect(tx.objectStore('relations').autoIncrement).toBe(false);
    expect(tx.objectStore('meta').keyPath).toBeNull();
    db.close();
  });

  it('keeps version 1 data on upgrade', async () => {
    const factory = new IDBFactory();
    await createVersion1Db(factory, 'upgrade-test');

    const db = await openSequelFinderDb({ name: 'upgrade-test', indexedDB: factory });
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('relations', record.media.id)).toEqual(record);
    expect(await db.get('meta', 'marker')).toBe('kept');
    db.close();
  });

  it('keeps version 2 data on the scan upgrade', async () => {
    const factory = new IDBFactory();
    await createVersion1Db(factory, 'scan-upgrade');
    const version2 = await openSequelFinderDb({ name: 'scan-upgrade', indexedDB: factory, steps: UPGRADE_STEPS.slice(0, 2) });
    await version2.put('auth', { token: 'kept-token' }, 'session');
    version2.close();

    const db = await openSequelFinderDb({ name: 'scan-upgrade', indexedDB: factory });

    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual(['auth', 'meta', 'relations', 'scanResults', 'scanState']);
    expect(await db.get('relations', record.media.id)).toEqual(record);
    expect(await db.get('meta', 'marker')).toBe('kept');
    expect(await db.get('auth', 'session')).toEqual({ token: 'kept-token' });
    const tx = db.transaction(['scanState', 'scanResults']);
    expect(tx.objectStore('scanState').keyPath).toBeNull();
    expect(tx.objectStore('scanResults').keyPath).toBeNull();
    db.close();
  });

  it('runs only the new step on a later release', async () => {
    const factory = new IDBFactory();
    await createVersion1Db(factory, 'later-release');
    const current = await openSequelFinderDb({ name: 'later-release', indexedDB: factory });
    current.close();

    const applied: number[] = [];
    const steps = stepsWithExtraStore().map((step) => ({
      ...step,
      apply: (db: SequelFinderDb, tx: UpgradeTransaction) => {
        applied.push(step.version);
        step.apply(db, tx);
      },
    }));
    const db = await openSequelFinderDb({ name: 'later-release', indexedDB: factory, steps });

    expect(applied).toEqual([DB_VERSION + 1]);
    expect(db.version).toBe(DB_VERSION + 1);
    expect([...db.objectStoreNames]).toContain('extra');
    expect(await db.get('relations', record.media.id)).toEqual(record);
    db.close();
  });

  it('closes itself for a newer version', async () => {
    const factory = new IDBFactory();
    const older = await openSequelFinderDb({ name: 'two-contexts', indexedDB: factory });

    // Without the versionchange handler this open would wait for `older` forever and time out.
    const newer = await openSequelFinderDb({ name: 'two-contexts', indexedDB: factory, steps: stepsWithExtraStore() });
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(() => older.transaction('relations')).toThrow();
    newer.close();
  });

  it('rejects a database from a newer build', async () => {
    const factory = new IDBFactory();
    (await openRaw(factory, 'from-the-future', DB_VERSION + 5)).close();

    await expect(openSequelFinderDb({ name: 'from-the-future', indexedDB: factory })).rejects.toThrow(
      /written by a newer build/,
    );
  });

  it('leaves data when a step fails', async () => {
    const factory = new IDBFactory();
    await createVersion1Db(factory, 'failed-step');
    const failing: UpgradeStep[] = [
      ...UPGRADE_STEPS,
      {
        version: DB_VERSION + 1,
        description: 'test: throws',
        apply() {
          throw new Error('step failed');
        },
      },
    ];

    await expect(openSequelFinderDb({ name: 'failed-step', indexedDB: factory, steps: failing })).rejects.toThrow(
      /Failed to open database "failed-step"/,
    );
    const db = await openSequelFinderDb({ name: 'failed-step', indexedDB: factory });
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('relations', record.media.id)).toEqual(record);
    db.close();
  });

  it.each([
    { name: 'gap', versions: [1, 3] },
    { name: 'out of order', versions: [2, 1] },
    { name: 'empty list', versions: [] },
  ])('rejects misnumbered steps: $name', async ({ versions }) => {
    const steps = versions.map((version) => ({ version, description: 'test', apply: () => undefined }));
    await expect(openSequelFinderDb({ name: 'misnumbered', indexedDB: new IDBFactory(), steps })).rejects.toThrow(
      /upgrade steps|steps must be numbered/,
    );
  });
});
