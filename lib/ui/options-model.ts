import { signal, type Signal } from '@preact/signals';
import type { IgnoredItem } from '../ignored/shards';
import type { ImportBackupResult } from '../messages/state';
import {
  type BackupNote, type BackupProblem, createBackup, parseBackup, type ParseBackupResult, serializeBackup,
} from '../settings/backup';
import { type Settings, settingsSchema } from '../settings/schema';
import type { BackgroundStore } from './background-store';
import { errorDetail, type SendRequest } from './requests';
import { invalidFields } from './settings-text';

/**
 * Where the options page reads the ignored list. It reads storage directly, because the list can
 * be long and storage sends every change; every write goes through the background.
 */
export interface IgnoredSource {
  list(): Promise<IgnoredItem[]>;
  /** Calls `callback` with the list after each change; returns a function that stops listening. */
  subscribe(callback: (items: IgnoredItem[]) => void): () => void;
}

/** The outcome of the last action, shown in the page's status line. */
export type OptionsNotice =
  | { kind: 'saved' }
  /** `fields` are the top-level settings fields the change got wrong. */
  | { kind: 'invalid'; fields: string[] }
  | { kind: 'failed'; action: 'save' | 'unignore' | 'clearIgnored' | 'import' | 'clearCache' | 'export'; detail: string }
  | { kind: 'imported'; notes: BackupNote[] }
  /** `reasons` are the background's English sentences, shown only when `problems` is empty. */
  | { kind: 'importRejected'; problems: BackupProblem[]; reasons: string[] }
  | { kind: 'cacheCleared' }
  | { kind: 'ignoredCleared'; count: number };

export interface OptionsModel {
  store: BackgroundStore;
  /** null until the first read. */
  ignored: Signal<IgnoredItem[] | null>;
  notice: Signal<OptionsNotice | null>;
  /** True while a write is in progress. */
  busy: Signal<boolean>;
  /** Validates and saves a change to the settings; an invalid change is not sent and says why. */
  save(change: Partial<Settings>): Promise<void>;
  unignore(item: IgnoredItem): Promise<void>;
  /** Unignores every item, one request each. */
  clearIgnored(): Promise<void>;
  /** Returns the backup file's text of the current settings and ignored list. */
  exportBackup(now?: number): Promise<string>;
  /** Checks a backup file before anything is imported. */
  previewImport(text: string): ParseBackupResult;
  importBackup(text: string, overwrite: boolean): Promise<ImportBackupResult | null>;
  clearCache(): Promise<void>;
  dispose(): void;
}

export function createOptionsModel(store: BackgroundStore, send: SendRequest, ignoredSource: IgnoredSource): OptionsModel {
  const ignored = signal<IgnoredItem[] | null>(null);
  const notice = signal<OptionsNotice | null>(null);
  const busy = signal(false);

  const readIgnored = async () => {
    ignored.value = await ignoredSource.list();
  };
  void readIgnored().catch((error: unknown) => {
    console.error('Reading the ignored list failed.', error);
    ignored.value = [];
  });
  const unsubscribe = ignoredSource.subscribe((items) => {
    ignored.value = items;
  });

  // Wraps the value, because several requests respond with null on success.
  const run = async <T>(action: Extract<OptionsNotice, { kind: 'failed' }>['action'], work: () => Promise<T>): Promise<{ value: T } | null> => {
    busy.value = true;
    // A notice belongs to the last action, so an older "Saved." never sits above a newer failure.
    notice.value = null;
    try {
      return { value: await work() };
    } catch (error) {
      notice.value = { kind: 'failed', action, detail: errorDetail(error) };
      return null;
    } finally {
      busy.value = false;
    }
  };

  const save = async (change: Partial<Settings>) => {
    const current = store.state.value?.settings;
    if (current === undefined) return;
    const parsed = settingsSchema.safeParse({ ...current, ...change });
    if (!parsed.success) {
      notice.value = { kind: 'invalid', fields: invalidFields(parsed.error.issues) };
      return;
    }
    // Shown at once, and put back when saving fails, so the controls never lag behind a click.
    const setSettings = (settings: Settings) => {
      const state = store.state.value;
      if (state !== null) store.state.value = { ...state, settings };
    };
    setSettings(parsed.data);
    const saved = await run('save', () => send({ type: 'saveSettings', settings: parsed.data }));
    if (saved === null) {
      setSettings(current);
      return;
    }
    setSettings(saved.value);
    notice.value = { kind: 'saved' };
    // The background may re-run the finder with the new settings; its new results show on the next read.
    void store.refresh();
  };

  const unignore = async (item: IgnoredItem) => {
    const done = await run('unignore', () => send({ type: 'unignore', mediaId: item.mediaId, title: item.title }));
    if (done === null) return;
    await readIgnored();
  };

  const clearIgnored = async () => {
    const items = ignored.value ?? (await ignoredSource.list());
    const cleared = await run('clearIgnored', async () => {
      for (const item of items) await send({ type: 'unignore', mediaId: item.mediaId, title: item.title });
      return items.length;
    });
    await readIgnored();
    if (cleared !== null) notice.value = { kind: 'ignoredCleared', count: cleared.value };
  };

  const exportBackup = async (now = Date.now()) => {
    const settings = store.state.value?.settings;
    if (settings === undefined) throw new Error('The settings are not loaded yet, so there is nothing to export.');
    return serializeBackup(createBackup(settings, await ignoredSource.list(), now));
  };

  const importBackup = async (text: string, overwrite: boolean) => {
    const response = await run('import', () => send({ type: 'importBackup', text, overwrite }));
    if (response === null) return null;
    const result = response.value;
    // The background parses the same text with the same code, so the local parse has the
    // structured problems and notes that the message protocol carries only as English text.
    const local = parseBackup(text);
    if (result.imported) notice.value = { kind: 'imported', notes: local.ok ? local.changes : [] };
    else notice.value = { kind: 'importRejected', problems: local.ok ? [] : local.problems, reasons: result.reasons };
    await Promise.all([store.refresh(), readIgnored()]);
    return result;
  };

  const clearCache = async () => {
    const done = await run('clearCache', () => send({ type: 'clearCache' }));
    if (done !== null) notice.value = { kind: 'cacheCleared' };
  };

  return {
    store,
    ignored,
    notice,
    busy,
    save,
    unignore,
    clearIgnored,
    exportBackup,
    previewImport: parseBackup,
    importBackup,
    clearCache,
    dispose: () => {
      unsubscribe();
      store.dispose();
    },
  };
}
