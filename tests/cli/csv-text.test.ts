import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../cli/report';
import { BOILERPLATE_USER_ID, startFakeAniList, type FakeAniList, type RawMedia } from '../support/fake-anilist/index';
import { makeTempDir, runCli } from './support';

let anilist: FakeAniList;
let temp: Awaited<ReturnType<typeof makeTempDir>>;

beforeAll(async () => {
  anilist = await startFakeAniList();
  temp = await makeTempDir();
});
afterEach(() => anilist.reset());
afterAll(async () => {
  await anilist.close();
  await temp.remove();
});

const HIGH_CARD = 135778;
const HIGH_CARD_2 = 163151;
const KIMI_NI_TODOKE_2 = 9656;

/** Runs `fn` with english titles replaced in the fake's data, then puts the old titles back. */
async function withEnglishTitles<T>(titles: Record<number, string>, fn: () => Promise<T>): Promise<T> {
  const saved = new Map<number, RawMedia['title']>();
  for (const [id, english] of Object.entries(titles)) {
    const media = anilist.data.media.get(Number(id))!;
    saved.set(Number(id), media.title);
    media.title = { ...media.title, english };
  }
  try {
    return await fn();
  } finally {
    for (const [id, title] of saved) anilist.data.media.get(id)!.title = title;
  }
}

async function scanCsv(name: string): Promise<string> {
  const file = path.join(temp.dir, name);
  const run = await runCli(['Boilerplate', '--csv', file, '--api-url', anilist.url, '--no-cache']);
  expect(run.code).toBe(0);
  return readFile(file, 'utf8');
}

describe('main --csv', () => {
  it('csv: header and row count', async () => {
    const lines = (await scanCsv('rows.csv')).split('\r\n');

    expect(lines[0]).toBe('id,title,format,status,relation,depth,availability,franchise,from,via,url');
    // Ten rows, and the last CRLF leaves an empty string.
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('');
  });

  it('csv: plain row unquoted', async () => {
    const lines = (await scanCsv('plain.csv')).split('\r\n');

    expect(lines[1]).toBe('32,Neon Genesis Evangelion: The End of Evangelion,MOVIE,FINISHED,SEQUEL,1,available,30,Neon Genesis Evangelion (PLANNING),,https://anilist.co/anime/32');
  });

  const quotingCases: { name: string; sequelTitle: string; sourceTitle: string; row: string }[] = [
    {
      name: 'comma in title',
      sequelTitle: 'HIGH CARD, Season 2',
      sourceTitle: 'HIGH CARD',
      row: '163151,"HIGH CARD, Season 2",TV,RELEASING,SEQUEL,1,available,135778,HIGH CARD (PLANNING),,https://anilist.co/anime/163151',
    },
    {
      name: 'quotes in title',
      sequelTitle: 'HIGH CARD "Season 2"',
      sourceTitle: 'HIGH CARD',
      row: '163151,"HIGH CARD ""Season 2""",TV,RELEASING,SEQUEL,1,available,135778,HIGH CARD (PLANNING),,https://anilist.co/anime/163151',
    },
    {
      name: 'comma and quote in source',
      sequelTitle: 'HIGH CARD Season 2',
      sourceTitle: 'HIGH CARD, "the first"',
      row: '163151,HIGH CARD Season 2,TV,RELEASING,SEQUEL,1,available,135778,"HIGH CARD, ""the first"" (PLANNING)",,https://anilist.co/anime/163151',
    },
    {
      name: 'line break in title',
      sequelTitle: 'HIGH CARD\nSeason 2',
      sourceTitle: 'HIGH CARD',
      row: '163151,"HIGH CARD\nSeason 2",TV,RELEASING,SEQUEL,1,available,135778,HIGH CARD (PLANNING),,https://anilist.co/anime/163151',
    },
  ];

  it.each(quotingCases)('csv quoting: $name', async ({ sequelTitle, sourceTitle, row }) => {
    const csv = await withEnglishTitles({ [HIGH_CARD_2]: sequelTitle, [HIGH_CARD]: sourceTitle }, () => scanCsv('quoting.csv'));

    expect(csv).toContain(`\r\n${row}\r\n`);
  });

  it('csv: via and depth of two hops', async () => {
    const user = anilist.data.users.find((candidate) => candidate.id === BOILERPLATE_USER_ID)!;
    user.lists.ANIME = user.lists.ANIME.filter((entry) => entry.mediaId !== KIMI_NI_TODOKE_2);

    const csv = await scanCsv('via.csv');

    expect(csv).toContain('\r\n168872,Kimi ni Todoke: From Me to You Season 3,ONA,NOT_YET_RELEASED,SEQUEL,2,announced,6045,Kimi ni Todoke: From Me to You (PLANNING),9656,https://anilist.co/anime/168872\r\n');
  });

  it('csv: written alongside json', async () => {
    const file = path.join(temp.dir, 'with-json.csv');
    const run = await runCli(['Boilerplate', '--json', '--csv', file, '--api-url', anilist.url, '--no-cache']);
    const report = JSON.parse(run.stdout) as JsonReport;
    const csv = await readFile(file, 'utf8');

    expect(run.code).toBe(0);
    expect(report.missing).toHaveLength(10);
    expect(csv.split('\r\n').slice(1, -1).map((line) => Number(line.split(',')[0]))).toEqual(report.missing.map((item) => item.id));
  });

  it('csv: missing folder fails before scanning', async () => {
    const folder = path.join(temp.dir, 'no-such-folder');
    const file = path.join(folder, 'out.csv');
    anilist.reset();
    const run = await runCli(['Boilerplate', '--csv', file, '--api-url', anilist.url, '--no-cache']);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`sequel-finder: Cannot write the CSV file ${file} (ENOENT`);
    expect(run.stderr).toContain(`check that the folder ${folder} exists and is writable.`);
    expect(run.stdout).toBe('');
    expect(anilist.requests).toHaveLength(0);
  });

  it('csv: write failure still prints the report', async () => {
    // A folder where the CSV file should be passes the folder check but fails the write.
    const file = path.join(temp.dir, 'taken-by-a-folder.csv');
    await mkdir(file);
    const run = await runCli(['Boilerplate', '--json', '--csv', file, '--api-url', anilist.url, '--no-cache']);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`sequel-finder: Could not write the CSV file ${file}`);
    expect(JSON.parse(run.stdout).missing).toHaveLength(10);
  });
});

