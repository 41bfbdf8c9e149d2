import { describe, expect, it } from 'vitest';
import { migrateSettings } from '../../lib/settings/migrations';
import { DEFAULT_SETTINGS, defaultSettings, SETTINGS_VERSION } from '../../lib/settings/schema';

/** A version 0 object: FinderSettings as first stored, with no version field. */
const VERSION_0 = {
  type: 'MANGA',
  sourceStatuses: ['COMPLETED', 'CURRENT'],
  relations: ['SEQUEL', 'SIDE_STORY'],
  excludedFormats: ['MUSIC', 'ONE_SHOT'],
  includeAdult: true,
  includeAnnounced: false,
};

describe('migrateSettings from version 0', () => {
  it('keeps every finder field', () => {
    const { settings } = migrateSettings(VERSION_0);
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.mediaType).toBe('MANGA');
    expect(settings.sourceStatuses).toEqual(['COMPLETED', 'CURRENT']);
    expect(settings.relations).toEqual(['SEQUEL', 'SIDE_STORY']);
    expect(settings.excludedFormats).toEqual(['MUSIC', 'ONE_SHOT']);
    expect(settings.includeAdult).toBe(true);
    expect(settings.includeAnnounced).toBe(false);
  });

  it('fills later fields with defaults', () => {
    const { settings } = migrateSettings(VERSION_0);
    expect(settings.notifications).toEqual(DEFAULT_SETTINGS.notifications);
    expect(settings.scanIntervalMinutes).toBe(720);
    expect(settings.language).toBe('browser');
  });

  it('reports the step and a change', () => {
    const result = migrateSettings(VERSION_0);
    expect(result.storedVersion).toBe(0);
    expect(result.applied).toHaveLength(1);
    expect(result.applied[0]).toContain('from 0 to 1');
    expect(result.changed).toBe(true);
    expect(result.fromNewerVersion).toBe(false);
    expect(result.issues.some((issue) => issue.path === 'type')).toBe(false);
  });

  it('prefers an existing mediaType', () => {
    expect(migrateSettings({ ...VERSION_0, mediaType: 'ANIME' }).settings.mediaType).toBe('ANIME');
  });

  it('treats a string version as 0', () => {
    const result = migrateSettings({ ...VERSION_0, version: '1' });
    expect(result.storedVersion).toBe(0);
    expect(result.settings.mediaType).toBe('MANGA');
    expect(result.issues.map((issue) => issue.path)).toContain('version');
  });
});

describe('migrateSettings repair', () => {
  it('leaves current settings unchanged', () => {
    const result = migrateSettings(defaultSettings());
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.changed).toBe(false);
    expect(result.issues).toEqual([]);
    expect(result.applied).toEqual([]);
  });

  it('ignores key order when comparing', () => {
    const reordered = Object.fromEntries(Object.entries(defaultSettings()).reverse());
    expect(migrateSettings(reordered).changed).toBe(false);
  });

  it('reads nothing stored as defaults', () => {
    const result = migrateSettings(undefined);
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.changed).toBe(false);
  });

  const notObjects = [null, 'settings', 42, ['SEQUEL']];
  for (const raw of notObjects) {
    it(`replaces ${JSON.stringify(raw)} with defaults`, () => {
      const result = migrateSettings(raw);
      expect(result.settings).toEqual(DEFAULT_SETTINGS);
      expect(result.changed).toBe(true);
      expect(result.issues[0]?.kind).toBe('invalid');
    });
  }

  it('replaces only the invalid fields', () => {
    const stored = { ...defaultSettings(), mediaType: 'MANGA', scanIntervalMinutes: 5, language: 'fr', autoAddToPlanning: true };
    const result = migrateSettings(stored);
    expect(result.settings.mediaType).toBe('MANGA');
    expect(result.settings.autoAddToPlanning).toBe(true);
    expect(result.settings.scanIntervalMinutes).toBe(720);
    expect(result.settings.language).toBe('browser');
    expect(result.issues.map((issue) => [issue.path, issue.kind])).toEqual([
      ['scanIntervalMinutes', 'invalid'],
      ['language', 'invalid'],
    ]);
  });

  it('repairs nested fields one by one', () => {
    const stored = { ...defaultSettings(), notifications: { newSequels: false, startedAiring: 'yes' } };
    const result = migrateSettings(stored);
    expect(result.settings.notifications).toEqual({ newSequels: false, startedAiring: true, newlyAnnounced: true });
    expect(result.issues.map((issue) => [issue.path, issue.kind])).toEqual([
      ['notifications.startedAiring', 'invalid'],
      ['notifications.newlyAnnounced', 'missing'],
    ]);
  });

  it('drops only unknown array values', () => {
    const stored = { ...defaultSettings(), relations: ['SEQUEL', 'REMAKE', 'SIDE_STORY', 'SEQUEL'] };
    const result = migrateSettings(stored);
    expect(result.settings.relations).toEqual(['SEQUEL', 'SIDE_STORY']);
    expect(result.issues[0]).toMatchObject({ path: 'relations', kind: 'dropped-items' });
    expect(result.issues[0]?.message).toContain('"REMAKE"');
  });

  it('falls back when no array value is left', () => {
    const result = migrateSettings({ ...defaultSettings(), sourceStatuses: ['WATCHING'] });
    expect(result.settings.sourceStatuses).toEqual(DEFAULT_SETTINGS.sourceStatuses);
    expect(result.issues[0]).toMatchObject({ path: 'sourceStatuses', kind: 'invalid' });
  });

  it('drops unknown fields', () => {
    const result = migrateSettings({ ...defaultSettings(), theme: 'dark' });
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.changed).toBe(true);
    expect(result.issues).toEqual([expect.objectContaining({ path: 'theme', kind: 'unknown-field' })]);
  });
});

describe('migrateSettings from a newer version', () => {
  const newer = {
    ...defaultSettings(),
    version: SETTINGS_VERSION + 1,
    mediaType: 'MANGA',
    scanIntervalMinutes: 1440,
    relations: ['SEQUEL', 'REBOOT'],
    notifications: { newSequels: false, startedAiring: true, newlyAnnounced: true, weeklyDigest: true },
    theme: 'dark',
  };

  it('keeps the known fields', () => {
    const { settings } = migrateSettings(newer);
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.mediaType).toBe('MANGA');
    expect(settings.scanIntervalMinutes).toBe(1440);
    expect(settings.relations).toEqual(['SEQUEL']);
    expect(settings.notifications.newSequels).toBe(false);
  });

  it('flags the object as newer', () => {
    const result = migrateSettings(newer);
    expect(result.fromNewerVersion).toBe(true);
    expect(result.storedVersion).toBe(SETTINGS_VERSION + 1);
    expect(result.applied).toEqual([]);
  });

  it('does not modify the stored object', () => {
    const copy = structuredClone(newer);
    migrateSettings(copy);
    expect(copy).toEqual(newer);
  });
});
