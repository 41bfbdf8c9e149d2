import { describe, expect, it } from 'vitest';
import type { IgnoredItem } from '../../lib/ignored/shards';
import {
  type BackupProblem, BACKUP_FORMAT, BACKUP_VERSION, createBackup, parseBackup, type ParseBackupResult, serializeBackup,
} from '../../lib/settings/backup';
import { DEFAULT_SETTINGS, defaultSettings, SETTINGS_VERSION } from '../../lib/settings/schema';

const NOW = Date.UTC(2024, 6, 8, 12, 30);
const IGNORED: IgnoredItem[] = [
  { mediaId: 20954, title: 'Koe no Katachi', ignoredAt: NOW - 1000 },
  { mediaId: 97731, title: null, ignoredAt: NOW - 2000 },
];

function problemsOf(result: ParseBackupResult): BackupProblem[] {
  if (result.ok) throw new Error('expected the backup to be rejected');
  return result.problems;
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
    expect(result).toEqual({ ok: true, backup: createBackup(settings, IGNORED, NOW), changes: [], notes: [] });
  });
});

describe('parseBackup rejections', () => {
  const cases: { name: string; text: string; problem: BackupProblem }[] = [
    { name: 'text that is not JSON', text: 'mediaId,title\n1,Cowboy Bebop', problem: { code: 'notJson' } },
    { name: 'an empty file', text: '', problem: { code: 'notJson' } },
    { name: 'a JSON array', text: '[1, 2, 3]', problem: { code: 'notBackup' } },
    { name: "another program's file", text: JSON.stringify({ version: 1, settings: {}, extensions: [] }), problem: { code: 'notBackup' } },
    { name: 'a newer backup version', text: fileWith({ version: 2 }), problem: { code: 'newerBackup', version: 2 } },
    { name: 'a text version', text: fileWith({ version: 'one' }), problem: { code: 'badVersion', value: '"one"' } },
    { name: 'newer settings', text: fileWith({ settings: { ...defaultSettings(), version: SETTINGS_VERSION + 1 } }), problem: { code: 'newerSettings', version: SETTINGS_VERSION + 1 } },
    { name: 'missing settings', text: fileWith({ settings: undefined }), problem: { code: 'settingsMissing' } },
    { name: 'an invalid interval', text: fileWith({ settings: { ...defaultSettings(), scanIntervalMinutes: 5 } }), problem: { code: 'settingInvalid', field: 'scanIntervalMinutes' } },
    { name: 'an unknown relation', text: fileWith({ settings: { ...defaultSettings(), relations: ['SEQUEL', 'REMAKE'] } }), problem: { code: 'settingItemsInvalid', field: 'relations' } },
    { name: 'ignored not a list', text: fileWith({ ignored: { 1: 'x' } }), problem: { code: 'ignoredNotList' } },
    { name: 'a bad ignored id', text: fileWith({ ignored: [{ mediaId: -1, title: null, ignoredAt: 0 }] }), problem: { code: 'ignoredEntryInvalid', position: 1, field: 'mediaId' } },
    { name: 'a text ignored id', text: fileWith({ ignored: [IGNORED[0], { mediaId: '5', title: null, ignoredAt: 0 }] }), problem: { code: 'ignoredEntryInvalid', position: 2, field: 'mediaId' } },
    { name: 'an extra ignored field', text: fileWith({ ignored: [{ ...IGNORED[0], note: 'x' }] }), problem: { code: 'ignoredEntryInvalid', position: 1, field: null } },
    { name: 'a bad export time', text: fileWith({ exportedAt: 'yesterday' }), problem: { code: 'badExportDate', value: '"yesterday"' } },
  ];

  for (const testCase of cases) {
    it(`rejects ${testCase.name}`, () => {
      const result = parseBackup(testCase.text);
      expect(problemsOf(result)).toContainEqual(testCase.problem);
      if (!result.ok) expect(result.reasons.join('\n')).not.toMatch(/default is used|Invalid input|expected \w+, received/);
    });
  }

  it('rejection lists no notes', () => {
    const text = fileWith({ settings: { sourceStatuses: ['PLANNING'], scanIntervalMinutes: 5, version: 1 } });
    expect(problemsOf(parseBackup(text))).toEqual([{ code: 'settingInvalid', field: 'scanIntervalMinutes' }]);
  });

  it('lists every invalid field', () => {
    const text = fileWith({
      settings: { ...defaultSettings(), language: 'fr', scanIntervalMinutes: 5 },
      ignored: [IGNORED[0], { mediaId: 'x' }],
    });
    expect(problemsOf(parseBackup(text))).toEqual([
      { code: 'settingInvalid', field: 'scanIntervalMinutes' },
      { code: 'settingInvalid', field: 'language' },
      { code: 'ignoredEntryInvalid', position: 2, field: 'mediaId' },
    ]);
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
    expect(result.changes).toContainEqual({ code: 'settingsMigrated', from: 0, to: 1 });
    expect(result.changes).toContainEqual({ code: 'settingDefault', field: 'notifications' });
  });

  it('notes unknown settings fields', () => {
    const result = parseBackup(fileWith({ settings: { ...defaultSettings(), theme: 'dark' } }));
    if (!result.ok) throw new Error(result.reasons.join('\n'));
    expect(result.backup.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.changes).toEqual([{ code: 'settingUnknown', field: 'theme' }]);
  });

  it('accepts an empty ignored list', () => {
    const result = parseBackup(fileWith({ ignored: [] }));
    expect(result).toMatchObject({ ok: true, backup: { ignored: [] } });
  });
});
