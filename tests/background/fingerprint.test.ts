import { describe, expect, it } from 'vitest';
import type { UserList } from '../../lib/anilist/types';
import { finderSettingsKey, listFingerprint } from '../../lib/background/fingerprint';
import { DEFAULT_FINDER_SETTINGS, type FinderSettings } from '../../lib/sequels/types';
import { loadSeanimeList } from '../support/recorded';

const LIST = loadSeanimeList();
const SETTINGS = DEFAULT_FINDER_SETTINGS;
const BASE = await listFingerprint(LIST, SETTINGS);

function changedEntry(list: UserList, index: number, change: Partial<UserList['entries'][number]>): UserList {
  return { ...list, entries: list.entries.map((entry, position) => (position === index ? { ...entry, ...change } : entry)) };
}

describe('listFingerprint', () => {
  it('is a SHA-256 hex digest', () => {
    expect(BASE).toMatch(/^[0-9a-f]{64}$/);
  });

  const same: { name: string; list: UserList; settings: FinderSettings }[] = [
    { name: 'entries reordered', list: { ...LIST, entries: [...LIST.entries].reverse() }, settings: SETTINGS },
    { name: 'progress changed without updatedAt', list: changedEntry(LIST, 0, { progress: 7 }), settings: SETTINGS },
    { name: 'status order in settings', list: LIST, settings: { ...SETTINGS, sourceStatuses: [...SETTINGS.sourceStatuses].reverse() } },
  ];
  for (const testCase of same) {
    it(`unchanged by ${testCase.name}`, async () => {
      expect(await listFingerprint(testCase.list, testCase.settings)).toBe(BASE);
    });
  }

  const different: { name: string; list: UserList; settings: FinderSettings }[] = [
    { name: 'a status change', list: changedEntry(LIST, 3, { status: 'COMPLETED' }), settings: SETTINGS },
    { name: 'an edit on AniList', list: changedEntry(LIST, 3, { updatedAt: 1_737_000_000 }), settings: SETTINGS },
    { name: 'an entry removed', list: { ...LIST, entries: LIST.entries.slice(1) }, settings: SETTINGS },
    { name: 'another user', list: { ...LIST, user: { ...LIST.user, id: 99 } }, settings: SETTINGS },
    { name: 'another relation setting', list: LIST, settings: { ...SETTINGS, relations: ['SEQUEL', 'SIDE_STORY'] } },
    { name: 'adult media allowed', list: LIST, settings: { ...SETTINGS, includeAdult: true } },
  ];
  for (const testCase of different) {
    it(`changed by ${testCase.name}`, async () => {
      expect(await listFingerprint(testCase.list, testCase.settings)).not.toBe(BASE);
    });
  }
});

describe('finderSettingsKey', () => {
  it('ignores array order', () => {
    const reordered = { ...SETTINGS, excludedFormats: ['MUSIC', 'SPECIAL'] as FinderSettings['excludedFormats'] };
    const other = { ...SETTINGS, excludedFormats: ['SPECIAL', 'MUSIC'] as FinderSettings['excludedFormats'] };
    expect(finderSettingsKey(reordered)).toBe(finderSettingsKey(other));
  });

  it('tells media types apart', () => {
    expect(finderSettingsKey({ ...SETTINGS, type: 'MANGA' })).not.toBe(finderSettingsKey(SETTINGS));
  });
});
