import { cpus, totalmem } from 'node:os';
import type { CliMemoryFigures } from './cli-memory';
import { FINDER_RUNS, type SizeFigures } from './scan-figures';

export const COMMAND = 'npm run bench';
export const FINDER_TARGET = { size: 5_000, ms: 50 };
/** GNU time reports KiB, so peak RSS is shown in MiB (KiB / 1024). */
export const PEAK_RSS_TARGET_MIB = 250;
/** AniList's current rate limit, in requests per minute. */
const ANILIST_RATE = 30;

const kib = (bytes: number): string => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;
const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const atAniListRate = (requests: number): string => `${Math.round((requests / ANILIST_RATE) * 60).toLocaleString('en-US')} s`;
const count = (value: number): string => value.toLocaleString('en-US');
const signed = (value: number): string => (value > 0 ? `+${value}` : String(value));

/** Facts about the whole run that the page states next to the figures. */
export interface RunInfo {
  durationSeconds: number;
  /** One-minute load averages at the start and the end of the run. */
  loadAtStart: number;
  loadAtEnd: number;
}

function header(run: RunInfo): string[] {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return [
    '# Benchmarks',
    '',
    `Command: \`${COMMAND}\` (it writes this page; this run took ${Math.round(run.durationSeconds)} s). Machine: ${cpus().length} × ${cpu},`,
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Load average (1 min)`,
    `${run.loadAtStart.toFixed(1)} at the start and ${run.loadAtEnd.toFixed(1)} at the end: wall times grow with other load on the machine.`,
    '',
    'AniList is the local fake (`tests/support/fake-anilist`), serving synthetic anime lists built from the',
    'shapes of the 52 recorded media (`bench/synthetic-list.ts`). Each franchise is a SEQUEL chain of one to',
    'five media whose first one to three are on the list under rotating statuses, and every fifth off-list',
    'media is a MUSIC video.',
    'The scans run `runScan` through the real `AniListClient` with the default finder settings.',
    'The baseline (`bench/baseline.ts`) replays the old Python script: the list in 50-entry',
    '`Page.mediaList` pages per status, then one `Media(id)` query per hop.',
    '',
    'Wall times leave pacing out: the client runs at 1,000,000 requests a minute and the fake\'s',
    '`X-RateLimit-*` headers, which the client obeys, are dropped (`bench/unpaced.ts`). The fake runs in',
    `the same process, so its work counts in the wall time. "At ${ANILIST_RATE}/min" is the request count at`,
    `AniList's current limit of ${ANILIST_RATE} requests a minute (AniList's API docs give 90, degraded to ${ANILIST_RATE}),`,
    'an estimate that ignores the first burst.',
  ];
}

function requestsSection(rows: SizeFigures[]): string[] {
  return [
    '## Requests',
    '',
    'N is the list size and K the off-list media whose relations a cold scan must fetch. The next hop is',
    'only known once the previous one has arrived, so ceil(K/50) is out of reach whenever a level ends in a',
    'partial batch that nothing else can fill. The scan sends full batches first and holds a partial one back',
    'while newly fetched records can still add ids to it (`lib/scan/run-scan.ts`); the level-by-level bound',
    'ceil(N/500) + Σ ceil(Kᵢ/50) is what fetching each level on its own would cost.',
    '',
    '| N | K | K per level | target ceil(N/500)+ceil(K/50) | level-by-level bound | cold requests (list + relations) | cold − target | warm requests | warm target ceil(N/500) | baseline requests | missing (ours / baseline) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => {
      const relationRequests = row.cold.requests - row.cold.listRequests;
      return `| ${count(row.size)} | ${count(row.reachableOffList)} | ${row.levels.map(count).join(', ')} | ${row.target} | ${row.levelBound} | ${row.cold.requests} (${row.cold.listRequests} + ${relationRequests}) | ${signed(row.cold.requests - row.target)} | ${row.warm.requests} | ${Math.ceil(row.size / 500)} | ${count(row.baseline.requests)} | ${count(row.cold.missing)} / ${count(row.baseline.missing)} |`;
    }),
  ];
}

function trafficSection(rows: SizeFigures[]): string[] {
  return [
    '## Bytes and wall time',
    '',
    'Bytes are response bodies as the fake sent them. The scan\'s requests select every Media field the',
    'extension shows for each list entry and each fetched media, and the fields the finder reads for each',
    'relation node (`lib/anilist/operations.ts`), while the baseline selects ids, a few fields and the titles.',
    '',
    `| N | cold bytes | cold wall | cold at ${ANILIST_RATE}/min | warm bytes | warm wall | baseline bytes | baseline wall | baseline at ${ANILIST_RATE}/min |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${count(row.size)} | ${kib(row.cold.bytes)} | ${ms(row.cold.wallMs)} | ${atAniListRate(row.cold.requests)} | ${kib(row.warm.bytes)} | ${ms(row.warm.wallMs)} | ${kib(row.baseline.bytes)} | ${ms(row.baseline.wallMs)} | ${atAniListRate(row.baseline.requests)} |`,
    ),
  ];
}

function finderSection(rows: SizeFigures[]): string[] {
  return [
    '## Finder CPU time',
    '',
    `Medians of ${FINDER_RUNS} runs of \`findMissingSequels\` with every relation known, each checked to find the`,
    'same missing sequels as the scan. CPU time is the process\'s user and system time (`process.cpuUsage`),',
    'so other load on the machine shows in the wall time more than in it.',
    `Target: under ${FINDER_TARGET.ms} ms for ${count(FINDER_TARGET.size)} entries.`,
    '',
    '| N | CPU time median | wall time median |',
    '|---|---|---|',
    ...rows.map((row) => `| ${count(row.size)} | ${ms(row.finder.cpuMedianMs)} | ${ms(row.finder.wallMedianMs)} |`),
  ];
}

function memorySection(memory: CliMemoryFigures): string[] {
  const maxPeak = Math.max(...memory.runs.map((run) => run.peakMib));
  return [
    '## Command-line peak memory',
    '',
    `\`bin/sequel-finder.mjs Bench${memory.size} --no-cache --json --rate 1000000\` against the fake, under GNU time,`,
    `${memory.runs.length} runs. Target: peak RSS under ${PEAK_RSS_TARGET_MIB} MiB; the highest run is ${maxPeak.toFixed(0)} MiB.`,
    `For scale, \`--help\` alone (Node and the tsx loader) peaks at ${memory.helpPeakMib.toFixed(0)} MiB.`,
    '',
    '| run | peak RSS | wall | exit code | missing in JSON | requests |',
    '|---|---|---|---|---|---|',
    ...memory.runs.map(
      (run, index) =>
        `| ${index + 1} | ${run.peakMib.toFixed(0)} MiB | ${run.wallSeconds.toFixed(1)} s | ${run.exitCode} | ${run.missing === null ? 'no JSON' : count(run.missing)} | ${run.requests} |`,
    ),
  ];
}

/** Renders docs/BENCHMARKS.md from the measured figures. */
export function renderPage(rows: SizeFigures[], memory: CliMemoryFigures, browserSections: string[][], run: RunInfo): string {
  const sections = [
    header(run), requestsSection(rows), trafficSection(rows), finderSection(rows), memorySection(memory), ...browserSections,
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
