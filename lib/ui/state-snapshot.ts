import type { BackgroundState } from '../messages/state';

/**
 * The popup's own copy of the last background state, in the extension origin's localStorage.
 * Reading it is synchronous, so the popup paints stored results before the background (a service
 * worker that may be asleep) responds to getState, which takes 100 to 150 ms with 1,000 results. The
 * state never contains the AniList token, and localStorage of the extension's origin is readable
 * only by the extension's own pages.
 */
export interface StateSnapshot {
  read(): BackgroundState | null;
  write(state: BackgroundState): void;
}

/** Versioned, so a build with another state layout ignores a copy written by an older one. */
export const SNAPSHOT_KEY = 'sequel-finder:popup-state:v1';

function looksLikeState(value: unknown): value is BackgroundState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<BackgroundState>;
  return typeof state.settings === 'object' && state.settings !== null && typeof state.scan === 'object' && 'lastScan' in state;
}

export function createStateSnapshot(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): StateSnapshot {
  return {
    read: () => {
      try {
        const text = storage.getItem(SNAPSHOT_KEY);
        if (text === null) return null;
        const parsed: unknown = JSON.parse(text);
        return looksLikeState(parsed) ? parsed : null;
      } catch (error) {
        console.warn('The popup could not read its copy of the last state; it waits for the background instead.', error);
        return null;
      }
    },
    write: (state) => {
      try {
        storage.setItem(SNAPSHOT_KEY, JSON.stringify(state));
      } catch (error) {
        // Over the localStorage quota (about 5 MB, some thousands of results): the popup then
        // waits for the background on open, as it would without a copy.
        storage.removeItem(SNAPSHOT_KEY);
        console.warn('The popup could not keep a copy of the state, so it will wait for the background when it opens.', error);
      }
    },
  };
}
