import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { AniListClientOptions } from '../../lib/anilist/client';
import { main } from '../../cli/main';
import type { FakeAniList } from '../support/fake-anilist/index';

/** Media ids of the ten sequels missing from Boilerplate's recorded list, in the order the finder reports them. */
export const BOILERPLATE_MISSING = [32, 168872, 105143, 161474, 166521, 163151, 163146, 158927, 166873, 162314];

export const BOILERPLATE_TOKEN = 'fake-token-boilerplate';

/** A stream that keeps everything written to it as text. `isTTY` makes it look like a terminal. */
export class CapturedOutput {
  readonly chunks: string[] = [];

  constructor(readonly isTTY = false) {}

  write(text: string): boolean {
    this.chunks.push(text);
    return true;
  }

  get text(): string {
    return this.chunks.join('');
  }
}

export interface CliRunOptions {
  env?: NodeJS.ProcessEnv;
  /** True makes stdin look like a terminal. */
  stdinTTY?: boolean;
  /** Text typed on stdin, e.g. "n\n". */
  input?: string;
  /** Ends stdin after `input`, as Ctrl-D does. A stdin that is not a terminal always ends. */
  endInput?: boolean;
  stderrTTY?: boolean;
  clientOptions?: Partial<AniListClientOptions>;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Client options that keep tests fast: no pacing for a test's few requests and no real sleep before retries. */
export const FAST_CLIENT: Partial<AniListClientOptions> = {
  burst: 100,
  maxRetries: 2,
  sleep: async () => {},
};

/** Runs `main()` with captured stdout and stderr, and an empty environment unless `env` is given. */
export async function runCli(argv: string[], options: CliRunOptions = {}): Promise<CliRun> {
  const stdin = Object.assign(new PassThrough(), { isTTY: options.stdinTTY ?? false });
  if (options.input !== undefined) stdin.write(options.input);
  if (!options.stdinTTY || options.endInput) stdin.end();
  const stdout = new CapturedOutput();
  const stderr = new CapturedOutput(options.stderrTTY ?? false);

  const code = await main({
    argv,
    env: options.env ?? {},
    stdin,
    stdout,
    stderr,
    clientOptions: options.clientOptions ?? FAST_CLIENT,
  });
  stdin.destroy();
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Operation names of the requests the fake received, in order. */
export function operationsSent(anilist: FakeAniList): (string | null)[] {
  return anilist.requests.map((request) => request.operationName);
}

/** Creates a temporary folder for a test's files and returns it with its clean-up. */
export async function makeTempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sequel-finder-cli-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
