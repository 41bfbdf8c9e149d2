import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../cli/report';
import { startFakeAniList, type FakeAniList, type RawMedia } from '../support/fake-anilist/index';
import { BOILERPLATE_MISSING, runCli } from './support';

let anilist: FakeAniList;

beforeAll(async () => {
  anilist = await startFakeAniList();
});
afterEach(() => anilist.reset());
afterAll(() => anilist.close());

async function scanJson(extraArgs: string[] = []): Promise<{ report: JsonReport; stdout: string; stderr: string }> {
  const run = await runCli(['Boilerplate', '--json', '--api-url', anilist.url, '--no-cache', ...extraArgs]);
  expect(run.code).toBe(0);
  return { report: JSON.parse(run.stdout) as JsonReport, stdout: run.stdout, stderr: run.stderr };
}

/** Each missing sequel with its first source, as the recorded list and the fake's merged titles give them. */
const EXPECTED_MISSING = [
  { id: 32, title: 'Neon Genesis Evangelion: The End of Evangelion', fromId: 30, fromTitle: 'Neon Genesis Evangelion', availability: 'available' },
  { id: 168872, title: 'Kimi ni Todoke: From Me to You Season 3', fromId: 9656, fromTitle: 'Kimi ni Todoke: From Me to You Season 2', availability: 'announced' },
  { id: 105143, title: 'One Piece: Stampede', fromId: 21335, fromTitle: 'One Piece Film: Gold', availability: 'available' },
  { id: 161474, title: 'Rascal Does Not Dream of a Knapsack Kid', fromId: 154967, fromTitle: 'Rascal Does Not Dream of a Sister Venturing Out', availability: 'available' },
  { id: 166521, title: 'Golden Kamuy: Saishuu Shou', fromId: 142343, fromTitle: 'Golden Kamuy Season 4', availability: 'announced' },
  { id: 163151, title: 'HIGH CARD Season 2', fromId: 135778, fromTitle: 'HIGH CARD', availability: 'available' },
  { id: 163146, title: 'Blue Lock 2nd Season', fromId: 137822, fromTitle: 'BLUELOCK', availability: 'announced' },
  { id: 158927, title: 'SPY x FAMILY Season 2', fromId: 142838, fromTitle: 'SPY x FAMILY Cour 2', availability: 'available' },
  { id: 166873, title: 'Mushoku Tensei II: Isekai Ittara Honki Dasu Part 2', fromId: 146065, fromTitle: 'Mushoku Tensei: Jobless Reincarnation Season 2', availability: 'announced' },
  { id: 162314, title: 'Attack on Titan Final Season THE FINAL CHAPTERS Special 2', fromId: 146984, fromTitle: 'Attack on Titan Final Season THE FINAL CHAPTERS Special 1', availability: 'available' },
];

describe('main --json on the recorded list', () => {
  it('json: stdout is one object line', async () => {
    const { stdout, stderr } = await scanJson();

    expect(stdout.endsWith('}\n')).toBe(true);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    // Progress goes to stderr, and off a terminal only waits are written there.
    expect(stderr).toBe('');
  });

  it('json: top-level keys and user', async () => {
    const { report } = await scanJson();

    expect(Object.keys(report)).toEqual(['user', 'type', 'missing', 'totals', 'requests']);
    expect(report.user).toEqual({ id: 5001, name: 'Boilerplate' });
    expect(report.type).toBe('ANIME');
  });

  it('json: ten missing sequels in order', async () => {
    const { report } = await scanJson();

    expect(report.missing.map((item) => item.id)).toEqual(BOILERPLATE_MISSING);
  });

  it.each(EXPECTED_MISSING)('json: missing $id with title and source', async (row) => {
    const { report } = await scanJson();
    const item = report.missing.find((missing) => missing.id === row.id);

    expect(item).toBeDefined();
    expect(Object.keys(item!)).toEqual(['id', 'title', 'format', 'status', 'relation', 'depth', 'from', 'via', 'franchise', 'availability']);
    expect(item!.title).toBe(row.title);
    expect(item!.from).toEqual([{ id: row.fromId, title: row.fromTitle, listStatus: 'PLANNING' }]);
    expect(item!.relation).toBe('SEQUEL');
    expect(item!.depth).toBe(1);
    expect(item!.via).toEqual([]);
    expect(item!.availability).toBe(row.availability);
  });

  it('json: totals of the recorded list', async () => {
    const { report } = await scanJson();

    expect(report.totals.missing).toBe(10);
    expect(report.totals.byAvailability).toEqual({ available: 6, announced: 4 });
    expect(report.totals.byFormat).toEqual({ TV: 5, MOVIE: 3, ONA: 1, SPECIAL: 1 });
  });

  it('json: requests equal what the fake received', async () => {
    const { report } = await scanJson();

    expect(report.requests).toBeGreaterThan(0);
    expect(report.requests).toBe(anilist.requests.length);
  });

  it('json: options change the result', async () => {
    const { report } = await scanJson(['--no-announced', '--ignore', '32', '--formats', 'TV,ONA']);

    // Available TV sequels only: HIGH CARD Season 2 and SPY x FAMILY Season 2.
    expect(report.missing.map((item) => item.id)).toEqual([163151, 158927]);
  });
});

describe('main --json title fallback', () => {
  const HIGH_CARD_2 = 163151;
  const cases: { name: string; title: RawMedia['title']; expected: string }[] = [
    { name: 'english first', title: { english: 'English', romaji: 'Romaji', native: 'Native' }, expected: 'English' },
    { name: 'romaji without english', title: { english: null, romaji: 'Romaji', native: 'Native' }, expected: 'Romaji' },
    { name: 'blank english skipped', title: { english: '  ', romaji: 'Romaji', native: 'Native' }, expected: 'Romaji' },
    { name: 'native when alone', title: { english: null, romaji: null, native: 'ハイカード' }, expected: 'ハイカード' },
    { name: 'id without titles', title: { english: null, romaji: null, native: null, userPreferred: null }, expected: `#${HIGH_CARD_2}` },
  ];

  it.each(cases)('title: $name', async ({ title, expected }) => {
    const media = anilist.data.media.get(HIGH_CARD_2)!;
    const saved = media.title;
    media.title = title;
    try {
      const { report } = await scanJson();

      expect(report.missing.find((item) => item.id === HIGH_CARD_2)?.title).toBe(expected);
    } finally {
      media.title = saved;
    }
  });
});
