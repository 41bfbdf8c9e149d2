import { parseArgs } from 'node:util';
import {
  MEDIA_FORMATS, MEDIA_LIST_STATUSES, MEDIA_RELATIONS, type MediaFormat, type MediaListStatus, type MediaRelation,
} from '../lib/anilist/types';
import { DEFAULT_REQUESTS_PER_MINUTE } from '../lib/anilist/pacing';
import { DEFAULT_FINDER_SETTINGS, type FinderSettings } from '../lib/sequels/types';

export const USAGE = `Usage: sequel-finder <user> [options]

Lists the sequels missing from an AniList user's list.

Options:
  --type anime|manga       which list to scan (default anime)
  --status LIST            list statuses to start from, comma separated
                           (default COMPLETED,REPEATING,CURRENT,PLANNING)
  --relations LIST         relation types to follow (default SEQUEL)
  --formats LIST           formats to report (default every format but MUSIC)
  --include-adult          report adult media too
  --no-announced           leave out sequels that are only announced
  --ignore IDS             media ids never to report, comma separated
  --json                   print one JSON object to stdout
  --csv FILE               also write the results to FILE as CSV
  --token TOKEN            AniList access token (or ANILIST_TOKEN): private lists, adding
  --add-to-planning        add every missing sequel to your Planning list (asks first)
  -y, --yes                do not ask before adding
  --api-url URL            GraphQL endpoint (or ANILIST_API_URL; default the real AniList API)
  --rate N                 requests per minute at most (default 30, AniList's current limit)
  --cache-file FILE        where relations are cached (default in your cache folder)
  --no-cache               neither read nor write the cache while scanning
  --clear-cache            empty the cache file before scanning (alone: only empty it)
  -h, --help               show this help

Exit codes: 0 done, 2 usage error, 3 user not found or private, 4 AniList unavailable, 1 other errors.`;

export class UsageError extends Error {}

export interface CliOptions {
  user: string | null;
  settings: FinderSettings;
  ignored: Set<number>;
  json: boolean;
  csvFile: string | null;
  token: string | null;
  addToPlanning: boolean;
  yes: boolean;
  apiUrl: string | null;
  requestsPerMinute: number;
  cacheFile: string | null;
  useCache: boolean;
  clearCache: boolean;
  help: boolean;
}

