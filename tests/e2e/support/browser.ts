import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Target, type WebWorker } from 'puppeteer';
import type { Browser as ExtensionApi } from 'wxt/browser';
import { GRAPHQL_HOST, SITE_HOST } from './anilist-front';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const DEFAULT_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');

/**
 * The global object of the extension's service worker. Functions passed to `worker.evaluate`
 * cast `globalThis` to it to reach `chrome`, because the project declares no global `chrome` type.
 */
export type ExtensionGlobal = typeof globalThis & { chrome: typeof ExtensionApi };

export interface LaunchOptions {
  /** The unpacked extension. Defaults to the Chrome MV3 build in `.output/chrome-mv3`. */
  extensionDir?: string;
  /** Port of the local HTTPS server that replaces AniList (see startAniListFront). */
  anilistPort?: number;
}

export interface ExtensionSession {
  browser: Browser;
  extensionId: string;
  /** The extension's service worker. restartWorker() replaces it with the new one. */
  worker: WebWorker;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Opens a tab on `chrome-extension://<id>/<path>`. */
  openExtensionPage(path: string): Promise<Page>;
  /** Stops the service worker, starts it again and returns the new one. */
  restartWorker(): Promise<WebWorker>;
  close(): Promise<void>;
}

interface ExtensionManifest {
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

const WORKER_TIMEOUT_MS = 15_000;

/**
 * Launches Debian's Chromium with the unpacked extension and a fresh profile. AniList's hosts
 * resolve to `anilistPort` on 127.0.0.1, and every other host name fails to resolve, so no test
 * can reach a real server.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = resolve(options.extensionDir ?? DEFAULT_EXTENSION_DIR);
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as ExtensionManifest;
  const userDataDir = await mkdtemp(join(tmpdir(), 'sequel-finder-profile-'));

  const anilistTarget = options.anilistPort === undefined ? '~NOTFOUND' : `127.0.0.1:${options.anilistPort}`;
  const resolverRules = [
    `MAP ${GRAPHQL_HOST} ${anilistTarget}`,
    `MAP ${SITE_HOST} ${anilistTarget}`,
    'MAP * ~NOTFOUND',
  ].join(', ');

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      userDataDir,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        `--host-resolver-rules=${resolverRules}`,
        // The local AniList stand-in uses a self-signed certificate.
        '--ignore-certificate-errors',
      ],
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  try {
    const target = await waitForWorkerTarget(browser);
    const extensionId = new URL(target.url()).hostname;
    const session = {
      browser,
      extensionId,
      worker: await readyWorker(target),
      openExtensionPage: (path: string) => openTab(browser, `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`),
      openPopup: () => session.openExtensionPage(requirePage(manifest.action?.default_popup, 'action.default_popup')),
      openOptions: () =>
        session.openExtensionPage(requirePage(manifest.options_ui?.page ?? manifest.options_page, 'options_ui.page')),
      restartWorker: async () => {
        session.worker = await restartWorker(browser, session.worker, extensionId);
        return session.worker;
      },
      close: async () => {
        await browser.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
    return session;
  } catch (error) {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

function isExtensionWorker(target: Target, extensionId?: string): boolean {
  if (target.type() !== 'service_worker') return false;
  const url = new URL(target.url());
  return url.protocol === 'chrome-extension:' && (extensionId === undefined || url.hostname === extensionId);
}

function waitForWorkerTarget(browser: Browser, extensionId?: string): Promise<Target> {
  return browser.waitForTarget((target) => isExtensionWorker(target, extensionId), { timeout: WORKER_TIMEOUT_MS });
}

/** Returns the target's worker once `chrome.runtime` works in it: the target can appear a little earlier. */
async function readyWorker(target: Target): Promise<WebWorker> {
  const worker = await target.worker();
  if (worker === null) throw new Error(`Target ${target.url()} has no worker.`);

  const deadline = Date.now() + WORKER_TIMEOUT_MS;
  for (;;) {
    const ready = await worker
      .evaluate(() => typeof (globalThis as Partial<ExtensionGlobal>).chrome?.runtime?.id === 'string')
      .catch(() => false);
    if (ready) return worker;
    if (Date.now() > deadline) throw new Error(`chrome.runtime did not become ready in ${target.url()}.`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 50));
  }
}

/**
 * Stops the worker, which discards its global state as when Chrome stops an idle worker, then
 * starts it again with the DevTools command ServiceWorker.startWorker.
 */
async function restartWorker(browser: Browser, worker: WebWorker, extensionId: string): Promise<WebWorker> {
  const oldTarget = browser.targets().find((target) => isExtensionWorker(target, extensionId));
  if (oldTarget === undefined) throw new Error(`The service worker of extension ${extensionId} is not running.`);
  const stopped = new Promise<void>((resolveStopped) => {
    const onDestroyed = (target: Target) => {
      if (target === oldTarget) {
        browser.off('targetdestroyed', onDestroyed);
        resolveStopped();
      }
    };
    browser.on('targetdestroyed', onDestroyed);
  });

  // For a service worker, puppeteer's close() sends Target.closeTarget, which stops the worker.
  await worker.close();
  await stopped;

  const page = await browser.newPage();
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${extensionId}/` });
    return await readyWorker(await waitForWorkerTarget(browser, extensionId));
  } finally {
    await page.close();
  }
}

async function openTab(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

function requirePage(path: string | undefined, manifestKey: string): string {
  if (path === undefined) throw new Error(`The extension manifest has no ${manifestKey}: build that page first.`);
  return path;
}
