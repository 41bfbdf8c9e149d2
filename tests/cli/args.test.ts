import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs, USAGE, type CliOptions } from '../../cli/args';
import { MEDIA_FORMATS } from '../../lib/anilist/types';
import { DEFAULT_FINDER_SETTINGS } from '../../lib/sequels/types';
import { startFakeAniList, type FakeAniList } from '../support/fake-anilist/index';
import { runCli } from './support';

let anilist: FakeAniList;

beforeAll(async () => {
  anilist = await startFakeAniList();
});
afterEach(() => anilist.reset());
afterAll(() => anilist.close());

describe('parseCliArgs valid input', () => {
  const cases: { name: string; argv: string[]; env?: NodeJS.ProcessEnv; expected: Partial<CliOptions> }[] = [
    {
      name: 'user alone gets defaults',
      argv: ['Boilerplate'],
      expected: {
        user: 'Boilerplate', settings: DEFAULT_FINDER_SETTINGS, ignored: new Set(), json: false, csvFile: null, token: null,
        addToPlanning: false, yes: false, apiUrl: null, requestsPerMinute: 30, cacheFile: null, useCache: true, clearCache: false,
      },
    },
    { name: 'type in lower case', argv: ['Warps', '--type', 'manga'], expected: { settings: { ...DEFAULT_FINDER_SETTINGS, type: 'MANGA' } } },
    {
      name: 'status list with spaces',
      argv: ['Warps', '--status', 'completed, current'],
      expected: { settings: { ...DEFAULT_FINDER_SETTINGS, sourceStatuses: ['COMPLETED', 'CURRENT'] } },
    },
    {
      name: 'relations list drops repeats',
      argv: ['Warps', '--relations', 'sequel,side_story,SEQUEL'],
      expected: { settings: { ...DEFAULT_FINDER_SETTINGS, relations: ['SEQUEL', 'SIDE_STORY'] } },
    },
    {
      name: 'formats become the excluded rest',
      argv: ['Warps', '--formats', 'TV,movie'],
      expected: { settings: { ...DEFAULT_FINDER_SETTINGS, excludedFormats: MEDIA_FORMATS.filter((f) => f !== 'TV' && f !== 'MOVIE') } },
    },
    {
      name: 'adult and announced switches',
      argv: ['Warps', '--include-adult', '--no-announced'],
      expected: { settings: { ...DEFAULT_FINDER_SETTINGS, includeAdult: true, includeAnnounced: false } },
    },
    { name: 'ignore ids with spaces', argv: ['Warps', '--ignore', '32, 105143'], expected: { ignored: new Set([32, 105143]) } },
    { name: 'token from environment', argv: ['Warps'], env: { ANILIST_TOKEN: 'env-token' }, expected: { token: 'env-token' } },
    { name: 'token flag beats environment', argv: ['Warps', '--token', 'flag-token'], env: { ANILIST_TOKEN: 'env-token' }, expected: { token: 'flag-token' } },
    { name: 'empty token variable is unset', argv: ['Warps'], env: { ANILIST_TOKEN: '' }, expected: { token: null } },
    { name: 'API URL from environment', argv: ['Warps'], env: { ANILIST_API_URL: 'http://127.0.0.1:4000/' }, expected: { apiUrl: 'http://127.0.0.1:4000/' } },
    {
      name: 'API URL flag beats environment',
      argv: ['Warps', '--api-url', 'https://example.test/graphql'],
      env: { ANILIST_API_URL: 'http://127.0.0.1:4000/' },
      expected: { apiUrl: 'https://example.test/graphql' },
    },
    { name: 'empty API URL variable is unset', argv: ['Warps'], env: { ANILIST_API_URL: '' }, expected: { apiUrl: null } },
    { name: 'clear cache without user', argv: ['--clear-cache'], expected: { user: null, clearCache: true } },
    { name: 'no cache and cache file', argv: ['Warps', '--no-cache', '--cache-file', '/tmp/x.json'], expected: { useCache: false, cacheFile: '/tmp/x.json' } },
    { name: 'rate as decimal', argv: ['Warps', '--rate', '12.5'], expected: { requestsPerMinute: 12.5 } },
    {
      name: 'adding with yes short flag',
      argv: ['Warps', '--add-to-planning', '-y', '--token', 't'],
      expected: { addToPlanning: true, yes: true, token: 't' },
    },
    { name: 'json and csv together', argv: ['Warps', '--json', '--csv', 'out.csv'], expected: { json: true, csvFile: 'out.csv' } },
  ];

  it.each(cases)('parseCliArgs: $name', ({ argv, env, expected }) => {
    const options = parseCliArgs(argv, env ?? {});

    expect(options).toMatchObject(expected);
    expect(options.help).toBe(false);
  });
});

