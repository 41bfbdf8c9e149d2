import { homedir } from 'node:os';
import path from 'node:path';
import type { MediaRelations } from '../anilist/types';
import { loadCacheFile, removeStaleTempFiles, writeCacheFile } from './cache-file';
import { type CacheLifetimes, DEFAULT_CACHE_LIFETIMES, isFresh } from './expiry';
import { parseRecordToStore } from './record';
import { closedStoreError, type RelationStore } from './store';

/**
 * Returns the command-line tool's default cache file: `$XDG_CACHE_HOME/sequel-finder/relations.json`,
 * else `~/.cache/sequel-finder/relations.json`, and on Windows `%LOCALAPPDATA%\sequel-finder\relations.json`.
 * A relative XDG_CACHE_HOME is ignored, as the XDG Base Directory spec requires.
 */
export function defaultCacheFile(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const localAppData = env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local');
    return path.win32.join(localAppData, 'sequel-finder', 'relations.json');
  }
  const xdgCacheHome = env.XDG_CACHE_HOME;
  const cacheHome = xdgCacheHome && path.posix.isAbsolute(xdgCacheHome) ? xdgCacheHome : path.posix.join(home, '.cache');
  return path.posix.join(cacheHome, 'sequel-finder', 'relations.json');
}

/**
 * Opens the relation cache kept in one JSON file (see cache-file.ts for the format and how a
 * damaged file is handled). Records are kept in memory, and every `putRelations` and `clear`
 * rewrites the whole file. A record that a lookup deletes leaves the file at the next write or at
 * `close`. Loading the file also drops every expired or invalid record.
 * NOTE: two processes sharing one file do not merge their writes: the last write wins, and the
 * records only the other process added are fetched again next time.
 */
export async function openFileRelationStore(file: string, options: { lifetimes?: CacheLifetimes } = {}): Promise<RelationStore> {
  const lifetimes = options.lifetimes ?? DEFAULT_CACHE_LIFETIMES;
  await removeStaleTempFiles(file, Date.now());
  const loaded = await loadCacheFile(file, Date.now(), lifetimes);
  const records = loaded.records;
  // True when the file still contains records that this store has dropped.
  let dirty = loaded.droppedAny;
  let closed = false;

  // Writes run one at a time. Calls that arrive while a write is waiting share it, because
  // each write saves the records as they are when it starts.
  let queuedWrite: Promise<void> | null = null;
  let lastWrite: Promise<void> = Promise.resolve();
  const scheduleWrite = (): Promise<void> => {
    if (queuedWrite) return queuedWrite;
    const write = lastWrite.then(() => {
      queuedWrite = null;
      dirty = false;
      return writeCacheFile(file, records);
    });
    queuedWrite = write;
    lastWrite = write.catch(() => undefined);
    return write;
  };

  const ensureOpen = (): void => {
    if (closed) throw closedStoreError('file');
  };

  return {
    async getRelations(ids, now = Date.now()) {
      ensureOpen();
      const found = new Map<number, MediaRelations>();
      for (const id of ids) {
        const record = records.get(id);
        if (record === undefined) continue;

        // Records were validated when loaded or stored, so only their age can have changed.
        if (isFresh(record, now, lifetimes)) {
          found.set(id, structuredClone(record));
        } else {
          records.delete(id);
          dirty = true;
        }
      }
      return found;
    },

    async putRelations(input) {
      ensureOpen();
      const parsed = input.map(parseRecordToStore);
      if (parsed.length === 0) return;
      for (const record of parsed) records.set(record.media.id, record);
      await scheduleWrite();
    },

    async clear() {
      ensureOpen();
      records.clear();
      await scheduleWrite();
    },

    async close() {
      if (closed) return;
      closed = true;
      if (dirty) {
        // This write only removes dropped records, which the next load drops anyway, so a failure is only a warning.
        await scheduleWrite().catch((error: unknown) => {
          console.warn(`Could not save the relation cache ${file} on close: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
      await lastWrite;
      records.clear();
    },
  };
}
