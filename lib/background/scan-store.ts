import { z } from 'zod';
import type { UserList } from '../anilist/types';
import { openSequelFinderDb, type SequelFinderDb } from '../cache/db';
import { SerialQueue } from '../settings/storage-areas';
import { type StoredResult, storedResultSchema } from './results';
import { type ScanJob, scanJobSchema } from './scan-job';
import { storedUserListSchema } from './stored-schemas';

/**
 * The background's records in IndexedDB: the scan job and the list it read (`scanState`), the
 * last results of each list (`scanResults`) and small markers (`meta`). Every read validates,
 * and a value that does not parse is deleted and read as absent, with a warning.
 */
export interface ScanStore {
  getJob(): Promise<ScanJob | null>;
  putJob(job: ScanJob): Promise<void>;
  /** Deletes the job and its list snapshot. */
  deleteJob(): Promise<void>;
  /** Returns the list read by job `jobId`, or null when none is stored for that job. */
  getListSnapshot(jobId: string): Promise<{ list: UserList; savedAt: number } | null>;
  putListSnapshot(jobId: string, list: UserList, savedAt: number): Promise<void>;
  getResult(key: string): Promise<StoredResult | null>;
  putResult(result: StoredResult): Promise<void>;
  /** Reads, changes and writes one result with no other change of that result in between. */
  updateResult(key: string, change: (result: StoredResult) => StoredResult): Promise<StoredResult | null>;
  /** Deletes the results whose key starts with `prefix`. */
  deleteResults(prefix: string): Promise<void>;
  getMeta<T>(key: string, schema: z.ZodType<T>): Promise<T | null>;
  putMeta(key: string, value: unknown): Promise<void>;
  deleteMeta(key: string): Promise<void>;
}

const JOB_KEY = 'job';
const LIST_KEY = 'list';

const snapshotSchema = z.object({ jobId: z.string(), savedAt: z.number(), list: storedUserListSchema });

export interface ScanStoreOptions {
  /** Database name; tests use their own. */
  name?: string;
  indexedDB?: IDBFactory;
}

export function createScanStore(options: ScanStoreOptions = {}): ScanStore {
  let connection: Promise<SequelFinderDb> | null = null;
  const resultWrites = new SerialQueue();

  // One connection per worker, opened again after the browser or an upgrade in another page closed it.
  const db = (): Promise<SequelFinderDb> => {
    if (connection === null) {
      const opening = openSequelFinderDb({ name: options.name, indexedDB: options.indexedDB });
      connection = opening;
      opening.then(
        (opened) => {
          const forget = () => {
            if (connection === opening) connection = null;
          };
          opened.addEventListener('close', forget);
          opened.addEventListener('versionchange', forget);
        },
        () => {
          if (connection === opening) connection = null;
        },
      );
    }
    return connection;
  };

  async function readValid<T>(store: 'scanState' | 'scanResults' | 'meta', key: string, schema: z.ZodType<T>): Promise<T | null> {
    const database = await db();
    const raw: unknown = await database.get(store, key);
    if (raw === undefined) return null;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    console.warn(`The stored ${store} value "${key}" is invalid and was deleted.`, parsed.error.issues.slice(0, 3));
    await database.delete(store, key);
    return null;
  }

  return {
    getJob: () => readValid('scanState', JOB_KEY, scanJobSchema),

    async putJob(job) {
      await (await db()).put('scanState', scanJobSchema.parse(job), JOB_KEY);
    },

    async deleteJob() {
      const tx = (await db()).transaction('scanState', 'readwrite');
      await Promise.all([tx.store.delete(JOB_KEY), tx.store.delete(LIST_KEY), tx.done]);
    },

    async getListSnapshot(jobId) {
      const snapshot = await readValid('scanState', LIST_KEY, snapshotSchema);
      if (snapshot === null || snapshot.jobId !== jobId) return null;
      return { list: snapshot.list, savedAt: snapshot.savedAt };
    },

    async putListSnapshot(jobId, list, savedAt) {
      await (await db()).put('scanState', { jobId, savedAt, list }, LIST_KEY);
    },

    getResult: (key) => readValid('scanResults', key, storedResultSchema),

    putResult: (result) =>
      resultWrites.run(async () => {
        await (await db()).put('scanResults', storedResultSchema.parse(result), result.key);
      }),

    updateResult: (key, change) =>
      resultWrites.run(async () => {
        const current = await readValid('scanResults', key, storedResultSchema);
        if (current === null) return null;
        const changed = storedResultSchema.parse(change(current));
        await (await db()).put('scanResults', changed, key);
        return changed;
      }),

    deleteResults: (prefix) =>
      resultWrites.run(async () => {
        const database = await db();
        const keys = await database.getAllKeys('scanResults');
        const tx = database.transaction('scanResults', 'readwrite');
        await Promise.all([...keys.filter((key) => key.startsWith(prefix)).map((key) => tx.store.delete(key)), tx.done]);
      }),

    getMeta: (key, schema) => readValid('meta', key, schema),

    async putMeta(key, value) {
      await (await db()).put('meta', value, key);
    },

    async deleteMeta(key) {
      await (await db()).delete('meta', key);
    },
  };
}