const OPTIONS = {
  type: { type: 'string' },
  status: { type: 'string' },
  relations: { type: 'string' },
  formats: { type: 'string' },
  'include-adult': { type: 'boolean', default: false },
  'no-announced': { type: 'boolean', default: false },
  ignore: { type: 'string' },
  json: { type: 'boolean', default: false },
  csv: { type: 'string' },
  token: { type: 'string' },
  'add-to-planning': { type: 'boolean', default: false },
  yes: { type: 'boolean', short: 'y', default: false },
  'api-url': { type: 'string' },
  rate: { type: 'string' },
  'cache-file': { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  'clear-cache': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * Parses the command line and the environment. An empty environment variable counts as unset.
 * `--help` wins over every other check. Throws UsageError with a sentence for the user.
 */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }

  const { values, positionals } = parsed;
  const help = values.help;
  if (help) return { ...defaultOptions(), help };

  if (positionals.length > 1) throw new UsageError(`Expected one user name, got ${positionals.length}: ${positionals.join(' ')}.`);
  const user = positionals[0] ?? null;
  if (user !== null && user.trim() === '') throw new UsageError('The user name is empty: give the AniList user name to scan.');
  if (user === null && !values['clear-cache']) throw new UsageError('Missing the AniList user name to scan, e.g. sequel-finder Josh.');

  const type = (values.type ?? 'anime').toUpperCase();
  if (type !== 'ANIME' && type !== 'MANGA') throw new UsageError(`Invalid --type "${values.type}": use anime or manga.`);

  const settings: FinderSettings = {
    ...DEFAULT_FINDER_SETTINGS,
    type,
    includeAdult: values['include-adult'],
    includeAnnounced: !values['no-announced'],
  };
  if (values.status !== undefined) settings.sourceStatuses = parseEnumList<MediaListStatus>('--status', values.status, MEDIA_LIST_STATUSES);
  if (values.relations !== undefined) settings.relations = parseEnumList<MediaRelation>('--relations', values.relations, MEDIA_RELATIONS);
  if (values.formats !== undefined) {
    const reported = parseEnumList<MediaFormat>('--formats', values.formats, MEDIA_FORMATS);
    settings.excludedFormats = MEDIA_FORMATS.filter((format) => !reported.includes(format));
  }

  const apiUrl = nonEmpty('--api-url', values['api-url']) ?? (env.ANILIST_API_URL || null);
  if (apiUrl !== null && !isHttpUrl(apiUrl)) {
    const source = values['api-url'] === undefined ? 'ANILIST_API_URL' : '--api-url';
    throw new UsageError(`Invalid ${source} "${apiUrl}": give an http or https URL such as https://graphql.anilist.co.`);
  }

  const requestsPerMinute = values.rate === undefined ? DEFAULT_REQUESTS_PER_MINUTE : Number(values.rate);
  if (values.rate?.trim() === '' || !Number.isFinite(requestsPerMinute) || requestsPerMinute <= 0) {
    throw new UsageError(`Invalid --rate "${values.rate}": give a number of requests per minute above 0.`);
  }

  const token = nonEmpty('--token', values.token) ?? (env.ANILIST_TOKEN || null);
  if (values['add-to-planning'] && !token) {
    throw new UsageError('--add-to-planning needs an AniList access token: pass --token or set ANILIST_TOKEN.');
  }

  return {
    user,
    settings,
    ignored: parseIds(values.ignore),
    json: values.json,
    csvFile: nonEmpty('--csv', values.csv),
    token,
    addToPlanning: values['add-to-planning'],
    yes: values.yes,
    apiUrl,
    requestsPerMinute,
    cacheFile: nonEmpty('--cache-file', values['cache-file']),
    useCache: !values['no-cache'],
    clearCache: values['clear-cache'],
    help,
  };
}

function defaultOptions(): CliOptions {
  return {
    user: null,
    settings: { ...DEFAULT_FINDER_SETTINGS },
    ignored: new Set(),
    json: false,
    csvFile: null,
    token: null,
    addToPlanning: false,
    yes: false,
    apiUrl: null,
    requestsPerMinute: DEFAULT_REQUESTS_PER_MINUTE,
    cacheFile: null,
    useCache: true,
    clearCache: false,
    help: false,
  };
}

/** Rewords node:util parseArgs errors, whose messages suggest `--opt=-XYZ` syntax, as one sentence. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option "${option}".`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (message.includes('does not take an argument')) return `${option} takes no value: write ${option} alone.`;
    return `${option} needs a value: write ${option} VALUE, or ${option}=VALUE when the value starts with a dash.`;
  }
  return message;
}

/** Returns the flag's value, null when it was not given, and rejects an empty value. */
function nonEmpty(flag: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value.trim() === '') throw new UsageError(`${flag} is empty: give a value or leave the option out.`);
  return value;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function parseEnumList<T extends string>(flag: string, text: string, allowed: readonly string[]): T[] {
  const names = text.split(',').map((name) => name.trim().toUpperCase()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`${flag} is empty: give one or more of ${allowed.join(', ')}.`);
  for (const name of names) {
    if (!allowed.includes(name)) throw new UsageError(`Invalid ${flag} value "${name}": use ${allowed.join(', ')}.`);
  }
  return [...new Set(names)] as T[];
}

function parseIds(text: string | undefined): Set<number> {
  const ids = new Set<number>();
  for (const part of (text ?? '').split(',').map((value) => value.trim()).filter(Boolean)) {
    if (!/^\d+$/.test(part)) throw new UsageError(`Invalid --ignore id "${part}": give AniList media ids separated by commas.`);
    ids.add(Number(part));
  }
  return ids;
}
