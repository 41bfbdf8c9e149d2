import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../cli/report';
import { AniListClient } from '../../lib/anilist/client';
import type { ListEntry } from '../../lib/anilist/types';
import { startFakeAniList, type FakeAniList } from '../support/fake-anilist/index';
import { BOILERPLATE_MISSING, BOILERPLATE_TOKEN, FAST_CLIENT, operationsSent, runCli } from './support';

let anilist: FakeAniList;

beforeAll(async () => {
  anilist = await startFakeAniList();
});
afterEach(() => anilist.reset());
afterAll(() => anilist.close());

const SCAN_OPERATIONS = ['Viewer', 'UserList', 'MediaRelationsBatch'];
const PROMPT =
  'Add 10 sequels to your Planning list (Neon Genesis Evangelion: The End of Evangelion, Kimi ni Todoke: From Me to You Season 3, ' +
  'One Piece: Stampede, Rascal Does Not Dream of a Knapsack Kid, Golden Kamuy: Saishuu Shou and 5 more)? [y/N] ';

/** Reads Boilerplate's list again through a separate client and returns its entries of the ten missing media. */
async function rereadMissingEntries(): Promise<ListEntry[]> {
  const client = new AniListClient({ apiUrl: anilist.url, burst: 100 });
  const list = await client.fetchUserList({ name: 'Boilerplate' }, 'ANIME');
  return list.entries.filter((entry) => BOILERPLATE_MISSING.includes(entry.mediaId));
}

function savedMediaIds(): unknown[] {
  return anilist.requests.filter((request) => request.operationName === 'SaveToPlanning').map((request) => request.variables.mediaId);
}

