import { type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames, wrap } from 'idb';
import type { MediaRelations } from '../anilist/types';
import { AUTH_UPGRADE_STEP } from '../auth/db-upgrade';

/**
 * The extension's IndexedDB database. Its layout is built by UPGRADE_STEPS: step N turns a
 * version N-1 database into version N. To change the layout, append a step (never edit a released
 * one), add its stores to SequelFinderDbSchema, and extend the upgrade tests.
 */

export const DB_NAME = 'sequel-finder';

export interface SequelFinderDbSchema extends DBSchema {
  /** Relation records keyed by `media.id`. Values are validated on read, because an older build may have written them. */
  relations: { key: number; value: MediaRelations };
  /** Small settings and markers by name, for any part of the extension. */
  meta: { key: string; value: unknown };
  /** The login session under the key `session`. Validated on read; only the background opens it. */
  auth: { key: string; value: unknown };
  /**
   * The background's scan in progress: the job under `job` and the list it read under `list`, so
   * a scan cut off by a stopped service worker resumes without reading the list again. Validated on read.
   */
  scanState: { key: string; value: unknown };
  /** The last finished scan of each list, keyed by user and media type. Validated on read. */
  scanResults: { key: string; value: unknown };
}

export type SequelFinderDb = IDBPDatabase<SequelFinderDbSchema>;
export type UpgradeTransaction = IDBPTransaction<
  SequelFinderDbSchema,
  StoreNames<SequelFinderDbSchema>[],
  'versionchange'
>;

export interface UpgradeStep {
  /** The version this step produces. */
  version: number;
  description: string;
  /**
   * Changes the layout inside the `versionchange` transaction. It must not await: requests
   * that move data are queued on `tx`, and IndexedDB runs them in order before the open succeeds.
   */
  apply(db: SequelFinderDb, tx: UpgradeTransaction): void;
}

export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  {
    version: 1,
    description: 'relation records keyed by media id, and a meta store with out-of-line keys',
    apply(db) {
      db.createObjectStore('relations', { keyPath: 'media.id' });
      db.createObjectStore('meta');
    },
  },
  AUTH_UPGRADE_STEP,
  {
    version: 3,
    description: 'scanState and scanResults stores with out-of-line keys for the background scan',
    apply(db) {
      db.createObjectStore('scanState');
      db.createObjectStore('scanResults');
    },
  },
];

export const DB_VERSION = latestVersion(UPGRADE_STEPS);

function latestVersion(steps: readonly UpgradeStep[]): number {
  steps.forEach((step, index) => {
    if (step.version !== index + 1) {
      throw new Error(`Upgrade step ${index + 1} declares version ${step.version}, but steps must be numbered 1, 2, 3, … in order.`);
    }
  });
  const last = steps.at(-1);
  if (last === undefined) throw new Error('The list of upgrade steps is empty.');
  return last.version;
}

/** Applies, in order, every step above `oldVersion` up to `newVersion`. */
export function upgradeSequelFinderDb(
  db: SequelFinderDb,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTransaction,
  steps: readonly UpgradeStep[] = UPGRADE_STEPS,
): void {
  for (const step of steps) {
    if (step.version > oldVersion && step.version <= newVersion) step.apply(db, tx);
  }
}

export interface OpenDbOptions {
  /** Database name; tests use their own. */
  name?: string;
  /** The IndexedDB factory; defaults to the global `indexedDB`. */
  indexedDB?: IDBFactory;
  /** Upgrade steps; tests pass a prefix or an extended list. */
  steps?: readonly UpgradeStep[];
}

/**
 * Opens the database at the version of the last step, upgrading it first when it is older.
 * The connection closes itself on `versionchange`, which IndexedDB fires when another context
 * opens a newer version or deletes the database, so it does not hold up that context.
 */
export async function openSequelFinderDb(options: OpenDbOptions = {}): Promise<SequelFinderDb> {
  const name = options.name ?? DB_NAME;
  const steps = options.steps ?? UPGRADE_STEPS;
  const version = latestVersion(steps);
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (factory === undefined) {
    throw new Error('IndexedDB is not available in this environment, so use the file or in-memory relation store.');
  }

  const request = factory.open(name, version);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as SequelFinderDb;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTransaction;
    // The open request reports an aborted upgrade, so the `done` promise idb attaches to the
    // transaction must not surface as an unhandled rejection too.
    tx.done.catch(() => undefined);
    upgradeSequelFinderDb(db, event.oldVersion, event.newVersion ?? version, tx, steps);
  });
  request.addEventListener('blocked', (event) => {
    console.warn(
      `Opening database "${name}" at version ${version} waits until its other connections ` +
        `(at version ${event.oldVersion}) close; close the other extension pages if this lasts.`,
    );
  });

  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(describeOpenError(request.error, name, version)));
  });
  raw.addEventListener('versionchange', () => raw.close());
  return wrap(raw) as unknown as SequelFinderDb;
}

function describeOpenError(error: DOMException | null, name: string, version: number): Error {
  if (error?.name === 'VersionError') {
    return new Error(
      `Database "${name}" was written by a newer build of the extension than this one (version ${version}). ` +
        'Update the extension, or clear its data to start over.',
      { cause: error },
    );
  }
  return new Error(`Failed to open database "${name}" at version ${version}: ${error?.message ?? 'unknown error'}.`, {
    cause: error,
  });
}
