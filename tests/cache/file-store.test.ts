import { link, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultCacheFile, openFileRelationStore } from '../../lib/cache/file-store';
import { allFixtureRecords, FIXTURES, fixtureRecord } from './fixture-records';

const DAY = 24 * 60 * 60 * 1000;

let folder = '';
let file = '';
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'relation-file-store-'));
  file = path.join(folder, 'relations.json');
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  warn.mockRestore();
  await rm(folder, { recursive: true, force: true });
});

async function readJson(target: string): Promise<any> {
  return JSON.parse(await readFile(target, 'utf8'));
}

describe('file store format', () => {
  it('missing file is empty cache', async () => {
    const store = await openFileRelationStore(file);
    expect((await store.getRelations([101922])).size).toBe(0);
    await store.close();

    expect(await readdir(folder)).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('writes version 1 with records by id', async () => {
    const now = Date.now();
    const store = await openFileRelationStore(file);
    await store.putRelations([fixtureRecord(FIXTURES.kimetsu, now), fixtureRecord(FIXTURES.tonikaku, now)]);

    const saved = await readJson(file);
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.records).sort()).toEqual(['101922', '141208']);
    expect(saved.records['101922']).toEqual(fixtureRecord(FIXTURES.kimetsu, now));
    await store.close();
  });

  it('creates missing folders', async () => {
    const nested = path.join(folder, 'a', 'b', 'relations.json');
    const store = await openFileRelationStore(nested);
    await store.putRelations([fixtureRecord(FIXTURES.kimetsu, Date.now())]);
    await store.close();

    expect((await readJson(nested)).version).toBe(1);
  });

  it('concurrent puts all saved', async () => {
    const now = Date.now();
    const store = await openFileRelationStore(file);
    await Promise.all(allFixtureRecords(now).map((record) => store.putRelations([record])));
    await store.close();

    expect(Object.keys((await readJson(file)).records)).toHaveLength(allFixtureRecords(now).length);
  });

  it('put rejects when folder is a file', async () => {
    await writeFile(path.join(folder, 'not-a-folder'), 'x');
    const store = await openFileRelationStore(path.join(folder, 'not-a-folder', 'relations.json'));

    await expect(store.putRelations([fixtureRecord(FIXTURES.kimetsu, Date.now())])).rejects.toThrow(
      /Failed to write the relation cache .*not-a-folder/,
    );
    await store.close();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('file store atomic write', () => {
  it('replaces file instead of rewriting', async () => {
    const now = Date.now();
    const store = await openFileRelationStore(file);
    await store.putRelations([fixtureRecord(FIXTURES.kimetsu, now)]);
    // A hard link keeps the old file's data; an in-place rewrite would change it too.
    const oldLink = path.join(folder, 'old-link.json');
    await link(file, oldLink);

    await store.putRelations([fixtureRecord(FIXTURES.tonikaku, now)]);
    await store.close();

    expect(Object.keys((await readJson(oldLink)).records)).toEqual(['101922']);
    expect(Object.keys((await readJson(file)).records).sort()).toEqual(['101922', '141208']);
  });

  it('leaves no temporary files', async () => {
    const store = await openFileRelationStore(file);
    for (const record of allFixtureRecords(Date.now())) await store.putRelations([record]);
    await store.clear();
    await store.close();

    expect(await readdir(folder)).toEqual(['relations.json']);
  });

  it('ignores half-written temp file', async () => {
    const now = Date.now();
    const first = await openFileRelationStore(file);
    await first.putRelations([fixtureRecord(FIXTURES.kimetsu, now)]);
    await first.close();
    // What a process killed during a write leaves behind: a cut-off temp file beside the cache.
    const full = await readFile(file, 'utf8');
    await writeFile(`${file}.4242-0badf00d.tmp`, full.slice(0, full.length / 2));

    const second = await openFileRelationStore(file);
    expect((await second.getRelations([101922], now)).get(101922)).toEqual(fixtureRecord(FIXTURES.kimetsu, now));
    await second.close();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('file store stale temp files', () => {
  it('removes only old temp files', async () => {
    const old = `${file}.4242-0badf00d.tmp`;
    const recent = `${file}.4243-0badf00d.tmp`;
    const unrelated = `${file}.corrupt-2025-01-19T12-00-00.000Z`;
    for (const name of [old, recent, unrelated]) await writeFile(name, '{"version":1');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    await utimes(unrelated, twoHoursAgo, twoHoursAgo);

    const store = await openFileRelationStore(file);
    await store.close();

    expect((await readdir(folder)).sort()).toEqual([path.basename(unrelated), path.basename(recent)].sort());
  });
});

const damagedFiles: { name: string; content: (valid: string) => string; reason: RegExp }[] = [
  { name: 'garbage text', content: () => 'not json at all', reason: /is not valid JSON/ },
  { name: 'truncated JSON', content: (valid) => valid.slice(0, valid.length / 2), reason: /is not valid JSON/ },
  { name: 'empty file', content: () => '', reason: /is not valid JSON/ },
  { name: 'JSON array', content: () => '[]', reason: /does not contain a JSON object/ },
  { name: 'JSON null', content: () => 'null', reason: /does not contain a JSON object/ },
  { name: 'newer version', content: (valid) => valid.replace('"version":1', '"version":2'), reason: /format version 2/ },
  { name: 'version a string', content: (valid) => valid.replace('"version":1', '"version":"1"'), reason: /format version "1"/ },
  { name: 'no version', content: (valid) => valid.replace('"version":1,', ''), reason: /format version undefined/ },
  { name: 'records an array', content: () => '{"version":1,"records":[]}', reason: /has no "records" object/ },
  { name: 'records missing', content: () => '{"version":1}', reason: /has no "records" object/ },
];

describe('file store damaged file', () => {
  it.each(damagedFiles)('$name moved aside', async ({ content, reason }) => {
    const now = Date.now();
    const writer = await openFileRelationStore(file);
    await writer.putRelations([fixtureRecord(FIXTURES.kimetsu, now)]);
    await writer.close();
    const damaged = content(await readFile(file, 'utf8'));
    await writeFile(file, damaged);

    const store = await openFileRelationStore(file);
    expect((await store.getRelations([101922], now)).size).toBe(0);

    const names = await readdir(folder);
    const aside = names.filter((name) => /^relations\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+\.\d+Z$/.test(name));
    expect(aside).toHaveLength(1);
    expect(names).not.toContain('relations.json');
    expect(await readFile(path.join(folder, aside[0] ?? ''), 'utf8')).toBe(damaged);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(reason);

    await store.putRelations([fixtureRecord(FIXTURES.tonikaku, now)]);
    await store.close();
    expect(Object.keys((await readJson(file)).records)).toEqual(['141208']);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('unreadable path moved aside', async () => {
    // A folder where the file should be cannot be read as a file, even by root.
    await mkdir(file);
    const store = await openFileRelationStore(file);
    expect((await store.getRelations([101922])).size).toBe(0);
    await store.putRelations([fixtureRecord(FIXTURES.kimetsu, Date.now())]);
    await store.close();

    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/cannot be read/);
    expect((await readJson(file)).version).toBe(1);
    expect((await readdir(folder)).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
  });
});

describe('file store records on load', () => {
  it('drops invalid and mismatched records', async () => {
    const now = Date.now();
    const kimetsu = fixtureRecord(FIXTURES.kimetsu, now);
    const tonikaku = fixtureRecord(FIXTURES.tonikaku, now);
    const records = {
      '101922': kimetsu,
      // Stored under another media's id.
      '141208': fixtureRecord(FIXTURES.announced, now),
      '235': { ...fixtureRecord(FIXTURES.detectiveConan, now), edges: 'garbage' },
      '100050': 'garbage',
      'abc': tonikaku,
      '0101704': fixtureRecord(FIXTURES.cancelled, now),
    };
    await writeFile(file, JSON.stringify({ version: 1, records }));

    const store = await openFileRelationStore(file);
    const found = await store.getRelations([101922, 141208, 235, 100050, 101704], now);
    await store.close();

    expect([...found.keys()]).toEqual([101922]);
    expect(found.get(101922)).toEqual(kimetsu);
    expect(warn).not.toHaveBeenCalled();
    // Closing saved the file without the dropped records.
    expect(Object.keys((await readJson(file)).records)).toEqual(['101922']);
  });

  it('drops records expired at load', async () => {
    const now = Date.now();
    const records = {
      '101922': fixtureRecord(FIXTURES.kimetsu, now - 8 * DAY),
      '141208': fixtureRecord(FIXTURES.tonikaku, now),
    };
    await writeFile(file, JSON.stringify({ version: 1, records }));

    const store = await openFileRelationStore(file);
    await store.close();

    expect(Object.keys((await readJson(file)).records)).toEqual(['141208']);
  });

  it('saves lookup deletions on close', async () => {
    const now = Date.now();
    const store = await openFileRelationStore(file);
    await store.putRelations([fixtureRecord(FIXTURES.kimetsu, now), fixtureRecord(FIXTURES.tonikaku, now)]);
    expect((await store.getRelations([101922, 141208], now + DAY)).size).toBe(1);
    await store.close();

    expect(Object.keys((await readJson(file)).records)).toEqual(['101922']);
  });
});

describe('defaultCacheFile', () => {
  it.each([
    { name: 'absolute XDG_CACHE_HOME', env: { XDG_CACHE_HOME: '/var/cache/me' }, platform: 'linux', expected: '/var/cache/me/sequel-finder/relations.json' },
    { name: 'relative XDG_CACHE_HOME ignored', env: { XDG_CACHE_HOME: 'cache' }, platform: 'linux', expected: '/home/me/.cache/sequel-finder/relations.json' },
    { name: 'empty XDG_CACHE_HOME ignored', env: { XDG_CACHE_HOME: '' }, platform: 'linux', expected: '/home/me/.cache/sequel-finder/relations.json' },
    { name: 'no XDG_CACHE_HOME', env: {}, platform: 'linux', expected: '/home/me/.cache/sequel-finder/relations.json' },
    { name: 'macOS', env: {}, platform: 'darwin', expected: '/home/me/.cache/sequel-finder/relations.json' },
    { name: 'Windows LOCALAPPDATA', env: { LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, platform: 'win32', expected: 'C:\\Users\\me\\AppData\\Local\\sequel-finder\\relations.json' },
    { name: 'Windows without LOCALAPPDATA', env: { XDG_CACHE_HOME: '/ignored' }, platform: 'win32', expected: '\\home\\me\\AppData\\Local\\sequel-finder\\relations.json' },
  ] as const)('$name', ({ env, platform, expected }) => {
    expect(defaultCacheFile(env, platform, '/home/me')).toBe(expected);
  });
});