describe('main usage errors', () => {
  const cases: { name: string; argv: string[]; env?: NodeJS.ProcessEnv; message: string }[] = [
    { name: 'type not anime or manga', argv: ['Boilerplate', '--type', 'movie'], message: 'Invalid --type "movie": use anime or manga.' },
    { name: 'unknown status', argv: ['Boilerplate', '--status', 'completed,WATCHING'], message: 'Invalid --status value "WATCHING": use CURRENT, PLANNING,' },
    { name: 'unknown relation', argv: ['Boilerplate', '--relations', 'SEQUEL,PREQUELS'], message: 'Invalid --relations value "PREQUELS": use ADAPTATION,' },
    { name: 'unknown format', argv: ['Boilerplate', '--formats', 'TV,CD'], message: 'Invalid --formats value "CD": use TV, TV_SHORT,' },
    { name: 'empty status list', argv: ['Boilerplate', '--status', ''], message: '--status is empty: give one or more of CURRENT,' },
    { name: 'formats of commas only', argv: ['Boilerplate', '--formats', ' , '], message: '--formats is empty: give one or more of TV,' },
    { name: 'ignore id not a number', argv: ['Boilerplate', '--ignore', '12,abc'], message: 'Invalid --ignore id "abc": give AniList media ids separated by commas.' },
    { name: 'rate of zero', argv: ['Boilerplate', '--rate', '0'], message: 'Invalid --rate "0": give a number of requests per minute above 0.' },
    { name: 'rate not a number', argv: ['Boilerplate', '--rate', 'fast'], message: 'Invalid --rate "fast"' },
    { name: 'rate empty', argv: ['Boilerplate', '--rate', ''], message: 'Invalid --rate ""' },
    { name: 'API URL not http', argv: ['Boilerplate', '--api-url', 'ftp://example.test/'], message: 'Invalid --api-url "ftp://example.test/": give an http or https URL' },
    { name: 'API URL not a URL', argv: ['Boilerplate', '--api-url', 'not a url'], message: 'Invalid --api-url "not a url"' },
    { name: 'API URL variable invalid', argv: ['Boilerplate'], env: { ANILIST_API_URL: 'localhost:4000' }, message: 'Invalid ANILIST_API_URL "localhost:4000"' },
    { name: 'adding without token', argv: ['Boilerplate', '--add-to-planning', '--yes'], message: '--add-to-planning needs an AniList access token: pass --token or set ANILIST_TOKEN.' },
    { name: 'empty token flag', argv: ['Boilerplate', '--token', ''], message: '--token is empty' },
    { name: 'empty csv file', argv: ['Boilerplate', '--csv', ''], message: '--csv is empty' },
    { name: 'empty cache file', argv: ['Boilerplate', '--cache-file', ' '], message: '--cache-file is empty' },
    { name: 'csv without value', argv: ['Boilerplate', '--csv'], message: '--csv needs a value' },
    { name: 'csv followed by flag', argv: ['Boilerplate', '--csv', '--json'], message: '--csv needs a value' },
    { name: 'unknown long option', argv: ['Boilerplate', '--bogus'], message: 'Unknown option "--bogus".' },
    { name: 'unknown short option', argv: ['Boilerplate', '-x'], message: 'Unknown option "-x".' },
    { name: 'switch given a value', argv: ['Boilerplate', '--json=yes'], message: '--json takes no value' },
    { name: 'no user name', argv: ['--json'], message: 'Missing the AniList user name to scan' },
    { name: 'empty user name', argv: [''], message: 'The user name is empty' },
    { name: 'two user names', argv: ['Boilerplate', 'Warps'], message: 'Expected one user name, got 2: Boilerplate Warps.' },
  ];

  it.each(cases)('usage error: $name', async ({ argv, env, message }) => {
    const run = await runCli(argv, { env: { ANILIST_API_URL: anilist.url, ...env } });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`sequel-finder: ${message}`);
    expect(run.stderr).toContain('Run sequel-finder --help for the options.');
    expect(run.stdout).toBe('');
    expect(anilist.requests).toHaveLength(0);
  });
});

describe('main --help', () => {
  const cases: { name: string; argv: string[] }[] = [
    { name: 'long flag', argv: ['--help'] },
    { name: 'short flag', argv: ['-h'] },
    { name: 'wins over invalid type', argv: ['Boilerplate', '--help', '--type', 'movie'] },
    { name: 'wins over missing token', argv: ['Boilerplate', '--add-to-planning', '--help'] },
  ];

  it.each(cases)('help: $name', async ({ argv }) => {
    const run = await runCli(argv, { env: { ANILIST_API_URL: anilist.url } });

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${USAGE}\n`);
    expect(run.stderr).toBe('');
    expect(anilist.requests).toHaveLength(0);
  });

  const documented = [
    '--json', '--csv FILE', '--type anime|manga', '--status LIST', '--relations LIST', '--formats LIST', '--include-adult',
    '--token TOKEN', 'ANILIST_TOKEN', '--add-to-planning', '--yes', '--api-url URL', 'ANILIST_API_URL', '--no-cache',
    '--clear-cache', '--rate N', '--ignore IDS', '--no-announced', '--cache-file FILE',
    '0 done, 2 usage error, 3 user not found or private, 4 AniList unavailable, 1 other errors',
  ];

  it.each(documented)('help documents %s', (text) => {
    expect(USAGE).toContain(text);
  });
});
