import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../cli/report';
import { startFakeAniList, type FakeAniList } from '../support/fake-anilist/index';
import { BOILERPLATE_MISSING, makeTempDir, operationsSent, runCli } from './support';

let anilist: FakeAniList;
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let cacheFile: string;

beforeAll(async () => {
  anilist = await startFakeAniList();
});
beforeEach(async () => {
  temp = await makeTempDir();
  cacheFile = path.join(temp.dir, 'relations.json');
});
afterEach(async () => {
  anilist.reset();
  await temp.remove();
});
afterAll(() => anilist.close());

async function cachedIds(file: string): Promise<number[]> {
  const content = JSON.parse(await readFile(file, 'utf8')) as { version: number; records: Record<string, unknown> };
  expect(content.version).toBe(1);
  return Object.keys(content.records).map(Number).sort((a, b) => a - b);
}

async function scan(extraArgs: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; report: JsonReport | null; stderr: string }> {
  const run = await runCli(['Boilerplate', '--json', '--api-url', anilist.url, ...extraArgs], { env });
  return { code: run.code, report: run.stdout ? (JSON.parse(run.stdout) as JsonReport) : null, stderr: run.stderr };
}

const SORTED_MISSING = [...BOILERPLATE_MISSING].sort((a, b) => a - b);

describe('main relation cache', () => {
  it('cache: second run sends only the list request', async () => {
    const first = await scan(['--cache-file', cacheFile]);
    expect(first.code).toBe(0);
    expect(operationsSent(anilist)).toEqual(['UserList', 'MediaRelationsBatch']);
    expect(await cachedIds(cacheFile)).toEqual(SORTED_MISSING);

    anilist.reset();
    const second = await scan(['--cache-file', cacheFile]);

    expect(second.code).toBe(0);
    expect(operationsSent(anilist)).toEqual(['UserList']);
    expect(second.report?.requests).toBe(1);
    expect(second.report?.missing).toEqual(first.report?.missing);
  });

  it('cache: --no-cache writes nothing', async () => {
    const env = { XDG_CACHE_HOME: path.join(temp.dir, 'xdg') };
    const first = await scan(['--no-cache', '--cache-file', cacheFile], env);
    anilist.reset();
    const second = await scan(['--no-cache'], env);

    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(await readdir(temp.dir)).toEqual([]);
    // Nothing was kept between the runs either.
    expect(operationsSent(anilist)).toEqual(['UserList', 'MediaRelationsBatch']);
  });

  it('cache: default file under XDG_CACHE_HOME', async () => {
    const xdg = path.join(temp.dir, 'xdg');
    const run = await scan([], { XDG_CACHE_HOME: xdg });

    expect(run.code).toBe(0);
    expect(await cachedIds(path.join(xdg, 'sequel-finder', 'relations.json'))).toEqual(SORTED_MISSING);
  });

  it('cache: --clear-cache alone empties the file', async () => {
    await scan(['--cache-file', cacheFile]);
    anilist.reset();

    const run = await runCli(['--clear-cache', '--cache-file', cacheFile, '--api-url', anilist.url]);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`Emptied the relation cache ${cacheFile}.\n`);
    expect(run.stdout).toBe('');
    expect(anilist.requests).toHaveLength(0);
    expect(await cachedIds(cacheFile)).toEqual([]);
  });

  it('cache: --clear-cache alone without a file', async () => {
    const run = await runCli(['--clear-cache', '--cache-file', cacheFile]);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`Emptied the relation cache ${cacheFile}.\n`);
    expect(await cachedIds(cacheFile)).toEqual([]);
  });

  it('cache: --clear-cache then scan refetches', async () => {
    await scan(['--cache-file', cacheFile]);
    anilist.reset();

    const run = await scan(['--clear-cache', '--cache-file', cacheFile]);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`Emptied the relation cache ${cacheFile}.\n`);
    expect(operationsSent(anilist)).toEqual(['UserList', 'MediaRelationsBatch']);
    expect(await cachedIds(cacheFile)).toEqual(SORTED_MISSING);
  });

  it('cache: --clear-cache with --no-cache', async () => {
    await scan(['--cache-file', cacheFile]);
    anilist.reset();

    const run = await scan(['--clear-cache', '--no-cache', '--cache-file', cacheFile]);

    expect(run.code).toBe(0);
    expect(operationsSent(anilist)).toEqual(['UserList', 'MediaRelationsBatch']);
    // The file is emptied, and the scan without a cache leaves it empty.
    expect(await cachedIds(cacheFile)).toEqual([]);
  });

  it('cache: unwritable path fails with file named', async () => {
    const blocker = path.join(temp.dir, 'not-a-folder');
    await writeFile(blocker, 'a file where a folder should be');
    const file = path.join(blocker, 'relations.json');

    const run = await scan(['--cache-file', file]);

    expect(run.code).toBe(1);
    expect(run.report).toBeNull();
    expect(run.stderr).toContain(`sequel-finder: Failed to write the relation cache ${file}: `);
    expect(run.stderr).toContain('pass --no-cache.');
    expect(existsSync(file)).toBe(false);
  });

  it('cache: a folder path is rejected untouched', async () => {
    const folder = path.join(temp.dir, 'cache-folder');
    await mkdir(folder);
    await writeFile(path.join(folder, 'keep.txt'), 'user data');

    const run = await scan(['--cache-file', folder]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`sequel-finder: The cache file ${folder} is a folder`);
    expect(await readFile(path.join(folder, 'keep.txt'), 'utf8')).toBe('user data');
    expect(operationsSent(anilist)).toEqual([]);
  });
});