describe('main --add-to-planning', () => {
  it('planning: --yes adds all ten', async () => {
    const run = await runCli(['Boilerplate', '--add-to-planning', '--yes', '--token', BOILERPLATE_TOKEN, '--json', '--api-url', anilist.url, '--no-cache']);
    const report = JSON.parse(run.stdout) as JsonReport;

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('Added 10 sequels to your Planning list.\n');
    expect(operationsSent(anilist)).toEqual([...SCAN_OPERATIONS, ...Array(10).fill('SaveToPlanning')]);
    expect(savedMediaIds()).toEqual(BOILERPLATE_MISSING);
    // The JSON is written after the additions, so its count includes them.
    expect(report.requests).toBe(anilist.requests.length);
    expect(report.missing.map((item) => item.id)).toEqual(BOILERPLATE_MISSING);

    const entries = await rereadMissingEntries();
    expect(entries.map((entry) => entry.mediaId).sort((a, b) => a - b)).toEqual([...BOILERPLATE_MISSING].sort((a, b) => a - b));
    expect(entries.every((entry) => entry.status === 'PLANNING')).toBe(true);
  });

  it('planning: token from ANILIST_TOKEN', async () => {
    const run = await runCli(['Boilerplate', '--add-to-planning', '-y', '--api-url', anilist.url, '--no-cache'], {
      env: { ANILIST_TOKEN: BOILERPLATE_TOKEN },
    });

    expect(run.code).toBe(0);
    expect(savedMediaIds()).toEqual(BOILERPLATE_MISSING);
    expect(anilist.requests.every((request) => request.headers.authorization === `Bearer ${BOILERPLATE_TOKEN}`)).toBe(true);
  });

  it('planning: no terminal and no --yes', async () => {
    const run = await runCli(['Boilerplate', '--add-to-planning', '--token', BOILERPLATE_TOKEN, '--api-url', anilist.url, '--no-cache']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('sequel-finder: --add-to-planning asks before adding, but the input is not a terminal: add --yes to add without asking.');
    expect(run.stdout).toBe('');
    // Rejected before the scan, so nothing at all was sent.
    expect(anilist.requests).toHaveLength(0);
    expect(await rereadMissingEntries()).toEqual([]);
  });

  const answerCases: { name: string; input: string; added: number[]; message: string }[] = [
    { name: 'n declines', input: 'n\n', added: [], message: 'Nothing was added.\n' },
    { name: 'no declines', input: 'no\n', added: [], message: 'Nothing was added.\n' },
    { name: 'empty line declines', input: '\n', added: [], message: 'Nothing was added.\n' },
    { name: 'other word declines', input: 'sure\n', added: [], message: 'Nothing was added.\n' },
    { name: 'y accepts', input: 'y\n', added: BOILERPLATE_MISSING, message: 'Added 10 sequels to your Planning list.\n' },
    { name: 'YES accepts', input: ' YES \n', added: BOILERPLATE_MISSING, message: 'Added 10 sequels to your Planning list.\n' },
  ];

  it.each(answerCases)('planning prompt: $name', async ({ input, added, message }) => {
    const run = await runCli(['Boilerplate', '--add-to-planning', '--token', BOILERPLATE_TOKEN, '--api-url', anilist.url, '--no-cache'], {
      stdinTTY: true,
      input,
    });

    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`${PROMPT}${message}`);
    expect(savedMediaIds()).toEqual(added);
    expect(run.stdout).toContain("Missing from Boilerplate's anime list:");
    expect((await rereadMissingEntries()).map((entry) => entry.mediaId).sort((a, b) => a - b)).toEqual([...added].sort((a, b) => a - b));
  });

  it('planning prompt: end of input declines', async () => {
    const run = await runCli(['Boilerplate', '--add-to-planning', '--token', BOILERPLATE_TOKEN, '--api-url', anilist.url, '--no-cache'], {
      stdinTTY: true,
      endInput: true,
    });

    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`${PROMPT}\nNothing was added.\n`);
    expect(savedMediaIds()).toEqual([]);
  });

  it("planning: another user's token", async () => {
    const run = await runCli(['Warps', '--add-to-planning', '--yes', '--token', BOILERPLATE_TOKEN, '--api-url', anilist.url, '--no-cache']);

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'sequel-finder: The access token belongs to the AniList user "Boilerplate", not "Warps": ' +
        'pass Warps\'s token to add to their list, or scan "Boilerplate" instead.\n',
    );
    expect(operationsSent(anilist)).toEqual(['Viewer']);
  });

  it('planning: user name in other case', async () => {
    const run = await runCli(['boilerPLATE', '--add-to-planning', '--yes', '--token', BOILERPLATE_TOKEN, '--api-url', anilist.url, '--no-cache']);

    expect(run.code).toBe(0);
    expect(savedMediaIds()).toEqual(BOILERPLATE_MISSING);
  });

  it('planning: nothing missing', async () => {
    const run = await runCli(['Boilerplate', '--status', 'DROPPED', '--add-to-planning', '--yes', '--token', BOILERPLATE_TOKEN, '--api-url', anilist.url, '--no-cache']);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('Nothing to add to Planning: no sequels are missing.\n');
    expect(operationsSent(anilist)).toEqual(['Viewer', 'UserList']);
  });

  it('planning: failure on third addition', async () => {
    let saves = 0;
    const run = await runCli(['Boilerplate', '--add-to-planning', '--yes', '--token', BOILERPLATE_TOKEN, '--json', '--api-url', anilist.url, '--no-cache'], {
      clientOptions: {
        ...FAST_CLIENT,
        onEvent: (event) => {
          if (event.type === 'request' && event.operationName === 'SaveToPlanning' && ++saves === 3) anilist.failNext({ kind: 'api-disabled' });
        },
      },
    });
    const report = JSON.parse(run.stdout) as JsonReport;

    expect(run.code).toBe(4);
    expect(run.stderr).toBe(
      'sequel-finder: Adding One Piece: Stampede (#105143) to Planning failed after 2 of 10 were added. ' +
        'AniList has turned its API off for now, so try again later.\n',
    );
    // The scan itself succeeded, so its JSON is still written.
    expect(report.missing).toHaveLength(10);
    expect(report.requests).toBe(anilist.requests.length);
    expect((await rereadMissingEntries()).map((entry) => entry.mediaId).sort((a, b) => a - b)).toEqual([32, 168872]);
  });

  it('planning: progress line ends before summary', async () => {
    const run = await runCli(['Boilerplate', '--add-to-planning', '--yes', '--token', BOILERPLATE_TOKEN, '--api-url', anilist.url, '--no-cache'], {
      stderrTTY: true,
    });
    const summaryAt = run.stderr.indexOf('Added 10 sequels to your Planning list.\n');

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('\r\x1b[2K[1 request] checking the access token');
    expect(run.stderr).toContain('\r\x1b[2K[12 requests] adding to Planning (9 of 10 added)');
    expect(summaryAt).toBeGreaterThan(0);
    expect(run.stderr[summaryAt - 1]).toBe('\n');
    // Nothing redraws the line after the summary.
    expect(run.stderr.endsWith('Added 10 sequels to your Planning list.\n')).toBe(true);
  });
});
