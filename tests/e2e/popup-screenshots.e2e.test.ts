import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationRecord } from '../../lib/notifications/history';
import type { ExtensionGlobal } from './support/browser';
import { type E2eEnvironment, startE2eEnvironment } from './support/environment';

/**
 * Screenshots of every screen in both languages and both color schemes. They go to a temporary
 * folder, or to SEQUEL_FINDER_SCREENSHOTS (such as docs/screenshots) when it is set. Each test
 * also checks that the screen has no horizontal overflow, the usual sign of a broken layout.
 */

const execFileAsync = promisify(execFile);
const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const LOCALES = ['en', 'pt-BR'] as const;
const THEMES = ['light', 'dark'] as const;

let env: E2eEnvironment;
let buildDir: string;
let outDir: string;

/** Builds the extension with a client id into its own folder, because the Watching tab needs a login. */
async function buildWithClientId(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sequel-finder-shots-'));
  const config = join(dir, 'wxt.config.ts');
  await writeFile(
    config,
    `import base from ${JSON.stringify(join(PROJECT_ROOT, 'wxt.config.ts'))};\n` +
      `export default { ...base, root: ${JSON.stringify(PROJECT_ROOT)}, outDir: ${JSON.stringify(join(dir, 'out'))} };\n`,
  );
  await execFileAsync('npx', ['wxt', 'build', '-c', config], { cwd: PROJECT_ROOT, env: { ...process.env, WXT_ANILIST_CLIENT_ID_CHROME: '4242' } });
  return dir;
}

/** A cover stand-in: AniList's CDN is unreachable from tests, so each cover is a tinted tile. */
function coverSvg(url: string): string {
  const hue = [...url].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 360, 0);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="136"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue} 55% 55%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 45% 30%)"/></linearGradient></defs><rect width="96" height="136" fill="url(#g)"/></svg>`;
}

async function preparePage(page: Page, theme: (typeof THEMES)[number], width: number, height: number): Promise<void> {
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
  await page.setViewport({ width, height });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('https://s4.anilist.co/')) {
      void request.respond({ status: 200, contentType: 'image/svg+xml', body: coverSvg(request.url()) });
    } else {
      void request.continue();
    }
  });
}

async function openPopup(theme: (typeof THEMES)[number]): Promise<Page> {
  const page = await env.session.browser.newPage();
  await preparePage(page, theme, 460, 590);
  await page.goto(`chrome-extension://${env.session.extensionId}/popup.html`, { waitUntil: 'load' });
  return page;
}

async function capture(page: Page, name: string, fullPage = false): Promise<string> {
  await new Promise((settle) => setTimeout(settle, 250));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} overflows horizontally`).toBe(0);
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  expect((await stat(path)).size).toBeGreaterThan(5_000);
  return path;
}

async function setLanguage(language: string): Promise<void> {
  const options = await env.session.openOptions();
  await options.waitForSelector('[data-testid="language-select"]');
  await options.select('[data-testid="language-select"]', language);
  await options.waitForFunction((lang) => document.documentElement.lang === lang, {}, language);
  await options.close();
}

function notifications(now: number): NotificationRecord[] {
  return [
    { id: 'shot:1', kind: 'newly-announced', mediaIds: [163146], titles: ['Blue Lock 2nd Season'], count: 1, sourceTitle: 'Blue Lock', createdAt: now - 3_600_000, read: false },
    { id: 'shot:2', kind: 'started-airing', mediaIds: [163151], titles: ['HIGH CARD Season 2'], count: 1, sourceTitle: null, createdAt: now - 86_400_000, read: false },
    { id: 'shot:3', kind: 'new-sequels', mediaIds: [32, 105143, 161474, 158927], titles: ['The End of Evangelion', 'One Piece: Stampede', 'Rascal Does Not Dream of a Knapsack Kid'], count: 4, sourceTitle: null, createdAt: now - 5 * 86_400_000, read: true },
  ];
}

beforeAll(async () => {
  outDir = process.env.SEQUEL_FINDER_SCREENSHOTS ? resolve(PROJECT_ROOT, process.env.SEQUEL_FINDER_SCREENSHOTS) : await mkdtemp(join(tmpdir(), 'sequel-finder-png-'));
  await mkdir(outDir, { recursive: true });
  buildDir = await buildWithClientId();
  env = await startE2eEnvironment({ extensionDir: join(buildDir, 'out', 'chrome-mv3') });
  env.front.oauth.redirectUrl = await env.session.worker.evaluate(() => (globalThis as ExtensionGlobal).chrome.identity.getRedirectURL());

  // The sequels of the 52-entry list, scanned by user name while logged out.
  const popup = await env.session.openPopup();
  await popup.type('[data-testid="username-input"]', 'Boilerplate');
  await popup.click('[data-testid="scan-button"]');
  await popup.waitForFunction(() => /10/.test(document.querySelector('[data-testid="result-count"]')?.textContent ?? ''), { timeout: 30_000 });
  await popup.close();
  const history = notifications(Date.now());
  await env.session.worker.evaluate(async (records) => {
    await (globalThis as ExtensionGlobal).chrome.storage.local.set({ notifications: { records, seenIds: records.map((record) => record.id) } });
  }, history);
}, 120_000);

afterAll(async () => {
  await env?.close();
  if (buildDir) await rm(buildDir, { recursive: true, force: true });
});

describe('screenshots of the logged-out screens', () => {
  for (const locale of LOCALES) {
    for (const theme of THEMES) {
      it(`popup and options in ${locale} ${theme}`, async () => {
        await setLanguage(locale);
        const suffix = `${locale}-${theme}`;

        const popup = await openPopup(theme);
        await popup.waitForSelector('[data-testid="sequel-card"]');
        await capture(popup, `popup-sequels-${suffix}`);
        await popup.click('[data-testid="sequel-card"] [data-testid="toggle-details"]');
        await popup.click('[data-testid="filters-button"]');
        await capture(popup, `popup-filters-details-${suffix}`);
        await popup.click('[data-testid="tab-notifications"]');
        await popup.waitForSelector('[data-testid="notification"]');
        await capture(popup, `popup-notifications-${suffix}`);
        await popup.click('[data-testid="tab-stats"]');
        await popup.waitForSelector('[data-testid="chart-format"]');
        await capture(popup, `popup-statistics-${suffix}`);
        await popup.close();

        const options = await env.session.browser.newPage();
        await preparePage(options, theme, 900, 900);
        await options.goto(`chrome-extension://${env.session.extensionId}/options.html`, { waitUntil: 'load' });
        await options.waitForSelector('[data-testid="section-finder"]');
        await capture(options, `options-${suffix}`, true);
        await options.close();
      });
    }
  }
});

describe('screenshots of the Watching tab', () => {
  it('logged in as a user with entries', async () => {
    env.front.oauth.accessToken = 'fake-token-warps';
    const login = await env.session.openPopup();
    await login.click('[data-testid="login-button"]');
    await login.waitForSelector('[data-testid="viewer-name"]', { timeout: 30_000 });
    await login.close();

    for (const locale of LOCALES) {
      await setLanguage(locale);
      for (const theme of THEMES) {
        const popup = await openPopup(theme);
        await popup.waitForSelector('[data-testid="tab-watching"]');
        await popup.click('[data-testid="tab-watching"]');
        await popup.waitForSelector('[data-testid="watching-entry"]', { timeout: 30_000 });
        await capture(popup, `popup-watching-${locale}-${theme}`);
        await popup.close();
      }
    }
  });
});
