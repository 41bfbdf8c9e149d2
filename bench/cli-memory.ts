import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeAniList } from '../tests/support/fake-anilist/index';
import { buildSyntheticList } from './synthetic-list';
import { startUnpacedProxy } from './unpaced';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI_BIN = 'bin/sequel-finder.mjs';
const GNU_TIME = '/usr/bin/time';

export interface CliRun {
  peakMib: number;
  wallSeconds: number;
  exitCode: number | null;
  /** Length of `missing` in the printed JSON, or null when stdout was not that JSON. */
  missing: number | null;
  /** Requests the fake received during the run. */
  requests: number;
}

export interface CliMemoryFigures {
  size: number;
  runs: CliRun[];
  /** Peak RSS of `sequel-finder --help`: Node and the tsx loader before any list is read. */
  helpPeakMib: number;
}

/** Runs a command under GNU time and returns its stdout, exit code, peak RSS (MiB) and wall time (s). */
async function runUnderTime(args: string[]): Promise<{ stdout: string; exitCode: number | null; peakMib: number; wallSeconds: number }> {
  const child = spawn(GNU_TIME, ['-f', 'peak-rss-kb %M wall-s %e', process.execPath, CLI_BIN, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));

  const match = /peak-rss-kb (\d+) wall-s ([\d.]+)/.exec(stderr);
  if (!match) throw new Error(`GNU time (${GNU_TIME}) printed no peak memory. The command's stderr was:\n${stderr}`);
  return { stdout, exitCode, peakMib: Number(match[1]) / 1024, wallSeconds: Number(match[2]) };
}

function missingCount(stdout: string): number | null {
  try {
    const report = JSON.parse(stdout) as { missing?: unknown };
    return Array.isArray(report.missing) ? report.missing.length : null;
  } catch {
    return null;
  }
}

/**
 * Runs the real command line tool `runs` times on a synthetic list of `size` entries, uncached,
 * and measures each run's peak RSS under GNU time.
 */
export async function measureCliPeakMemory(size: number, runs: number): Promise<CliMemoryFigures> {
  const synthetic = buildSyntheticList(size);
  const fake = await startFakeAniList({ data: synthetic.data });
  const proxy = await startUnpacedProxy(fake.url);
  try {
    const help = await runUnderTime(['--help']);
    const results: CliRun[] = [];
    for (let run = 0; run < runs; run += 1) {
      fake.requests.length = 0;
      const outcome = await runUnderTime([synthetic.userName, '--api-url', proxy.url, '--no-cache', '--json', '--rate', '1000000']);
      results.push({
        peakMib: outcome.peakMib,
        wallSeconds: outcome.wallSeconds,
        exitCode: outcome.exitCode,
        missing: missingCount(outcome.stdout),
        requests: fake.requests.length,
      });
    }
    return { size: synthetic.entries, runs: results, helpPeakMib: help.peakMib };
  } finally {
    await proxy.close();
    await fake.close();
  }
}
