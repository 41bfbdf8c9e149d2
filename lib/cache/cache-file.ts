import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MediaRelations } from '../anilist/types';
import type { CacheLifetimes } from './expiry';
import { usableRecord } from './store';

/**
 * Reading and writing the command-line tool's cache file, `{ version: 1, records: { [mediaId]: MediaRelations } }`.
 * Node only.
 */

export const CACHE_FILE_VERSION = 1;

/** Age after which a temporary file is taken to be left by a killed process rather than a write in progress. */
const STALE_TEMP_FILE_MS = 60 * 60 * 1000;

/**
 * Loads the records of a cache file that are valid and fresh at `now`. A missing file (or folder)
 * is an empty cache. A file that cannot be read, is not JSON, or has another format version is
 * renamed to `<file>.corrupt-<timestamp>` with one console warning, and the cache starts empty.
 * Returns the records and whether any stored record was left out.
 */
export async function loadCacheFile(
  file: string,
  now: number,
  lifetimes: CacheLifetimes,
): Promise<{ records: Map<number, MediaRelations>; droppedAny: boolean }> {
  const records = new Map<number, MediaRelations>();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    // ENOTDIR: a part of the folder path is a file, so there is no cache file to move aside either.
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { records, droppedAny: false };
    await moveAside(file, `cannot be read (${errorMessage(error)})`);
    return { records, droppedAny: false };
  }

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    await moveAside(file, `is not valid JSON (${errorMessage(error)})`);
    return { records, droppedAny: false };
  }

  if (!isPlainObject(data)) {
    await moveAside(file, 'does not contain a JSON object');
    return { records, droppedAny: false };
  }
  if (data.version !== CACHE_FILE_VERSION) {
    await moveAside(file, `has format version ${JSON.stringify(data.version)}, but this build reads only version ${CACHE_FILE_VERSION}`);
    return { records, droppedAny: false };
  }
  if (!isPlainObject(data.records)) {
    await moveAside(file, 'has no "records" object');
    return { records, droppedAny: false };
  }

  let droppedAny = false;
  for (const [key, value] of Object.entries(data.records)) {
    const id = Number(key);
    const record = Number.isSafeInteger(id) && String(id) === key ? usableRecord(value, id, now, lifetimes) : null;
    if (record === null) {
      droppedAny = true;
    } else {
      records.set(id, record);
    }
  }
  return { records, droppedAny };
}

/** The part of a temporary file's name after `<file>.`: writer's process id, random hex, `.tmp`. */
const TEMP_SUFFIX = /^\d+-[0-9a-f]{8}\.tmp$/;

/**
 * Writes the records to a temporary file in the same folder, flushes it to disk and renames it
 * over `file`. A rename within one folder is atomic, so a process killed midway leaves the old
 * file or the new one, never a mix. Creates the folder when it is missing.
 */
export async function writeCacheFile(file: string, records: ReadonlyMap<number, MediaRelations>): Promise<void> {
  const body = JSON.stringify({ version: CACHE_FILE_VERSION, records: Object.fromEntries(records) });
  const temp = `${file}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(body, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    // The temp file may not exist or its folder may be unusable, and the write error is the one to report.
    await rm(temp, { force: true }).catch(() => undefined);
    throw new Error(`Failed to write the relation cache ${file}: ${errorMessage(error)}. Check the folder's permissions and free space, or pass --no-cache.`, {
      cause: error,
    });
  }
}

/** Deletes temporary files of `file` that a process killed while writing left behind. */
export async function removeStaleTempFiles(file: string, now: number): Promise<void> {
  const folder = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }

  for (const name of names) {
    if (!name.startsWith(prefix) || !TEMP_SUFFIX.test(name.slice(prefix.length))) continue;
    const temp = path.join(folder, name);
    try {
      if (now - (await stat(temp)).mtimeMs > STALE_TEMP_FILE_MS) await rm(temp, { force: true });
    } catch (error) {
      console.warn(`Could not delete the stale temporary file ${temp}: ${errorMessage(error)}`);
    }
  }
}

async function moveAside(file: string, reason: string): Promise<void> {
  const aside = `${file}.corrupt-${new Date().toISOString().replaceAll(':', '-')}`;
  try {
    await rename(file, aside);
    console.warn(`Relation cache ${file} ${reason}, so it was moved to ${aside} and the cache starts empty.`);
  } catch (error) {
    console.warn(
      `Relation cache ${file} ${reason}, and moving it aside failed (${errorMessage(error)}). ` +
        'The cache starts empty, and its first write replaces the file.',
    );
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
