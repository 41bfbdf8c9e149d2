import type { Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  countHosts, loginAndScan, openSitePage, type PagesSession, shadowTexts, startPagesSession, waitForRender,
} from '../pages/browser-session';
import { LONG_LIST_PATH, longListRoute } from '../fixtures/pages/site';

/**
 * The content script on fixture anilist.co pages in Chromium, with the real background and the
 * fake AniList: logged in as Boilerplate, whose recorded list has 10 missing sequels.
 */

let session: PagesSession;
let page: Page | null = null;

beforeAll(async () => {
  // 300 rows, 200 of them with a missing sequel.
  session = await startPagesSession({ extraRoutes: [longListRoute(20)], extraPaths: [LONG_LIST_PATH] });
  await loginAndScan(session);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

afterEach(async () => {
  await page?.close();
  page = null;
});

/** GraphQL requests the fake AniList has received so far. */
function anilistRequests(): number {
  return session.env.fake.requests.length;
}

/** Follows a link the way a user does; the fixture app turns it into history.pushState. */
async function clickLink(target: Page, selector: string, path: string): Promise<void> {
  await target.click(selector);
  await waitForRender(target, path);
}

describe('own pages from stored results', () => {
  it('profile panel sends no AniList request', async () => {
    const before = anilistRequests();
    page = await openSitePage(session, '/user/Boilerplate/');

    const [text] = await shadowTexts(page, 'missing-sequels-panel');

    expect(text).toContain('Missing Sequels');
    expect(text).toContain('10 missing · anime');
    expect(text).toContain('Sequel of Shin Seiki Evangelion');
    expect(anilistRequests()).toBe(before);
  });

  it('list markers send no AniList request', async () => {
    const before = anilistRequests();
    page = await openSitePage(session, '/user/Boilerplate/animelist');

    const texts = await shadowTexts(page, 'sequel-marker', 10);

    expect(texts).toHaveLength(10);
    expect(texts.every((text) => text.startsWith('+1'))).toBe(true);
    expect(anilistRequests()).toBe(before);
  });

  it('marker keeps the row height', async () => {
    page = await openSitePage(session, '/user/Boilerplate/animelist');
    await shadowTexts(page, 'sequel-marker', 10);

    const heights = await page.$$eval('.entry.row', (rows) =>
      rows.map((row) => ({ marked: row.querySelector('[data-testid="sequel-marker"]') !== null, height: row.getBoundingClientRect().height })),
    );
    const marked = new Set(heights.filter((row) => row.marked).map((row) => row.height));
    const unmarked = new Set(heights.filter((row) => !row.marked).map((row) => row.height));

    expect([...marked]).toEqual([...unmarked]);
  });

  it('marker names the sequel on focus', async () => {
    page = await openSitePage(session, '/user/Boilerplate/animelist');
    await shadowTexts(page, 'sequel-marker', 10);

    await page.$eval('a[href^="/anime/142838/"] + [data-testid="sequel-marker"]', (host) => host.shadowRoot?.querySelector('button')?.focus());
    const tooltip = await page.$eval('a[href^="/anime/142838/"] + [data-testid="sequel-marker"]', (host) => {
      const element = host.shadowRoot?.querySelector('[role="tooltip"]');
      return { open: element?.matches(':popover-open') ?? false, text: element?.textContent ?? '' };
    });

    expect(tooltip.open).toBe(true);
    expect(tooltip.text).toContain('SPY×FAMILY Season 2');
  });
});

describe('long list', () => {
  it('marks rows as they scroll near', async () => {
    page = await openSitePage(session, LONG_LIST_PATH);
    await shadowTexts(page, 'sequel-marker', 10);
    const lastSource = '.entry.row:nth-last-child(3) .title > a';
    expect(await page.$eval(lastSource, (link) => link.getAttribute('href'))).toBe('/anime/154967/Seishun-Buta-Yarou-wa-Odekake-Sister-no-Yume-wo-Minai/');

    const early = await countHosts(page, 'sequel-marker');
    expect(early).toBeLessThan(200);
    expect(await page.$eval(lastSource, (link) => link.nextElementSibling?.getAttribute('data-testid') ?? null)).toBeNull();

    await page.$eval(lastSource, (link) => link.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.nextElementSibling?.getAttribute('data-testid') === 'sequel-marker',
      { timeout: 10_000 },
      lastSource,
    );
    expect(await countHosts(page, 'sequel-marker')).toBeGreaterThan(early);
  });
});

describe('navigation without reloads', () => {
  it('profile, list, media and back', async () => {
    page = await openSitePage(session, '/user/Boilerplate/');
    await shadowTexts(page, 'missing-sequels-panel');
    await page.evaluate(() => {
      (window as { loadMarker?: string }).loadMarker = 'first load';
    });

    await clickLink(page, '.user .nav a[href$="/animelist"]', '/user/Boilerplate/animelist');
    expect(await shadowTexts(page, 'sequel-marker', 10)).toHaveLength(10);
    expect(await countHosts(page, 'missing-sequels-panel')).toBe(0);

    await clickLink(page, 'a[href="/anime/142838/SPY-FAMILY-Part-2/"]', '/anime/142838/SPY-FAMILY-Part-2/');
    const [note] = await shadowTexts(page, 'next-in-franchise');
    expect(note).toContain('Next in this franchise');
    expect(note).toContain('SPY×FAMILY Season 2');
    expect(await countHosts(page, 'sequel-marker')).toBe(0);

    await page.goBack();
    await waitForRender(page, '/user/Boilerplate/animelist');
    expect(await shadowTexts(page, 'sequel-marker', 10)).toHaveLength(10);
    expect(await countHosts(page, 'next-in-franchise')).toBe(0);

    expect(await page.evaluate(() => (window as { loadMarker?: string }).loadMarker)).toBe('first load');
  });
});

describe('site theme', () => {
  const themes = [
    { bodyClass: 'site-theme-dark', theme: 'dark', box: 'rgb(21, 31, 46)' },
    { bodyClass: 'site-theme-contrast', theme: 'contrast', box: 'rgb(255, 255, 255)' },
    { bodyClass: '', theme: 'light', box: 'rgb(250, 250, 250)' },
  ];

  it('panel follows each switch', async () => {
    page = await openSitePage(session, '/user/Boilerplate/');
    await shadowTexts(page, 'missing-sequels-panel');

    for (const { bodyClass, theme, box } of themes) {
      await page.evaluate((name) => {
        document.body.className = name;
      }, bodyClass);
      await page.waitForFunction(
        (expected) =>
          document.querySelector('[data-testid="missing-sequels-panel"]')?.shadowRoot?.querySelector('[data-theme]')?.getAttribute('data-theme') ===
          expected,
        {},
        theme,
      );
      const background = await page.$eval('[data-testid="missing-sequels-panel"]', (host) => {
        const panelBox = host.shadowRoot?.querySelector('[data-theme] > div:nth-of-type(2)');
        return panelBox === null || panelBox === undefined ? null : getComputedStyle(panelBox).backgroundColor;
      });
      expect({ theme, background }).toEqual({ theme, background: box });
    }
  });
});

describe("someone else's profile", () => {
  it('scans on request only', async () => {
    const before = anilistRequests();
    page = await openSitePage(session, '/user/Warps/');
    const [intro] = await shadowTexts(page, 'missing-sequels-panel');
    expect(intro).toContain("Find the sequels missing from Warps's anime list.");
    expect(anilistRequests()).toBe(before);

    await page.$eval('[data-testid="missing-sequels-panel"]', (host) => host.shadowRoot?.querySelector('button')?.click());
    await page.waitForFunction(
      () => /Scanned /.test(document.querySelector('[data-testid="missing-sequels-panel"]')?.shadowRoot?.textContent ?? ''),
      { timeout: 30_000 },
    );

    const names = session.env.fake.requests.slice(before).map((request) => request.operationName);
    expect(names.length).toBeGreaterThan(0);
    const [text] = await shadowTexts(page, 'missing-sequels-panel');
    expect(text).toMatch(/\d+ missing · anime|No sequels are missing from this list\./);
  });

  const failures = [
    { path: '/user/PrivateUser/', message: "This user's list is private" },
    { path: '/user/NoSuchUser/', message: 'AniList has no user with that name' },
  ];
  for (const { path, message } of failures) {
    it(`explains ${path}`, async () => {
      page = await openSitePage(session, path);
      await shadowTexts(page, 'missing-sequels-panel');

      await page.$eval('[data-testid="missing-sequels-panel"]', (host) => host.shadowRoot?.querySelector('button')?.click());
      await page.waitForFunction(
        () => document.querySelector('[data-testid="missing-sequels-panel"]')?.shadowRoot?.querySelector('[role="alert"]') != null,
        { timeout: 30_000 },
      );

      const alert = await page.$eval('[data-testid="missing-sequels-panel"]', (host) => host.shadowRoot?.querySelector('[role="alert"]')?.textContent);
      expect(alert).toContain(message);
    });
  }
});

describe('narrow screen', () => {
  const paths = ['/user/Boilerplate/', '/user/Boilerplate/animelist', '/anime/142838/SPY-FAMILY-Part-2/'];
  for (const path of paths) {
    it(`no horizontal overflow at 360 px on ${path}`, async () => {
      page = await openSitePage(session, path, { width: 360, height: 740 });
      const testId = path.endsWith('animelist') ? 'sequel-marker' : path.startsWith('/anime/') ? 'next-in-franchise' : 'missing-sequels-panel';
      await shadowTexts(page, testId);

      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      const overflowing = await page.$$eval(`[data-testid="${testId}"]`, (hosts) =>
        hosts.filter((host) => host.getBoundingClientRect().right > window.innerWidth).length,
      );
      expect(overflowing).toBe(0);
    });
  }
});

// Last, because the add changes the list that the other tests read.
describe('media page', () => {
  it('adds the next sequel to Planning', async () => {
    page = await openSitePage(session, '/anime/142838/SPY-FAMILY-Part-2/');
    await shadowTexts(page, 'next-in-franchise');
    expect(await shadowTexts(page, 'missing-relation-mark')).toEqual(['Missing']);

    const saves = () => session.env.fake.requests.filter((request) => request.operationName === 'SaveToPlanning');
    expect(saves()).toHaveLength(0);
    await page.$eval('[data-testid="next-in-franchise"]', (host) => host.shadowRoot?.querySelector('button')?.click());
    await page.waitForFunction(
      () => document.querySelector('[data-testid="next-in-franchise"]')?.shadowRoot?.querySelector('button')?.textContent === 'Added to Planning',
      { timeout: 30_000 },
    );

    expect(saves()).toHaveLength(1);
    expect(saves()[0]?.variables).toEqual({ mediaId: 158927 });
    const boilerplate = session.env.fake.data.users.find((user) => user.name === 'Boilerplate');
    expect(boilerplate?.lists.ANIME.find((entry) => entry.mediaId === 158927)?.status).toBe('PLANNING');
  });
});
