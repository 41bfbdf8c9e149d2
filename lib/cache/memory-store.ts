import type { MediaRelations } from '../anilist/types';
import { type CacheLifetimes, DEFAULT_CACHE_LIFETIMES, isFresh } from './expiry';
import { parseRecordToStore } from './record';
import { closedStoreError, type RelationStore } from './store';

/**
 * Creates a RelationStore that keeps records in memory for the life of the process.
 * Records are copied on the way in and out, as IndexedDB does, so a caller that edits a record
 * it got back does not change the cache.
 */
export function createMemoryRelationStore(options: { lifetimes?: CacheLifetimes } = {}): RelationStore {
  const lifetimes = options.lifetimes ?? DEFAULT_CACHE_LIFETIMES;
  const records = new Map<number, MediaRelations>();
  let closed = false;

  const ensureOpen = (): void => {
    if (closed) throw closedStoreError('in-memory');
  };

  return {
    async getRelations(ids, now = Date.now()) {
      ensureOpen();
      const found = new Map<number, MediaRelations>();
      for (const id of ids) {
        const record = records.get(id);
        if (record === undefined) continue;

        // Records were validated when stored, so only their age can have changed.
        if (isFresh(record, now, lifetimes)) {
          found.set(id, structuredClone(record));
        } else {
          records.delete(id);
        }
      }
      return found;
    },

    async putRelations(input) {
      ensureOpen();
      // Parse every record before storing any, so an invalid one leaves the store unchanged.
      const parsed = input.map(parseRecordToStore);
      for (const record of parsed) records.set(record.media.id, record);
    },

    async clear() {
      ensureOpen();
      records.clear();
    },

    async close() {
      closed = true;
      records.clear();
    },
  };
}
