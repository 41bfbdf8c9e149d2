import { describe, expect, it } from 'vitest';
import {
  markOnList, mediaStatusOf, resultMentions, type StoredResult, storedResultSchema, summaryOf, undoMarkOnList,
} from '../../lib/background/results';
import { findMissingSequels } from '../../lib/sequels/find';
import { finderInput, loadSeanimeList } from '../support/recorded';

const FINISHED_AT = Date.UTC(2025, 0, 19, 12);
const LIST = loadSeanimeList();
const MISSING = findMissingSequels(finderInput(LIST.entries)).missing;

// From the recorded list: SPY x FAMILY Cour 2 (142838, on the list) leads to Season 2 (158927,
// available); Blue Lock (137822) to its 2nd season (163146, announced).
const SPY_COUR_2 = 142838;
const SPY_SEASON_2 = 158927;
const BLUE_LOCK_2 = 163146;

const RESULT: StoredResult = {
  key: 'name:seanime:ANIME',
  target: { userId: null, userName: 'seanime' },
  mediaType: 'ANIME',
  finishedAt: FINISHED_AT,
  relationsCheckedAt: FINISHED_AT,
  missing: MISSING,
  listStatuses: LIST.entries.map((entry) => [entry.mediaId, entry.status]),
  fingerprint: 'f'.repeat(64),
  settingsKey: '{}',
};

const ids = (result: { missing: { media: { id: number } }[] }) => result.missing.map((item) => item.media.id);

describe('stored result', () => {
  it('recorded result passes its schema', () => {
    expect(MISSING).toHaveLength(10);
    expect(storedResultSchema.parse(structuredClone(RESULT))).toEqual(RESULT);
  });

  it('damaged result fails its schema', () => {
    const damaged = { ...structuredClone(RESULT), missing: [{ ...MISSING[0], depth: 'one' }] };
    expect(storedResultSchema.safeParse(damaged).success).toBe(false);
  });
});

describe('summaryOf', () => {
  it('counts every missing sequel', () => {
    const summary = summaryOf(RESULT, new Set());

    expect(summary).toMatchObject({ userName: 'seanime', mediaType: 'ANIME', finishedAt: FINISHED_AT });
    expect(summary.totals.missing).toBe(10);
    expect(summary.totals.byAvailability).toEqual({ available: 6, announced: 4 });
  });

  it('leaves ignored media out of totals', () => {
    const summary = summaryOf(RESULT, new Set([SPY_SEASON_2, BLUE_LOCK_2]));

    expect(ids(summary)).not.toContain(SPY_SEASON_2);
    expect(summary.totals.missing).toBe(8);
    expect(summary.totals.byAvailability).toEqual({ available: 5, announced: 3 });
  });
});

describe('markOnList and undoMarkOnList', () => {
  it('added media leave missing', () => {
    const marked = markOnList(RESULT, [SPY_SEASON_2], 'PLANNING');

    expect(ids(marked)).not.toContain(SPY_SEASON_2);
    expect(marked.listStatuses).toContainEqual([SPY_SEASON_2, 'PLANNING']);
    expect(resultMentions(marked, SPY_SEASON_2)).toBe(true);
    expect(RESULT.missing).toHaveLength(10);
  });

  it('undo restores order and status', () => {
    const marked = markOnList(RESULT, [SPY_SEASON_2, BLUE_LOCK_2], 'PLANNING');

    const undone = undoMarkOnList(marked, RESULT, [SPY_SEASON_2]);

    expect(ids(undone)).toEqual(ids(RESULT).filter((id) => id !== BLUE_LOCK_2));
    expect(undone.listStatuses.find(([id]) => id === SPY_SEASON_2)).toBeUndefined();
    expect(undone.listStatuses).toContainEqual([BLUE_LOCK_2, 'PLANNING']);
  });

  it('undo keeps an entry status', () => {
    const marked = markOnList(RESULT, [SPY_COUR_2], 'COMPLETED');

    const undone = undoMarkOnList(marked, RESULT, [SPY_COUR_2]);

    expect(undone.listStatuses).toContainEqual([SPY_COUR_2, 'PLANNING']);
  });

  it('unknown media is not mentioned', () => {
    expect(resultMentions(RESULT, 1)).toBe(false);
  });
});

describe('mediaStatusOf', () => {
  it('source entry lists what follows it', () => {
    const status = mediaStatusOf(RESULT, SPY_COUR_2, new Set());

    expect(status).toMatchObject({ mediaId: SPY_COUR_2, listStatus: 'PLANNING', ignored: false, missing: null, scannedAt: FINISHED_AT });
    expect(ids({ missing: status.missingFromHere })).toEqual([SPY_SEASON_2]);
  });

  it('missing media shows itself', () => {
    const status = mediaStatusOf(RESULT, SPY_SEASON_2, new Set());

    expect(status.listStatus).toBeNull();
    expect(status.missing?.media.id).toBe(SPY_SEASON_2);
  });

  it('ignored media is not missing', () => {
    const status = mediaStatusOf(RESULT, SPY_SEASON_2, new Set([SPY_SEASON_2]));

    expect(status.ignored).toBe(true);
    expect(status.missing).toBeNull();
    expect(mediaStatusOf(RESULT, SPY_COUR_2, new Set([SPY_SEASON_2])).missingFromHere).toEqual([]);
  });

  it('before any scan', () => {
    expect(mediaStatusOf(null, SPY_SEASON_2, new Set())).toEqual({
      mediaId: SPY_SEASON_2, listStatus: null, ignored: false, missing: null, missingFromHere: [], scannedAt: null,
    });
  });
});
