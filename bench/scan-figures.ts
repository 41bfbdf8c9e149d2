import { performance } from 'node:perf_hooks';
import { AniListClient } from '../lib/anilist/client';
import type { ListEntry, MediaRelations } from '../lib/anilist/types';
import { createMemoryRelationStore } from '../lib/cache/memory-store';
import type { RelationStore } from '../lib/cache/store';
import { runScan } from '../lib/scan/run-scan';
import { findMissingSequels } from '../lib/sequels/find';
import { DEFAULT_FINDER_SETTINGS } from '../lib/sequels/types';
import { type FakeAniList, startFakeAniList } from '../tests/support/fake-anilist/index';
import { runBaselineScan } from './baseline';
import { buildSyntheticList } from './synthetic-list';
import { unpacedFetch } from './unpaced';

export const FINDER_RUNS = 15;
const LIST_CHUNK = 500;
const RELATIONS_BATCH = 50;

export interface ScanFigures {
  requests: number;
  bytes: number;
  wallMs: number;
  missing: number;
}

export interface SizeFigures {
  size: number;
  /** Off-list media whose relations a scan must fetch (K). */
  reachableOffList: number;
  /** ceil(N/500) + ceil(K/50). */
  target: number;
  /** Off-list media needed by each round of the cold scan, in order. */
  levels: number[];
  /** ceil(N/500) plus one ceil(level/50) per level: the least a level-by-level scan can send. */
  levelBound: number;
  cold: ScanFigures & { listRequests: number };
  warm: ScanFigures;
  baseline: ScanFigures;
  finder: FinderTimes;
}

export interface FinderTimes {
  /** Median CPU time (user and system) of the process over the runs, garbage collection threads included. */
  cpuMedianMs: number;
  wallMedianMs: number;
}

/** Wraps a store to keep every record the scan stores and the size of every look-up. */
function recordingStore(inner: RelationStore, sink: Map<number, MediaRelations>, lookups: number[]): RelationStore {
  return {
    getRelations: (ids, now) => {
      lookups.push(ids.length);
      return inner.getRelations(ids, now);
    },
    putRelations: async (records) => {
      for (const record of records) sink.set(record.media.id, record);
      await inner.putRelations(records);
    },
    clear: () => inner.clear(),
    close: () => inner.close(),
  };
}

async function scanOnce(fake: FakeAniList, userName: string, store: RelationStore) {
  fake.requests.length = 0;
  // The client's own pacing is set out of the way and the fake's rate-limit headers are dropped,
  // so the wall time is the work alone. The time at AniList's rate follows from the request count.
  const client = new AniListClient({ apiUrl: fake.url, fetch: unpacedFetch, requestsPerMinute: 1_000_000, burst: 1_000_000 });
  const started = performance.now();
  const outcome = await runScan({ user: { name: userName }, settings: DEFAULT_FINDER_SETTINGS, client, store });
  const wallMs = performance.now() - started;
  const figures = {
    requests: fake.requests.length,
    listRequests: fake.requests.filter((request) => request.operationName === 'UserList').length,
    bytes: fake.requests.reduce((sum, request) => sum + request.bytes, 0),
    wallMs,
    missing: outcome.result.missing.length,
  };
  return { figures, entries: outcome.list.entries };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Times `findMissingSequels` with every relation known and returns the medians in ms of its CPU
 * time, which other load on the machine barely changes, and of its wall time.
 */
function timeFinder(entries: ListEntry[], relations: Map<number, MediaRelations>, expectedMissing: number): FinderTimes {
  const cpuTimes: number[] = [];
  const wallTimes: number[] = [];
  for (let run = 0; run < FINDER_RUNS; run += 1) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const result = findMissingSequels({ entries, relations, ignored: new Set(), settings: DEFAULT_FINDER_SETTINGS });
    wallTimes.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    cpuTimes.push((cpu.user + cpu.system) / 1000);

    // A finder that still lacks relations stops early, so its time would not be the full walk.
    if (result.needRelations.length > 0 || result.missing.length !== expectedMissing) {
      throw new Error(
        `The timed finder run needs ${result.needRelations.length} relations and finds ${result.missing.length} missing, but the scan found ${expectedMissing}.`,
      );
    }
  }
  return { cpuMedianMs: median(cpuTimes), wallMedianMs: median(wallTimes) };
}

/** Runs a cold scan, a warm scan, the finder alone and the baseline on a synthetic list of `size` entries. */
export async function measureSize(size: number): Promise<SizeFigures> {
  const synthetic = buildSyntheticList(size);
  const fake = await startFakeAniList({ data: synthetic.data });
  try {
    const relations = new Map<number, MediaRelations>();
    const lookups: number[] = [];
    const store = recordingStore(createMemoryRelationStore(), relations, lookups);

    const coldScan = await scanOnce(fake, synthetic.userName, store);
    const cold = coldScan.figures;
    const levels = [...lookups];
    const warm = (await scanOnce(fake, synthetic.userName, store)).figures;
    const finder = timeFinder(coldScan.entries, relations, cold.missing);

    fake.requests.length = 0;
    const baselineStarted = performance.now();
    const baseline = await runBaselineScan(fake.url, synthetic.userName);
    const baselineMs = performance.now() - baselineStarted;

    const listRequests = Math.ceil(synthetic.entries / LIST_CHUNK);
    return {
      size: synthetic.entries,
      reachableOffList: synthetic.reachableOffList,
      target: listRequests + Math.ceil(synthetic.reachableOffList / RELATIONS_BATCH),
      levels,
      levelBound: listRequests + levels.reduce((sum, level) => sum + Math.ceil(level / RELATIONS_BATCH), 0),
      cold,
      warm,
      baseline: { requests: baseline.requests, bytes: baseline.bytes, wallMs: baselineMs, missing: baseline.missing },
      finder,
    };
  } finally {
    await fake.close();
  }
}