describe('main text output', () => {
  it('text: heading, blocks and totals', async () => {
    const run = await runCli(['Boilerplate', '--api-url', anilist.url, '--no-cache']);
    const lines = run.stdout.split('\n');

    expect(run.code).toBe(0);
    expect(lines.slice(0, 6)).toEqual([
      "Missing from Boilerplate's anime list:",
      '',
      'Neon Genesis Evangelion: The End of Evangelion  [MOVIE, available]',
      '  sequel after Neon Genesis Evangelion (planning)  https://anilist.co/anime/32',
      '',
      'Kimi ni Todoke: From Me to You Season 3  [ONA, announced]',
    ]);
    expect(lines.filter((line) => line.startsWith('  sequel after '))).toHaveLength(10);
    expect(lines.at(-2)).toBe('10 missing: 6 available, 4 announced. 28 episodes of available sequels to catch up.');
    expect(lines.at(-1)).toBe('');
  });

  it('text: sequel two hops away', async () => {
    const user = anilist.data.users.find((candidate) => candidate.id === BOILERPLATE_USER_ID)!;
    user.lists.ANIME = user.lists.ANIME.filter((entry) => entry.mediaId !== KIMI_NI_TODOKE_2);

    const run = await runCli(['Boilerplate', '--api-url', anilist.url, '--no-cache']);

    expect(run.stdout).toContain(
      'Kimi ni Todoke: From Me to You Season 3  [ONA, announced]\n' +
        '  sequel after Kimi ni Todoke: From Me to You (planning), through #9656  https://anilist.co/anime/168872\n',
    );
  });

  const caughtUpCases: { name: string; argv: string[]; output: string }[] = [
    { name: 'no source statuses match', argv: ['Boilerplate', '--status', 'DROPPED'], output: 'Boilerplate is all caught up on anime: no missing sequels.\n' },
    { name: 'manga list', argv: ['Warps', '--type', 'manga'], output: 'Warps is all caught up on manga: no missing sequels.\n' },
  ];

  it.each(caughtUpCases)('text caught up: $name', async ({ argv, output }) => {
    const run = await runCli([...argv, '--api-url', anilist.url, '--no-cache']);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(output);
  });
});
