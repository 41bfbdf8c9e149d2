import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_PATH } from './browser';

const execFileAsync = promisify(execFile);
const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');

async function build(args: string[]): Promise<void> {
  const started = Date.now();
  try {
    await execFileAsync('npx', ['wxt', 'build', ...args], { cwd: PROJECT_ROOT });
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(`"npx wxt build ${args.join(' ')}" failed:\n${output.stdout ?? ''}${output.stderr ?? String(error)}`);
  }
  console.log(`e2e: built with "wxt build ${args.join(' ')}" in ${Date.now() - started} ms`);
}

/**
 * Builds the Chrome MV3 extension once before the e2e test files run, so they never test a
 * stale `.output/chrome-mv3`. Set SEQUEL_FINDER_E2E_SKIP_BUILD=1 when the same command already
 * ran `wxt build`. The `e2e` mode build (`.output/chrome-mv3-e2e`, with the AniList client id of
 * `.env.e2e`) is made every time, because no other command makes it.
 */
export default async function setup(): Promise<void> {
  await access(CHROMIUM_PATH).catch(() => {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install chromium".`);
  });
  await execFileAsync('openssl', ['version']).catch(() => {
    throw new Error('The openssl command is missing: install it with "apt-get install openssl".');
  });

  if (process.env.SEQUEL_FINDER_E2E_SKIP_BUILD !== '1') await build([]);
  await build(['--mode', 'e2e']);
}
