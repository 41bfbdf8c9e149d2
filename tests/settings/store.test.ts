import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, defaultSettings, type Settings, SETTINGS_VERSION } from '../../lib/settings/schema';
import {
  loadSettings, NewerSettingsError, onSettingsChanged, saveSettings, SETTINGS_AREA_KEY, SETTINGS_KEY,
} from '../../lib/settings/store';

async function stored(area: 'sync' | 'local'): Promise<unknown> {
  return (await fakeBrowser.storage[area].get(SETTINGS_KEY))[SETTINGS_KEY];
}

function mangaSettings(): Settings {
  return { ...defaultSettings(), mediaType: 'MANGA', scanIntervalMinutes: 1440 };
}

describe('settings store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('loads defaults when nothing is stored', async () => {
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.area).toBe('sync');
    expect(await stored('sync')).toBeUndefined();
  });

  it('saves to sync and loads back', async () => {
    await saveSettings(mangaSettings());
    expect(await stored('sync')).toEqual(mangaSettings());
    expect((await loadSettings()).settings).toEqual(mangaSettings());
  });

  it('rejects invalid settings unsaved', async () => {
    await expect(saveSettings({ ...defaultSettings(), scanIntervalMinutes: 5 })).rejects.toThrow();
    expect(await stored('sync')).toBeUndefined();
  });

  it('writes a migrated version 0 back', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { type: 'MANGA', includeAdult: true } });
    const loaded = await loadSettings();
    expect(loaded.settings.mediaType).toBe('MANGA');
    expect(await stored('sync')).toEqual(loaded.settings);
  });

  it('never overwrites newer settings on load', async () => {
    const newer = { ...defaultSettings(), version: SETTINGS_VERSION + 1, theme: 'dark', mediaType: 'MANGA' };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: newer });
    const loaded = await loadSettings();
    expect(loaded.fromNewerVersion).toBe(true);
    expect(loaded.settings.mediaType).toBe('MANGA');
    expect(await stored('sync')).toEqual(newer);
  });

  it('refuses to save over newer settings', async () => {
    const newer = { ...defaultSettings(), version: SETTINGS_VERSION + 1 };
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: newer });
    await expect(saveSettings(mangaSettings())).rejects.toBeInstanceOf(NewerSettingsError);
    expect(await stored('sync')).toEqual(newer);
  });
});

describe('settings store fallback', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  const fallbacks = [
    { name: 'quota error', error: new Error('QUOTA_BYTES quota exceeded') },
    { name: 'write rate quota', error: new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded') },
    { name: 'disabled Firefox sync', error: new Error('Please set webextensions.storage.sync.enabled to true in about:config') },
  ];
  for (const fallback of fallbacks) {
    it(`saves to local on ${fallback.name}`, async () => {
      vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(fallback.error);
      vi.spyOn(console, 'warn').mockImplementation(() => {});

      await saveSettings(mangaSettings());

      expect(await stored('local')).toEqual(mangaSettings());
      expect((await fakeBrowser.storage.local.get(SETTINGS_AREA_KEY))[SETTINGS_AREA_KEY]).toBe('local');
      const loaded = await loadSettings();
      expect(loaded.area).toBe('local');
      expect(loaded.settings).toEqual(mangaSettings());
    });
  }

  it('returns to sync on the next save', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await saveSettings(mangaSettings());

    const portuguese = { ...mangaSettings(), language: 'pt-BR' as const };
    await saveSettings(portuguese);

    expect(await stored('sync')).toEqual(portuguese);
    expect(await stored('local')).toBeUndefined();
    expect((await fakeBrowser.storage.local.get(SETTINGS_AREA_KEY))[SETTINGS_AREA_KEY]).toBeUndefined();
    expect((await loadSettings()).area).toBe('sync');
  });

  it('rethrows other sync errors', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await expect(saveSettings(mangaSettings())).rejects.toThrow('Extension context invalidated.');
    expect(await stored('local')).toBeUndefined();
  });

  it('reads local when sync reads fail', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: mangaSettings() });
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('Please set webextensions.storage.sync.enabled to true in about:config'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const loaded = await loadSettings();
    expect(loaded.area).toBe('local');
    expect(loaded.settings).toEqual(mangaSettings());
  });

  it('uses local when sync is missing', async () => {
    const sync = fakeBrowser.storage.sync;
    Object.defineProperty(fakeBrowser.storage, 'sync', { value: undefined, configurable: true, writable: true });
    try {
      await saveSettings(mangaSettings());
      expect(await stored('local')).toEqual(mangaSettings());
      expect((await loadSettings()).area).toBe('local');
    } finally {
      Object.defineProperty(fakeBrowser.storage, 'sync', { value: sync, configurable: true, writable: true });
    }
  });
});

describe('onSettingsChanged', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reports saved settings', async () => {
    const seen: Settings[] = [];
    const stop = onSettingsChanged((settings) => seen.push(settings));
    await saveSettings(mangaSettings());
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(mangaSettings()));
    stop();
  });

  it('reports settings synced from elsewhere', async () => {
    const seen: Settings[] = [];
    const stop = onSettingsChanged((settings) => seen.push(settings));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...defaultSettings(), language: 'en' } });
    await vi.waitFor(() => expect(seen.at(-1)?.language).toBe('en'));
    stop();
  });

  it('ignores other keys', async () => {
    const callback = vi.fn();
    const stop = onSettingsChanged(callback);
    await fakeBrowser.storage.sync.set({ 'ignored.1': { 1: [null, 0] } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(callback).not.toHaveBeenCalled();
    stop();
  });

  it('stops after unsubscribe', async () => {
    const callback = vi.fn();
    const stop = onSettingsChanged(callback);
    stop();
    await saveSettings(mangaSettings());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(callback).not.toHaveBeenCalled();
  });
});
