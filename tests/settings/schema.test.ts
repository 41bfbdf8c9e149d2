import { describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_LIFETIMES } from '../../lib/cache/expiry';
import {
  DEFAULT_SETTINGS, defaultSettings, type Settings, settingsSchema, toFinderSettings,
} from '../../lib/settings/schema';
import { DEFAULT_FINDER_SETTINGS } from '../../lib/sequels/types';

describe('settings defaults', () => {
  it('parse with the schema', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('take the finder defaults', () => {
    expect(DEFAULT_SETTINGS.mediaType).toBe(DEFAULT_FINDER_SETTINGS.type);
    expect(DEFAULT_SETTINGS.sourceStatuses).toEqual(DEFAULT_FINDER_SETTINGS.sourceStatuses);
    expect(DEFAULT_SETTINGS.relations).toEqual(DEFAULT_FINDER_SETTINGS.relations);
    expect(DEFAULT_SETTINGS.excludedFormats).toEqual(DEFAULT_FINDER_SETTINGS.excludedFormats);
    expect(DEFAULT_SETTINGS.includeAnnounced).toBe(DEFAULT_FINDER_SETTINGS.includeAnnounced);
    expect(DEFAULT_SETTINGS.cacheLifetimes).toEqual(DEFAULT_CACHE_LIFETIMES);
  });

  it('follow the account on adult content', () => {
    expect(DEFAULT_SETTINGS.includeAdult).toBeNull();
  });

  it('scan every 12 hours', () => {
    expect(DEFAULT_SETTINGS.scanIntervalMinutes).toBe(720);
  });

  it('copy instead of sharing arrays', () => {
    const copy = defaultSettings();
    copy.relations.push('PREQUEL');
    expect(DEFAULT_SETTINGS.relations).toEqual(['SEQUEL']);
  });
});

describe('settings schema', () => {
  const valid: { name: string; change: Partial<Settings> }[] = [
    { name: 'interval off', change: { scanIntervalMinutes: 0 } },
    { name: 'hourly interval', change: { scanIntervalMinutes: 60 } },
    { name: 'weekly interval', change: { scanIntervalMinutes: 10_080 } },
    { name: 'adult content forced on', change: { includeAdult: true } },
    { name: 'Portuguese', change: { language: 'pt-BR' } },
    { name: 'manga with side stories', change: { mediaType: 'MANGA', relations: ['SEQUEL', 'SIDE_STORY', 'SAME_UNIVERSE'] } },
    { name: 'no excluded formats', change: { excludedFormats: [] } },
    { name: 'a user name to scan', change: { scanUserName: 'Josh' } },
  ];
  for (const testCase of valid) {
    it(`accepts ${testCase.name}`, () => {
      expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...testCase.change }).success).toBe(true);
    });
  }

  const invalid: { name: string; change: Record<string, unknown> }[] = [
    { name: 'interval under an hour', change: { scanIntervalMinutes: 30 } },
    { name: 'interval over a week', change: { scanIntervalMinutes: 10_081 } },
    { name: 'fractional interval', change: { scanIntervalMinutes: 90.5 } },
    { name: 'no source statuses', change: { sourceStatuses: [] } },
    { name: 'no relations', change: { relations: [] } },
    { name: 'repeated relations', change: { relations: ['SEQUEL', 'SEQUEL'] } },
    { name: 'unknown relation', change: { relations: ['SEQUEL', 'REMAKE'] } },
    { name: 'unknown language', change: { language: 'de' } },
    { name: 'blank user name', change: { scanUserName: '   ' } },
    { name: 'cache lifetime of a minute', change: { cacheLifetimes: { ...DEFAULT_CACHE_LIFETIMES, finishedMs: 60_000 } } },
    { name: 'unknown field', change: { theme: 'dark' } },
    { name: 'another version', change: { version: 2 } },
  ];
  for (const testCase of invalid) {
    it(`rejects ${testCase.name}`, () => {
      expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...testCase.change }).success).toBe(false);
    });
  }

  it('trims the user name', () => {
    expect(settingsSchema.parse({ ...DEFAULT_SETTINGS, scanUserName: ' Josh ' }).scanUserName).toBe('Josh');
  });
});

describe('toFinderSettings', () => {
  const cases = [
    { name: 'null follows an adult viewer', includeAdult: null, viewer: { displayAdultContent: true }, expected: true },
    { name: 'null follows a non-adult viewer', includeAdult: null, viewer: { displayAdultContent: false }, expected: false },
    { name: 'null while logged out', includeAdult: null, viewer: null, expected: false },
    { name: 'true overrides the viewer', includeAdult: true, viewer: { displayAdultContent: false }, expected: true },
    { name: 'false overrides the viewer', includeAdult: false, viewer: { displayAdultContent: true }, expected: false },
  ];
  for (const testCase of cases) {
    it(`resolves ${testCase.name}`, () => {
      const finder = toFinderSettings({ ...DEFAULT_SETTINGS, includeAdult: testCase.includeAdult }, testCase.viewer);
      expect(finder.includeAdult).toBe(testCase.expected);
    });
  }

  it('maps the finder fields', () => {
    const settings: Settings = { ...defaultSettings(), mediaType: 'MANGA', relations: ['SEQUEL', 'PREQUEL'], includeAnnounced: false };
    expect(toFinderSettings(settings, null)).toEqual({
      type: 'MANGA',
      sourceStatuses: DEFAULT_FINDER_SETTINGS.sourceStatuses,
      relations: ['SEQUEL', 'PREQUEL'],
      excludedFormats: ['MUSIC'],
      includeAdult: false,
      includeAnnounced: false,
    });
  });
});
