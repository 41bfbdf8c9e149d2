import { describe, expect, it } from 'vitest';
import { createBackgroundStore } from '../../lib/ui/background-store';
import { createStateSnapshot, SNAPSHOT_KEY } from '../../lib/ui/state-snapshot';
import { createFakeBackground, stateWith } from './support/fake-background';
import { seanimeResults } from './support/results';

/** Creates a Storage stand-in with an optional size limit in characters, as localStorage has one. */
function memoryStorage(limit = Number.POSITIVE_INFINITY) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (value.length > limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => {
      items.delete(key);
    },
  };
}

describe('state snapshot', () => {
  it('round-trips a state', () => {
    const storage = memoryStorage();
    const snapshot = createStateSnapshot(storage);
    const state = stateWith(seanimeResults());
    snapshot.write(state);
    expect(snapshot.read()).toEqual(state);
  });

  const unreadable: { name: string; text: string }[] = [
    { name: 'not JSON', text: '{"settings":' },
    { name: 'not a state', text: '{"hello":1}' },
    { name: 'null', text: 'null' },
  ];
  for (const { name, text } of unreadable) {
    it(`reads ${name} as no copy`, () => {
      const storage = memoryStorage();
      storage.items.set(SNAPSHOT_KEY, text);
      expect(createStateSnapshot(storage).read()).toBeNull();
    });
  }

  it('over the quota drops the old copy', () => {
    const storage = memoryStorage(200);
    storage.items.set(SNAPSHOT_KEY, JSON.stringify(stateWith([])).slice(0, 10));
    createStateSnapshot(storage).write(stateWith(seanimeResults()));
    expect(storage.items.has(SNAPSHOT_KEY)).toBe(false);
  });
});

describe('background store with a snapshot', () => {
  it('paints the copy, then takes the answer', async () => {
    const storage = memoryStorage();
    const snapshot = createStateSnapshot(storage);
    snapshot.write(stateWith(seanimeResults()));
    const fake = createFakeBackground(stateWith([]));
    const store = createBackgroundStore(fake.send, { browserLanguage: 'en', snapshot });

    expect(store.state.value?.lastScan?.missing).toHaveLength(10);
    expect(fake.requests).toEqual([]);
    await store.refresh();
    expect(store.state.value?.lastScan?.missing).toHaveLength(0);
    expect(snapshot.read()?.lastScan?.missing).toHaveLength(0);
    store.dispose();
  });

  it('running scans are not copied', async () => {
    const storage = memoryStorage();
    const running = stateWith([], {
      scan: {
        phase: 'running',
        userName: 'Boilerplate',
        startedAt: 1,
        progress: { phase: 'list', relationsNeeded: 0, relationsFromCache: 0, relationsFetched: 0 },
        requestsDone: 0,
        estimatedRemainingRequests: null,
        wait: null,
      },
    });
    const store = createBackgroundStore(createFakeBackground(running).send, { browserLanguage: 'en', snapshot: createStateSnapshot(storage), pollMs: 60_000 });
    await store.refresh();
    expect(storage.items.has(SNAPSHOT_KEY)).toBe(false);
    store.dispose();
  });
});
