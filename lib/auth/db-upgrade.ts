import type { IDBPDatabase } from 'idb';
import type { SequelFinderDbSchema, UpgradeStep } from '../cache/db';

/**
 * The `auth` object store of the extension's IndexedDB database, which contains the login session.
 * The token lives there and not in `browser.storage.local`, because content scripts can read
 * storage.local but run in the page's origin, where the extension's IndexedDB is out of reach.
 */

export const AUTH_STORE = 'auth';

export interface AuthDbSchema extends SequelFinderDbSchema {
  /** The login session under the key `session`, validated on read. */
  auth: { key: string; value: unknown };
}

export type AuthDb = IDBPDatabase<AuthDbSchema>;

/**
 * Upgrade step 2: adds the `auth` store, with out-of-line keys.
 * Only the type of `lib/cache/db.ts` is imported, so that module can list this step in its
 * UPGRADE_STEPS without an import cycle at run time.
 */
export const AUTH_UPGRADE_STEP: UpgradeStep = {
  version: 2,
  description: 'an auth store with out-of-line keys for the login session',
  apply(db) {
    (db as unknown as AuthDb).createObjectStore(AUTH_STORE);
  },
};
