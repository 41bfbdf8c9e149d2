import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { HTTPRequest, Page } from 'puppeteer';
import type { BackgroundState } from '../../lib/messages/state';
import type { ExtensionGlobal } from '../e2e/support/browser';
import { type E2eEnvironment, startE2eEnvironment } from '../e2e/support/environment';
import { coverStandIn, fixtureSite, type GeneratedRoute } from '../fixtures/pages/site';

/**
 * Chromium with the built extension on the fixture anilist.co pages, for the pages e2e tests and
 * the content script benchmark. The fake AniList behind it has the users Boilerplate (the
 * recorded 52-entry list), Warps and PrivateUser.
 */

const execFileAsync = promisify(execFile);
const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** Every anilist.co path a test opens with a full page load. */
export const SITE_PATHS = [
  '/user/Boilerplate/',
  '/user/Boilerplate/animelist',
  '/anime/142838/SPY-FAMILY-Part-2/',
  '/anime/158927/SPY-FAMILY-Season-2/',
  '/user/Warps/',
  '/user/PrivateUser/',
  '/user/NoSuchUser/',
];

export interface PagesSession {
  env: E2eEnvironment;
  /** The unpacked extension the browser runs. */
  extensionDir: string;
  /** An extension page that sends requests as the popup would. */
  control: Page;
  /** Sends a protocol request from the extension page and returns the response envelope. */
  send(request: { type: string; [field: string]: unknown }): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
  state(): Promise<BackgroundState>;
  close(): Promise<void>;
}

/**
 * Builds the extension with a client id into its own folder, because logging in needs one and
 * the shared `.output` build may have none. The fake authorize page accepts any client id.
 */
async function buildWithClientId(dir: string): Promise<string> {
  const config = join(dir, 'wxt.config.ts');
  await writeFile(
    config,
    `import base from ${JSON.stringify(join(PROJECT_ROOT, 'wxt.config.ts'))};\n` +
      `export default { ...base, root: ${JSON.stringify(PROJECT_ROOT)}, outDir: ${JSON.stringify(join(dir, 'out'))} };\n`,
  );
  await execFileAsync('npx', ['wxt', 'build', '-c', config], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, WXT_ANILIST_CLIENT_ID_CHROME: '4242' },
  });
  return join(dir, 'out', 'chrome-mv3');
}

export interface SessionOptions {
  /** Routes added before the fixture routes, and the paths they are served at. */
  extraRoutes?: GeneratedRoute[];
  extraPaths?: string[];
}

export async function startPagesSession(options: SessionOptions = {}): Promise<PagesSession> {
  const dir = await mkdtemp(join(tmpdir(), 'sequel-finder-pages-e2e-'));
  let env: E2eEnvironment | null = null;
  try {
    const extensionDir = await buildWithClientId(dir);
    env = await startE2eEnvironment({
      extensionDir,
      pages: fixtureSite([...SITE_PATHS, ...(options.extraPaths ?? [])], 'Boilerplate', options.extraRoutes),
    });
    const started = env;
    started.front.oauth.redirectUrl = await started.session.worker.evaluate(() =>
      (globalThis as ExtensionGlobal).chrome.identity.getRedirectURL(),
    );
    const control = await started.session.openPopup();
    const send: PagesSession['send'] = (request) =>
      control.evaluate((message) => (globalThis as ExtensionGlobal).chrome.runtime.sendMessage(message), request);

    return {
      env: started,
      extensionDir,
      control,
      send,
      state: async () => {
        const result = await send({ type: 'getState' });
        if (!result.ok) throw new Error(`getState failed: ${result.error?.message}`);
        return result.value as BackgroundState;
      },
      close: async () => {
        await started.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await env?.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Logs in as Boilerplate through the fake OAuth page and scans the list, as a user does in the popup. */
export async function loginAndScan(session: PagesSession): Promise<BackgroundState> {
  const login = await session.send({ type: 'login' });
  if (!login.ok) throw new Error(`Logging in failed: ${login.error?.message}`);
  const scan = await session.send({ type: 'startScan' });
  if (!scan.ok) throw new Error(`Starting the scan failed: ${scan.error?.message}`);

  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await session.state();
    if (state.scan.phase === 'idle' && state.lastScan !== null) return state;
    if (state.scan.phase === 'failed') throw new Error(`The scan failed: ${state.scan.error.message}`);
    if (Date.now() > deadline) throw new Error(`The scan did not finish in 30 s; its state is ${JSON.stringify(state.scan)}.`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
}

export interface OpenOptions {
  width?: number;
  height?: number;
}

/** Responds to requests to AniList's image host with stand-in covers and lets every other request continue. */
function serveCovers(request: HTTPRequest): void {
  if (request.isInterceptResolutionHandled()) return;
  if (/^https:\/\/s\d+\.anilist\.co\//.test(request.url())) {
    const cover = coverStandIn(request.url());
    void request.respond({ status: 200, contentType: cover.contentType, body: cover.body });
  } else {
    void request.continue();
  }
}

/** Opens a fixture page in a new tab and waits until its route content is rendered. */
export async function openSitePage(session: PagesSession, path: string, options: OpenOptions = {}): Promise<Page> {
  const page = await session.env.session.browser.newPage();
  await page.setViewport({ width: options.width ?? 1280, height: options.height ?? 900 });
  await page.setRequestInterception(true);
  page.on('request', serveCovers);
  await page.goto(`https://anilist.co${path}`, { waitUntil: 'load' });
  await waitForRender(page, path);
  return page;
}

/** Waits until the fixture app has rendered `path`. */
export async function waitForRender(page: Page, path: string): Promise<void> {
  await page.waitForFunction(
    (expected) => (window as { anilistFixture?: { renderedPath: string | null } }).anilistFixture?.renderedPath === expected,
    { timeout: 10_000 },
    path,
  );
}

/** Waits for the elements with `testId` and returns the text of their shadow roots. */
export async function shadowTexts(page: Page, testId: string, count = 1): Promise<string[]> {
  const texts = await page.waitForFunction(
    (id, expected) => {
      // The shadow root also contains the <style> element with the panel CSS, whose text is left out.
      const found = [...document.querySelectorAll(`[data-testid="${id}"]`)].map((host) =>
        [...(host.shadowRoot?.children ?? [])]
          .filter((child) => child.tagName !== 'STYLE')
          .map((child) => child.textContent ?? '')
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      return found.length >= expected && found.every((text) => text !== '') ? found : null;
    },
    { timeout: 10_000 },
    testId,
    count,
  );
  return (await texts.jsonValue()) as string[];
}

export function countHosts(page: Page, testId: string): Promise<number> {
  return page.$$eval(`[data-testid="${testId}"]`, (hosts) => hosts.length);
}
