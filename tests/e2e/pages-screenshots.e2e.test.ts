import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loginAndScan, openSitePage, type PagesSession, shadowTexts, startPagesSession } from '../pages/browser-session';

/**
 * Screenshots of the page panels in AniList's light and dark themes (and the contrast theme), on
 * the fixture pages. With SEQUEL_FINDER_SCREENSHOTS=1 they are saved as docs/screenshots/page-*.png;
 * otherwise they go to a temporary folder, so a test run leaves the repository as it was.
 */

const SAVE_TO_DOCS = process.env.SEQUEL_FINDER_SCREENSHOTS === '1';
let outDir: string;
let session: PagesSession;
let page: Page | null = null;

beforeAll(async () => {
  outDir = SAVE_TO_DOCS ? resolve(import.meta.dirname, '../../docs/screenshots') : await mkdtemp(join(tmpdir(), 'sequel-finder-shots-'));
  await mkdir(outDir, { recursive: true });
  session = await startPagesSession();
  await loginAndScan(session);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

afterEach(async () => {
  await page?.close();
  page = null;
});

const THEME_CLASSES = { light: '', dark: 'site-theme-dark', contrast: 'site-theme-contrast' } as const;
type Theme = keyof typeof THEME_CLASSES;

async function setTheme(target: Page, theme: Theme): Promise<void> {
  await target.evaluate((name) => {
    document.body.className = name;
  }, THEME_CLASSES[theme]);
  await target.waitForFunction(
    (expected) => [...document.querySelectorAll('[data-testid]')].every((host) => {
      const root = host.shadowRoot?.querySelector('[data-theme]');
      return root === null || root === undefined || root.getAttribute('data-theme') === expected;
    }),
    {},
    theme,
  );
}

/** Saves a screenshot of the element at `selector` and returns its path. */
async function shoot(target: Page, selector: string, name: string): Promise<string> {
  const element = await target.waitForSelector(selector);
  if (element === null) throw new Error(`Nothing to photograph: ${selector} is not on the page.`);
  const path = join(outDir, `${name}.png`) as `${string}.png`;
  await element.screenshot({ path });
  return path;
}

async function setLanguage(language: 'en' | 'pt-BR'): Promise<void> {
  const state = await session.state();
  const saved = await session.send({ type: 'saveSettings', settings: { ...state.settings, language } });
  if (!saved.ok) throw new Error(`Saving the language failed: ${saved.error?.message}`);
}

describe('page screenshots', () => {
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`profile panel in ${theme}`, async () => {
      page = await openSitePage(session, '/user/Boilerplate/');
      await shadowTexts(page, 'missing-sequels-panel');
      await setTheme(page, theme);

      expect(await shoot(page, '.user > .container', `page-profile-${theme}`)).toMatch(/\.png$/);
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`list markers in ${theme}`, async () => {
      page = await openSitePage(session, '/user/Boilerplate/animelist');
      await shadowTexts(page, 'sequel-marker', 10);
      await setTheme(page, theme);
      await page.$eval('a[href^="/anime/142838/"] + [data-testid="sequel-marker"]', (host) => host.shadowRoot?.querySelector('button')?.focus());

      // The tooltip lives in the top layer, so a viewport screenshot is taken instead of an element one.
      await page.$eval('a[href^="/anime/142838/"]', (link) => link.scrollIntoView({ block: 'center' }));
      const path = join(outDir, `page-list-${theme}.png`) as `${string}.png`;
      await page.screenshot({ path });
      expect(path).toMatch(/\.png$/);
    });

    it(`media note in ${theme}`, async () => {
      page = await openSitePage(session, '/anime/142838/SPY-FAMILY-Part-2/');
      await shadowTexts(page, 'next-in-franchise');
      await shadowTexts(page, 'missing-relation-mark');
      await setTheme(page, theme);

      expect(await shoot(page, '.media-page-unscoped > .content.container', `page-media-${theme}`)).toMatch(/\.png$/);
    });

    it(`other profile in ${theme}`, async () => {
      page = await openSitePage(session, '/user/Warps/');
      await shadowTexts(page, 'missing-sequels-panel');
      await setTheme(page, theme);

      expect(await shoot(page, '.user > .container', `page-other-profile-${theme}`)).toMatch(/\.png$/);
    });
  }

  it('narrow profile in pt-BR, dark', async () => {
    await setLanguage('pt-BR');
    try {
      page = await openSitePage(session, '/user/Boilerplate/', { width: 360, height: 740 });
      const [text] = await shadowTexts(page, 'missing-sequels-panel');
      expect(text).toContain('Continuações faltando');
      await setTheme(page, 'dark');
      await page.$eval('[data-testid="missing-sequels-panel"]', (host) => host.scrollIntoView({ block: 'start' }));

      const path = join(outDir, 'page-profile-narrow-pt-br-dark.png') as `${string}.png`;
      await page.screenshot({ path });
      expect(path).toMatch(/\.png$/);
    } finally {
      await setLanguage('en');
    }
  });
});
