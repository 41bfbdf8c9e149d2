import { browser, type Browser } from 'wxt/browser';
import { migrateSettings, type MigratedSettings } from './migrations';
import { type Settings, settingsSchema, SETTINGS_VERSION } from './schema';
import {
  isQuotaError, isSyncUnavailableError, SerialQueue, storageArea, type StorageAreaName, syncArea,
} from './storage-areas';

/**
 * Settings live under one key in `browser.storage.sync`, so they follow the user across browsers.
 * When sync is missing or its quota is used up, they go to `browser.storage.local` and a marker in
 * local records that. The next save tries sync again.
 */

export const SETTINGS_KEY = 'settings';
/** In storage.local: 'local' while the settings live there instead of in sync. */
export const SETTINGS_AREA_KEY = 'settingsArea';

export interface LoadedSettings extends MigratedSettings {
  /** The storage area the settings were read from. */
  area: StorageAreaName;
}

/** Saving was refused because the stored settings come from a newer build, which this one must not overwrite. */
export class NewerSettingsError extends Error {
  override readonly name = 'NewerSettingsError';
}

const queue = new SerialQueue();

async function activeArea(): Promise<StorageAreaName> {
  if (syncArea() === null) return 'local';
  const marker = await browser.storage.local.get(SETTINGS_AREA_KEY);
  return marker[SETTINGS_AREA_KEY] === 'local' ? 'local' : 'sync';
}

async function readStored(): Promise<{ raw: unknown; area: StorageAreaName }> {
  const area = await activeArea();
  if (area === 'sync') {
    try {
      const items = await storageArea('sync').get(SETTINGS_KEY);
      return { raw: items[SETTINGS_KEY], area };
    } catch (error) {
      console.warn('Reading the settings from storage.sync failed; reading storage.local instead.', error);
    }
  }
  const items = await browser.storage.local.get(SETTINGS_KEY);
  return { raw: items[SETTINGS_KEY], area: 'local' };
}

/**
 * Writes the settings to sync, or to local when sync is missing, over its quota or disabled.
 * After a write to sync succeeds, the local copy and marker are removed, in that order, so a
 * failure in between leaves a usable copy.
 */
async function writeSettings(settings: Settings): Promise<StorageAreaName> {
  const sync = syncArea();
  if (sync !== null) {
    try {
      await sync.set({ [SETTINGS_KEY]: settings });
      await browser.storage.local.remove([SETTINGS_KEY, SETTINGS_AREA_KEY]);
      return 'sync';
    } catch (error) {
      if (!isQuotaError(error) && !isSyncUnavailableError(error)) throw error;
      console.warn('Saving the settings to storage.sync failed; they are saved in storage.local instead.', error);
    }
  }
  await browser.storage.local.set({ [SETTINGS_KEY]: settings, [SETTINGS_AREA_KEY]: 'local' });
  return 'local';
}

/**
 * Reads the settings, migrating and repairing what is stored. A migrated or repaired object is
 * written back, except one from a newer build, which is read with defaults and left untouched.
 */
export function loadSettings(): Promise<LoadedSettings> {
  return queue.run(async () => {
    const { raw, area } = await readStored();
    const migrated = migrateSettings(raw);
    if (migrated.changed && !migrated.fromNewerVersion && raw !== undefined) {
      console.info('Stored settings were migrated or repaired.', migrated.issues);
      const written = await writeSettings(migrated.settings);
      return { ...migrated, area: written };
    }
    return { ...migrated, area };
  });
}

/**
 * Validates and stores the settings, returning them as stored.
 * @throws ZodError when a field is invalid.
 * @throws NewerSettingsError when a newer build wrote the stored settings.
 */
export function saveSettings(settings: Settings): Promise<Settings> {
  return queue.run(async () => {
    const valid = settingsSchema.parse(settings);
    const { raw } = await readStored();
    const stored = migrateSettings(raw);
    if (stored.fromNewerVersion) {
      throw new NewerSettingsError(
        `The settings were saved by a newer version of the extension (settings version ${stored.storedVersion}, ` +
          `this one writes ${SETTINGS_VERSION}); update the extension to change them.`,
      );
    }
    await writeSettings(valid);
    return valid;
  });
}

/**
 * Calls `callback` with the settings whenever they change in this or another context, or arrive
 * from another device through sync. Returns a function that stops listening.
 */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, Browser.storage.StorageChange>, areaName: string): void => {
    if (areaName !== 'sync' && areaName !== 'local') return;
    if (!(SETTINGS_KEY in changes) && !(SETTINGS_AREA_KEY in changes)) return;
    readStored()
      .then(({ raw }) => callback(migrateSettings(raw).settings))
      .catch((error: unknown) => console.error('Reading the changed settings failed.', error));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
