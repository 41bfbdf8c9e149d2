import type { MediaRelations } from '../anilist/types';
import { openSequelFinderDb } from './db';
import { type CacheLifetimes, DEFAULT_CACHE_LIFETIMES } from './expiry';
import { parseRecordToStore } from './record';
import { closedStoreError, type RelationStore, usableRecord } from './store';

export interface IdbRelationStoreOptions {
  /** Database name, 'sequel-finder' by default. */
  name?: string;
  lifetimes?: CacheLifetimes;
  /** The IndexedDB factory; defaults to the global `indexedDB`. */
  indexedDB?: IDBFactory;
}

/**
 * Opens the extension's relation cache: the `relations` object store of the database that
 * `openSequelFinderDb` opens.
 * NOTE: a record is deleted only when a lookup finds it expired or invalid, so records of media
 * that are never looked up again stay until `clear()`.
 */
export async function openIdbRelationStore(options: IdbRelationStoreOptions = {}): Promise<RelationStore> {
  const lifetimes = options.lifetimes ?? DEFAULT_CACHE_LIFETIMES;
  const db = await openSequelFinderDb({ name: options.name, indexedDB: options.indexedDB });
  let closedError: Error | null = null;

  // openSequelFinderDb closes the connection when another context upgrades or deletes the database.
  db.addEventListener('versionchange', () => {
    closedError ??= new Error(
      'The relation cache database was closed because another extension page upgraded or deleted it. Reload this page.',
    );
  });

  // The browser closes the connection itself when the user clears site data, for example.
  db.addEventListener('close', () => {
    closedError ??= new Error('The browser closed the relation cache database, for example because site data was cleared. Reload this page.');
  });

  const ensureOpen = (): void => {
    if (closedError) throw closedError;
  };

  return {
    async getRelations(ids, now = Date.now()) {
      ensureOpen();
      // Ids that are not integers cannot be stored, and IndexedDB rejects some of them as keys.
      const keys = [...new Set(ids)].filter((id) => Number.isSafeInteger(id));
      const found = new Map<number, MediaRelations>();
      if (keys.length === 0) return found;

      // One readwrite transaction reads and deletes, so no other context can store a fresh
      // record between the read that finds an old one and the delete.
      const tx = db.transaction('relations', 'readwrite');
      const values = await Promise.all(keys.map((id) => tx.store.get(id)));
      const deletions: Promise<void>[] = [];
      keys.forEach((id, index) => {
        const value = values[index];
        if (value === undefined) return;

        const record = usableRecord(value, id, now, lifetimes);
        if (record === null) {
          deletions.push(tx.store.delete(id));
        } else {
          found.set(id, record);
        }
      });
      await Promise.all([...deletions, tx.done]);
      return found;
    },

    async putRelations(records) {
      ensureOpen();
      const parsed = records.map(parseRecordToStore);
      if (parsed.length === 0) return;

      const tx = db.transaction('relations', 'readwrite');
      await Promise.all([...parsed.map((record) => tx.store.put(record)), tx.done]);
    },

    async clear() {
      ensureOpen();
      await db.clear('relations');
    },

    async close() {
      if (closedError) return;
      closedError = closedStoreError('IndexedDB');
      db.close();
    },
  };
}
