import { describe, expect, it } from 'vitest';
import { indexMissing, isOwnUser, sameUserName, storedScanOf } from '../../lib/pages/missing-index';
import { backgroundState, recordedScan } from './support';

describe('indexMissing on the recorded scan', () => {
  const index = indexMissing(recordedScan());

  // Source entry -> missing sequel, as the finder reports them for the recorded list.
  const SOURCES: [number, number[]][] = [
    [30, [32]],
    [9656, [168872]],
    [21335, [105143]],
    [154967, [161474]],
    [142343, [166521]],
    [135778, [163151]],
    [137822, [163146]],
    [142838, [158927]],
    [146065, [166873]],
    [146984, [162314]],
  ];

  for (const [source, missing] of SOURCES) {
    it(`maps source ${source} to ${missing.join(', ')}`, () => {
      expect(index.bySource.get(source)?.map((sequel) => sequel.media.id)).toEqual(missing);
    });
  }

  it('has no entry for sources without missing sequels', () => {
    expect([...index.bySource.keys()].sort((a, b) => a - b)).toEqual(SOURCES.map(([source]) => source).sort((a, b) => a - b));
    expect(index.bySource.get(6045)).toBeUndefined();
  });

  it('finds each missing sequel by id', () => {
    expect(index.byId.size).toBe(10);
    expect(index.byId.get(158927)?.media.title.romaji).toBe('SPY×FAMILY Season 2');
  });
});

describe('indexMissing order', () => {
  it('sorts a source nearest first', () => {
    const scan = recordedScan();
    const [first, second] = scan.missing;
    const source = first!.from[0]!;
    const far = { ...second!, depth: 3, from: [source] };
    const near = { ...first!, depth: 1 };
    const index = indexMissing({ ...scan, missing: [far, near] });

    expect(index.bySource.get(source.mediaId)?.map((sequel) => sequel.depth)).toEqual([1, 3]);
  });
});

describe('sameUserName', () => {
  const cases: [string | null | undefined, string | null | undefined, boolean][] = [
    ['Boilerplate', 'boilerplate', true],
    ['Josh', 'Josh', true],
    ['Josh', 'Joshua', false],
    [null, 'Josh', false],
    [undefined, undefined, false],
  ];
  for (const [a, b, same] of cases) {
    it(`compares ${a} with ${b}`, () => {
      expect(sameUserName(a, b)).toBe(same);
    });
  }
});

describe('isOwnUser', () => {
  const cases: { name: string; state: ReturnType<typeof backgroundState>; userName: string; own: boolean }[] = [
    { name: 'logged-in viewer', state: backgroundState(), userName: 'boilerplate', own: true },
    { name: 'another user while logged in', state: backgroundState(), userName: 'Warps', own: false },
    {
      name: 'scanned user while logged out',
      state: backgroundState({ loggedIn: false }),
      userName: 'Boilerplate',
      own: true,
    },
    {
      name: 'configured user while logged out',
      state: { ...backgroundState({ loggedIn: false, lastScan: null }), settings: { ...backgroundState().settings, scanUserName: 'Warps' } },
      userName: 'warps',
      own: true,
    },
    { name: 'anyone while logged out without scans', state: backgroundState({ loggedIn: false, lastScan: null }), userName: 'Warps', own: false },
  ];

  for (const { name, state, userName, own } of cases) {
    it(`tells ${name}`, () => {
      expect(isOwnUser(state, userName)).toBe(own);
    });
  }
});

describe('storedScanOf', () => {
  const state = backgroundState();

  it('returns the scan of the same user', () => {
    expect(storedScanOf(state, 'BOILERPLATE')).toBe(state.lastScan);
  });

  it('returns the scan of the same media type', () => {
    expect(storedScanOf(state, 'Boilerplate', 'ANIME')).toBe(state.lastScan);
  });

  it('skips another media type', () => {
    expect(storedScanOf(state, 'Boilerplate', 'MANGA')).toBeNull();
  });

  it('skips another user', () => {
    expect(storedScanOf(state, 'Warps')).toBeNull();
  });

  it('returns null before any scan', () => {
    expect(storedScanOf(backgroundState({ lastScan: null }), 'Boilerplate')).toBeNull();
  });
});
