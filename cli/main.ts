import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ANILIST_API_URL, AniListClient, type AniListClientOptions } from '../lib/anilist/client';
import { defaultCacheFile, openFileRelationStore } from '../lib/cache/file-store';
import { createMemoryRelationStore } from '../lib/cache/memory-store';
import type { RelationStore } from '../lib/cache/store';
import { runScan } from '../lib/scan/run-scan';
import { parseCliArgs, USAGE, UsageError, type CliOptions } from './args';
import { CliError, EXIT_OK, EXIT_USAGE, exitCodeFor } from './exit-codes';
import { describeCliError, type ErrorContext } from './messages';
import { addToPlanning, checkTokenOwner } from './planning';
import { ProgressLine, type TextOutput } from './progress';
import { buildJsonReport, formatCsv, formatText } from './report';

export interface CliIo {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Source of the reply to the `--add-to-planning` question, which is asked only when `isTTY` is true. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: TextOutput;
  stderr: TextOutput;
  /** Overrides of the AniList client's options, for tests (retry counts, sleep, burst). */
  clientOptions?: Partial<AniListClientOptions>;
}

/** Runs the command line tool and returns its exit code. Usage, AniList, cache and file errors are written to stderr. */
export async function main(io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(io.argv, io.env);
    // Checked before any request, so a script without --yes fails at once instead of after the scan.
    if (options.addToPlanning && !options.yes && !io.stdin.isTTY) {
      throw new UsageError('--add-to-planning asks before adding, but the input is not a terminal: add --yes to add without asking.');
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`sequel-finder: ${error.message}\nRun sequel-finder --help for the options.\n`);
    return EXIT_USAGE;
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }

  const errorContext: ErrorContext = { user: options.user, apiUrl: options.apiUrl ?? ANILIST_API_URL };
  const cacheFile = options.cacheFile ?? defaultCacheFile(io.env);
  try {
    if (options.clearCache) {
      await clearCacheFile(cacheFile);
      io.stderr.write(`Emptied the relation cache ${cacheFile}.\n`);
      if (options.user === null) return EXIT_OK;
    }
    const store = options.useCache ? await openCacheFile(cacheFile) : createMemoryRelationStore();
    try {
      return await scanAndReport(options, options.user ?? '', store, io, errorContext);
    } finally {
      await store.close();
    }
  } catch (error) {
    io.stderr.write(`sequel-finder: ${describeCliError(error, errorContext)}\n`);
    return exitCodeFor(error);
  }
}

async function scanAndReport(options: CliOptions, user: string, store: RelationStore, io: CliIo, errorContext: ErrorContext): Promise<number> {
  const progress = new ProgressLine(io.stderr);
  const client = new AniListClient({
    apiUrl: options.apiUrl ?? undefined,
    token: options.token,
    requestsPerMinute: options.requestsPerMinute,
    ...io.clientOptions,
    onEvent: (event) => {
      progress.onClientEvent(event);
      io.clientOptions?.onEvent?.(event);
    },
  });

  // A scan of a long list takes minutes at AniList's rate limit: find out before it that the CSV
  // file cannot be written.
  if (options.csvFile) await checkCsvFolder(options.csvFile);

  let outcome;
  try {
    if (options.addToPlanning) {
      progress.showPhase('checking the access token');
      await checkTokenOwner(client, user);
    }
    outcome = await runScan({
      user: { name: user },
      settings: options.settings,
      client,
      store,
      ignored: options.ignored,
      onProgress: (state) => progress.onScanProgress(state),
    });
  } finally {
    progress.finish();
  }

  const { list, result } = outcome;
  const writeCsv = async (): Promise<void> => {
    if (options.csvFile) await writeCsvFile(options.csvFile, formatCsv(result.missing));
  };

  const add = (): Promise<number> =>
    addToPlanning({
      client,
      media: result.missing.map((sequel) => sequel.media),
      yes: options.yes,
      stdin: io.stdin,
      stderr: io.stderr,
      progress,
      errorContext,
    });

  // The JSON comes last, so that its request count includes the additions. The text report comes
  // first, so that the user sees the list before the question.
  if (options.json) {
    const code = options.addToPlanning ? await add() : EXIT_OK;
    io.stdout.write(`${JSON.stringify(buildJsonReport(list.user, list.type, result, client.stats.requests))}\n`);
    await writeCsv();
    return code;
  }
  io.stdout.write(formatText(list.user, list.type, result));
  await writeCsv();
  return options.addToPlanning ? add() : EXIT_OK;
}

/** Opens the cache file. Its write errors, which name the file and the fix, are shown as they are. */
async function openCacheFile(file: string): Promise<RelationStore> {
  // The file store moves an unreadable cache aside; a folder given by mistake must stay where it is.
  const isFolder = await stat(file).then((info) => info.isDirectory(), () => false);
  if (isFolder) throw new CliError(`The cache file ${file} is a folder: give --cache-file a file path, such as ${join(file, 'relations.json')}.`);

  let store: RelationStore;
  try {
    store = await openFileRelationStore(file);
  } catch (error) {
    throw new CliError(`Could not open the relation cache ${file} (${reasonOf(error)}): pass another --cache-file, or --no-cache.`);
  }
  const asCliError = (error: unknown): never => {
    throw new CliError(reasonOf(error));
  };
  return {
    getRelations: (ids, now) => store.getRelations(ids, now),
    putRelations: (records) => store.putRelations(records).catch(asCliError),
    clear: () => store.clear().catch(asCliError),
    close: () => store.close(),
  };
}

async function clearCacheFile(file: string): Promise<void> {
  const store = await openCacheFile(file);
  try {
    await store.clear();
  } finally {
    await store.close();
  }
}

async function checkCsvFolder(file: string): Promise<void> {
  const folder = dirname(resolve(file));
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw new CliError(`Cannot write the CSV file ${file} (${reasonOf(error)}): check that the folder ${folder} exists and is writable.`);
  }
}

async function writeCsvFile(file: string, csv: string): Promise<void> {
  try {
    await writeFile(file, csv, 'utf8');
  } catch (error) {
    throw new CliError(`Could not write the CSV file ${file} (${reasonOf(error)}): check that its folder exists and is writable.`);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
