import { browser, type Browser } from 'wxt/browser';

/**
 * Helpers for data that lives in `browser.storage.sync` and falls back to `browser.storage.local`.
 * Nothing secret may be stored through them: content scripts can read both areas.
 */

export type StorageAreaName = 'sync' | 'local';
export type StorageArea = Browser.storage.StorageArea;

/** storage.sync limits, the same in Chrome (its storage.json) and Firefox (MDN's storage.sync page). */
export const SYNC_QUOTA_BYTES = 102_400;
export const SYNC_QUOTA_BYTES_PER_ITEM = 8_192;

/** Returns `browser.storage.sync`, or null where the browser has none. */
export function syncArea(): StorageArea | null {
  return browser.storage.sync ?? null;
}

export function storageArea(name: StorageAreaName): StorageArea {
  if (name === 'local') return browser.storage.local;
  const sync = syncArea();
  if (sync === null) throw new Error('This browser has no storage.sync; use storage.local.');
  return sync;
}

/**
 * Tells whether an error from storage.sync means its quota is used up. Chrome names the quota in
 * its message ("QUOTA_BYTES_PER_ITEM quota exceeded", or "Resource::kQuotaBytesPerItem quota
 * exceeded" in recent versions), and Firefox throws "QuotaExceededError: storage.sync API call
 * exceeded its quota limitations."
 */
export function isQuotaError(error: unknown): boolean {
  if (error instanceof Error && error.name === 'QuotaExceededError') return true;
  const message = error instanceof Error ? error.message : String(error);
  return /quota/i.test(message);
}

/**
 * Tells whether an error means storage.sync cannot be used at all, as in Firefox with
 * `webextensions.storage.sync.enabled` set to false.
 */
export function isSyncUnavailableError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /storage\.sync\.enabled/i.test(message);
}

/**
 * Returns the size storage.sync counts for one item: the key plus the JSON text of the value.
 * It is counted in UTF-8 bytes, which is never less than the character count either browser may use.
 */
export function syncItemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/**
 * Runs async tasks one after another, so two read-modify-write updates of the same keys in one
 * context cannot interleave and lose a change.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
