import type { MediaRelations } from '../anilist/types';
import { type CacheLifetimes, isFresh } from './expiry';
import { parseStoredRelations } from './record';

/**
 * A cache of relation records keyed by media id. The extension keeps one in IndexedDB, the
 * command-line tool in a JSON file, and `--no-cache` runs and tests in memory. Once a store is
 * closed, every method but `close` rejects.
 */
export interface RelationStore {
  /** Returns the fresh, valid records among ids; expired, corrupt or partial ones are left out (and deleted) so the caller refetches them. */
  getRelations(ids: readonly number[], now?: number): Promise<Map<number, MediaRelations>>;
  /** Stores records, replacing any stored for the same media. Rejects a record that is not a valid `MediaRelations`. */
  putRelations(records: readonly MediaRelations[]): Promise<void>;
  /** Deletes every stored record. */
  clear(): Promise<void>;
  /** Finishes pending writes and releases the store. Closing a closed store does nothing. */
  close(): Promise<void>;
}

/**
 * Checks a stored value found under `id`. Returns the record when it is valid, belongs to `id`
 * and is fresh at `now`; returns null when the store should delete it.
 */
export function usableRecord(value: unknown, id: number, now: number, lifetimes: CacheLifetimes): MediaRelations | null {
  const record = parseStoredRelations(value);
  if (record === null || record.media.id !== id) return null;
  return isFresh(record, now, lifetimes) ? record : null;
}

export function closedStoreError(kind: string): Error {
  return new Error(`The ${kind} relation cache is closed. Open a new one to keep using it.`);
}
