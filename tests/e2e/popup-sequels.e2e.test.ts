import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionGlobal } from './support/browser';
import { type E2eEnvironment, startE2eEnvironment } from './support/environment';

const execFileAsync = promisify(execFile);
const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

let env: E2eEnvironment;
let buildDir: string;

/**
 * Builds the extension with a client id into its own folder, because logging in needs one and
 * the shared `.output` build may have none. The fake authorize page accepts any client id.
 */
async function buildWithClientId(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sequel-finder-popup-e2e-'));
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
  return dir;
}

async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => element.textContent ?? '');
}

async function cardIds(page: Page): Promise<number[]> {
  return page.$$eval('[data-testid="sequel-card"]', (cards) => cards.map((card) => Number((card as HTMLElement).dataset.mediaId)));
}

async function waitForText(page: Page, selector: string, expected: RegExp): Promise<string> {
  await page.waitForFunction(
    (sel, source) => new RegExp(source).test(document.querySelector(sel)?.textContent ?? ''),
    { timeout: 30_000 },
    selector,
    expected.source,
  );
  return text(page, selector);
}

async function openPopup(): Promise<Page> {
  const page = await env.session.openPopup();
  await page.setViewport({ width: 460, height: 590 });
  return page;
}

beforeAll(async () => {
  buildDir = await buildWithClientId();
  env = await startE2eEnvironment({ extensionDir: join(buildDir, 'out', 'chrome-mv3') });
  env.front.oauth.redirectUrl = await env.session.worker.evaluate(() => (globalThis as ExtensionGlobal).chrome.identity.getRedirectURL());
}, 120_000);

afterAll(async () => {
  await env?.close();
  if (buildDir) await rm(buildDir, { recursive: true, force: true });
});

describe('popup on the recorded 52-entry list', () => {
  it('scan by user name lists sequels', async () => {
    const page = await openPopup();
    expect(await text(page, '[data-testid="no-scan-yet"]')).toContain('No scan yet');
    await page.type('[data-testid="username-input"]', 'Boilerplate');
    await page.click('[data-testid="scan-button"]');

    expect(await waitForText(page, '[data-testid="result-count"]', /^10 missing sequels$/)).toBe('10 missing sequels');
    expect(await cardIds(page)).toContain(32);
    expect(await text(page, '[data-testid="last-scan"]')).toMatch(/^Last scan of Boilerplate: /);
    const lists = env.fake.requests.filter((request) => request.operationName !== null);
    expect(lists.length).toBeGreaterThan(0);
    await page.close();
  });

  it('reopened popup paints stored results', async () => {
    const before = env.fake.requests.length;
    const page = await openPopup();
    await waitForText(page, '[data-testid="result-count"]', /missing sequels/);
    expect(env.fake.requests.length).toBe(before);
    await page.close();
  });

  it('format filter narrows the list', async () => {
    const page = await openPopup();
    await waitForText(page, '[data-testid="result-count"]', /missing sequels/);
    await page.click('[data-testid="filters-button"]');
    await page.click('[data-testid="filter-format-MOVIE"]');
    expect(await text(page, '[data-testid="result-count"]')).toBe('Showing 3 of 10');
    expect((await cardIds(page)).sort((a, b) => a - b)).toEqual([32, 105143, 161474]);
    await page.type('[data-testid="search-input"]', 'stampede');
    expect(await text(page, '[data-testid="result-count"]')).toBe('Showing 1 of 10');
    expect(await cardIds(page)).toEqual([105143]);
    await page.close();
  });

  it('ignore and undo', async () => {
    const page = await openPopup();
    await waitForText(page, '[data-testid="result-count"]', /^10 missing sequels$/);
    await page.click('[data-testid="sequel-card"][data-media-id="32"] [data-testid="ignore"]');
    await page.waitForSelector('[data-testid="undo-bar"]');
    expect(await text(page, '[data-testid="result-count"]')).toBe('9 missing sequels');
    expect(await cardIds(page)).not.toContain(32);

    // A popup opened now reads the ignore from the background.
    const second = await openPopup();
    expect(await waitForText(second, '[data-testid="result-count"]', /^9 missing sequels$/)).toBe('9 missing sequels');
    await second.close();

    await page.click('[data-testid="undo-ignore"]');
    await page.waitForSelector('[data-testid="sequel-card"][data-media-id="32"]');
    const third = await openPopup();
    expect(await waitForText(third, '[data-testid="result-count"]', /^10 missing sequels$/)).toBe('10 missing sequels');
    await third.close();
    await page.close();
  });

  it('log in and add to Planning', async () => {
    const page = await openPopup();
    await page.click('[data-testid="login-button"]');
    expect(await waitForText(page, '[data-testid="viewer-name"]', /Boilerplate/)).toBe('Boilerplate');
    await page.waitForSelector('[data-testid="logout-button"]');
    await page.click('[data-testid="scan-button"]');
    await waitForText(page, '[data-testid="result-count"]', /^10 missing sequels$/);

    const saves = () => env.fake.requests.filter((request) => request.operationName === 'SaveToPlanning');
    expect(saves()).toHaveLength(0);
    await page.click('[data-testid="sequel-card"][data-media-id="105143"] [data-testid="add-to-planning"]');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-media-id="105143"] [data-testid="added-to-planning"]') !== null ||
        document.querySelector('[data-media-id="105143"]') === null,
      { timeout: 30_000 },
    );
    expect(saves()).toHaveLength(1);
    expect(saves()[0]?.variables).toEqual({ mediaId: 105143 });
    const boilerplate = env.fake.data.users.find((user) => user.name === 'Boilerplate');
    expect(boilerplate?.lists.ANIME.find((entry) => entry.mediaId === 105143)?.status).toBe('PLANNING');
    await page.close();
  });
});
