import { describe, expect, it } from 'vitest';
import type { IgnoredItem } from '../../lib/ignored/shards';
import {
  BACKUP_FORMAT, BACKUP_VERSION, createBackup, parseBackup, type ParseBackupResult, serializeBackup,
} from '../../lib/settings/backup';
import { DEFAULT_SETTINGS, defaultSettings, SETTINGS_VERSION } from '../../lib/settings/schema';

const NOW = Date.UTC(2024, 6, 8, 12, 30);
const IGNORED: IgnoredItem[] = [
  { mediaId: 20954, title: 'Koe no Katachi', ignoredAt: NOW - 1000 },
  { mediaId: 97731, title: null, ignoredAt: NOW - 2000 },
];

function reasonsOf(result: ParseBackupResult): string[] {
  if (result.ok) throw new Error('expected the backup to be rejected');
  return result.reasons;
}

function fileWith(changes: Record<string, unknown>): string {
  return JSON.stringify({ ...createBackup(defaultSettings(), IGNORED, NOW), ...changes });
}

describe('createBackup', () => {
  it('stamps format, version and time', () => {
    const backup = createBackup(defaultSettings(), IGNORED, NOW);
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.exportedAt).toBe('2024-07-08T12:30:00.000Z');
    expect(backup.ignored).toEqual(IGNORED);
  });

  it('round-trips through parseBackup', () => {
    const settings = { ...defaultSettings(), mediaType: 'MANGA' as const, language: 'pt-BR' as const };
    const text = serializeBackup(createBackup(settings, IGNORED, NOW));
    const result = parseBackup(text);
    expect(result).toEqual({ ok: true, backup: createBackup(settings, IGNORED, NOW), notes: [] });
  });
});

describe('parseBackup rejections', () => {
  const cases = [
    { name: 'text that is not JSON', text: 'mediaId,title\n1,Cowboy Bebop', reason: 'not valid JSON' },
    { name: 'an empty file', text: '', reason: 'not valid JSON' },
    { name: 'a JSON array', text: '[1, 2, 3]', reason: 'not a Sequel Finder backup' },
    { name: "another program's file", text: JSON.stringify({ version: 1, settings: {}, extensions: [] }), reason: 'not a Sequel Finder backup' },
    { name: 'a newer backup version', text: fileWith({ version: 2 }), reason: 'newer version of the extension (backup version 2)' },
    { name: 'a text version', text: fileWith({ version: 'one' }), reason: '"version" "one" is not a version number' },
    { name: 'newer settings', text: fileWith({ settings: { ...defaultSettings(), version: SETTINGS_VERSION + 1 } }), reason: 'settings come from a newer version' },
    { name: 'missing settings', text: fileWith({ settings: undefined }), reason: '"settings" is missing' },
    { name: 'an invalid interval', text: fileWith({ settings: { ...defaultSettings(), scanIntervalMinutes: 5 } }), reason: 'settings: scanIntervalMinutes is 5' },
    { name: 'an unknown relation', text: fileWith({ settings: { ...defaultSettings(), relations: ['SEQUEL', 'REMAKE'] } }), reason: '"REMAKE"' },
    { name: 'ignored not a list', text: fileWith({ ignored: { 1: 'x' } }), reason: '"ignored" is not a list' },
    { name: 'a bad ignored id', text: fileWith({ ignored: [{ mediaId: -1, title: null, ignoredAt: 0 }] }), reason: 'ignored[0]: mediaId' },
    { name: 'a bad export time', text: fileWith({ exportedAt: 'yesterday' }), reason: '"exportedAt" "yesterday" is not a date' },
  ];

  for (const testCase of cases) {
    it(`rejects ${testCase.name}`, () => {
      const reasons = reasonsOf(parseBackup(testCase.text));
      expect(reasons.join('\n')).toContain(testCase.reason);
    });
  }

  it('lists every invalid field', () => {
    const text = fileWith({
      settings: { ...defaultSettings(), language: 'fr', scanIntervalMinutes: 5 },
      ignored: [IGNORED[0], { mediaId: 'x' }],
    });
    expect(reasonsOf(parseBackup(text))).toHaveLength(3);
  });
});

describe('parseBackup acceptance', () => {
  it('migrates version 0 settings', () => {
    const text = fileWith({ settings: { type: 'MANGA', relations: ['SEQUEL', 'SIDE_STORY'] } });
    const result = parseBackup(text);
    if (!result.ok) throw new Error(result.reasons.join('\n'));
    expect(result.backup.settings.mediaType).toBe('MANGA');
    expect(result.backup.settings.relations).toEqual(['SEQUEL', 'SIDE_STORY']);
    expect(result.backup.settings.notifications).toEqual(DEFAULT_SETTINGS.notifications);
    expect(result.notes.some((note) => note.includes('migrated from 0 to 1'))).toBe(true);
  });

  it('notes unknown settings fields', () => {
    const result = parseBackup(fileWith({ settings: { ...defaultSettings(), theme: 'dark' } }));
    if (!result.ok) throw new Error(result.reasons.join('\n'));
    expect(result.backup.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.notes.join('\n')).toContain('theme');
  });

  it('accepts an empty ignored list', () => {
    const result = parseBackup(fileWith({ ignored: [] }));
    expect(result).toMatchObject({ ok: true, backup: { ignored: [] } });
  });
});
