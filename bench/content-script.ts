import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer';
import { loginAndScan, openSitePage, type PagesSession, startPagesSession, waitForRender } from '../tests/pages/browser-session';
import { LONG_LIST_PATH, longListRoute } from '../tests/fixtures/pages/site';

/**
 * The content script's budgets, measured in Chromium with the built extension on the fixture
 * anilist.co pages. They are its gzipped size (at most 25 KB), the time from the page rendering a
 * panel's anchor to the panel on screen (at most 300 ms), and the AniList requests sent while
 * viewing the own profile and list (none).
 */

const SIZE_BUDGET_BYTES = 25 * 1024;
const LATENCY_BUDGET_MS = 300;
const RUNS = 7;

/** Copies of the fixture list's 15 rows in the long list: 510 rows, 340 of them with a missing sequel. */
const LONG_LIST_COPIES = 34;

/** Ms from the route render to the panel's frame, and to the page's own first frame. */
interface Timing {
  panel: number;
  pageFrame: number | null;
}

interface LatencyCase {
  name: string;
  /** The page the timing starts from, loaded in full. */
  startPath: string;
  /** A link clicked on the start page for a navigation without reload, or null to time the page load itself. */
  linkSelector: string | null;
  path: string;
  testId: string;
  /**
   * Hosts to wait for; the timing ends when the last one is on screen. 'on-screen' waits for the
   * markers of the list rows inside the viewport, the ones a long list mounts first.
   */
  count: number | 'on-screen';
}

const CASES: LatencyCase[] = [
  { name: 'profile panel, page load', startPath: '/user/Boilerplate/', linkSelector: null, path: '/user/Boilerplate/', testId: 'missing-sequels-panel', count: 1 },
  { name: 'list markers, page load', startPath: '/user/Boilerplate/animelist', linkSelector: null, path: '/user/Boilerplate/animelist', testId: 'sequel-marker', count: 10 },
  {
    name: `markers on screen in a ${15 * LONG_LIST_COPIES}-row list, page load`,
    startPath: LONG_LIST_PATH,
    linkSelector: null,
    path: LONG_LIST_PATH,
    testId: 'sequel-marker',
    count: 'on-screen',
  },
  {
    name: 'media note, page load',
    startPath: '/anime/142838/SPY-FAMILY-Part-2/',
    linkSelector: null,
    path: '/anime/142838/SPY-FAMILY-Part-2/',
    testId: 'next-in-franchise',
    count: 1,
  },
  {
    name: 'list markers, after navigating from the profile',
    startPath: '/user/Boilerplate/',
    linkSelector: '.user .nav a[href$="/animelist"]',
    path: '/user/Boilerplate/animelist',
    testId: 'sequel-marker',
    count: 10,
  },
  {
    name: 'media note, after navigating from the list',
    startPath: '/user/Boilerplate/animelist',
    linkSelector: 'a[href="/anime/142838/SPY-FAMILY-Part-2/"]',
    path: '/anime/142838/SPY-FAMILY-Part-2/',
    testId: 'next-in-franchise',
    count: 1,
  },
];

/**
 * Waits until the fixture app has rendered the route and `count` hosts with `testId` are in the
 * page (each is mounted with its content), then one animation frame for the paint. Returns the ms
 * from the route render to that frame, and to the page's own first frame after the render.
 * `sources` are the media ids whose list rows get a marker.
 */
async function anchorToPanelMs(page: Page, path: string, testId: string, count: LatencyCase['count'], sources: number[]): Promise<Timing> {
  const handle = await page.waitForFunction(
    (expectedPath, id, expectedCount, sourceIds) =>
      new Promise<{ panel: number; pageFrame: number | null } | null>((resolve) => {
        const fixture = (
          window as { anilistFixture?: { renderedPath: string | null; renderedAt: number | null; paintedAt: number | null } }
        ).anilistFixture;
        // No named functions in here: tsx wraps them in a helper that the page does not have.
        const ready =
          expectedCount === 'on-screen'
            ? document.querySelector('.entry.row') !== null &&
              [...document.querySelectorAll('.entry.row')]
                .filter((row) => row.getBoundingClientRect().bottom > 0 && row.getBoundingClientRect().top < window.innerHeight)
                .filter((row) => sourceIds.includes(Number(/\/anime\/(\d+)\//.exec(row.querySelector('.title > a')?.getAttribute('href') ?? '')?.[1])))
                .every((row) => row.querySelector(`[data-testid="${id}"]`) !== null)
            : document.querySelectorAll(`[data-testid="${id}"]`).length >= expectedCount;
        if (fixture?.renderedPath !== expectedPath || fixture.renderedAt === null || !ready) {
          resolve(null);
          return;
        }
        const { renderedAt } = fixture;
        requestAnimationFrame(() =>
          resolve({
            panel: performance.now() - renderedAt,
            pageFrame: fixture.paintedAt === null ? null : fixture.paintedAt - renderedAt,
          }),
        );
      }),
    { timeout: 30_000, polling: 'mutation' },
    path,
    testId,
    count,
    sources,
  );
  return (await handle.jsonValue()) as Timing;
}

async function measureCase(session: PagesSession, test: LatencyCase, sources: number[]): Promise<Timing[]> {
  const times: Timing[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await openSitePage(session, test.startPath);
    try {
      if (test.linkSelector !== null) {
        // Let the start page's own panels settle first, so the timing covers the navigation alone.
        await page.waitForSelector('[data-testid]');
        await page.click(test.linkSelector);
        await waitForRender(page, test.path);
      }
      times.push(await anchorToPanelMs(page, test.path, test.testId, test.count, sources));
    } finally {
      await page.close();
    }
  }
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function gzippedSize(path: string): Promise<{ raw: number; gzipped: number }> {
  const bytes = await readFile(path);
  return { raw: bytes.length, gzipped: gzipSync(bytes).length };
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Counts the AniList requests sent while each own page is open and its panel shows. */
async function requestsOnOwnPages(session: PagesSession, sources: number[]): Promise<{ path: string; requests: number }[]> {
  const rows: { path: string; requests: number }[] = [];
  for (const [path, testId, count] of [
    ['/user/Boilerplate/', 'missing-sequels-panel', 1],
    ['/user/Boilerplate/animelist', 'sequel-marker', 10],
  ] as const) {
    const before = session.env.fake.requests.length;
    const page = await openSitePage(session, path);
    try {
      await anchorToPanelMs(page, path, testId, count, sources);
      rows.push({ path, requests: session.env.fake.requests.length - before });
    } finally {
      await page.close();
    }
  }
  return rows;
}

/** Measures the content script in Chromium and returns the lines of its section of docs/BENCHMARKS.md. */
export async function measureContentScript(): Promise<string[]> {
  const session = await startPagesSession({
    extraRoutes: [longListRoute(LONG_LIST_COPIES)],
    extraPaths: [LONG_LIST_PATH],
  });
  try {
    const state = await loginAndScan(session);
    const sources = (state.lastScan?.missing ?? []).flatMap((sequel) => sequel.from.map((source) => source.mediaId));
    // The panel CSS is bundled into the script; any other file of the entry (a stylesheet) counts too.
    const folder = join(session.extensionDir, 'content-scripts');
    const names = (await readdir(folder)).filter((name) => name.startsWith('anilist.')).sort();
    const files = await Promise.all(names.map(async (name) => ({ name, ...(await gzippedSize(join(folder, name))) })));
    const total = files.reduce((sum, file) => sum + file.gzipped, 0);
    const totalRaw = files.reduce((sum, file) => sum + file.raw, 0);

    const latencies: { test: LatencyCase; times: Timing[] }[] = [];
    for (const test of CASES) latencies.push({ test, times: await measureCase(session, test, sources) });
    const requests = await requestsOnOwnPages(session, sources);

    const verdict = (ok: boolean) => (ok ? 'within budget' : '**over budget**');
    return [
      '## Content script on anilist.co',
      '',
      'Measured by `bench/content-script.ts`: Chromium with the built extension (logged in as the fake',
      "AniList's Boilerplate, whose recorded 52-entry list has 10 missing sequels) on the fixture pages of",
      '`tests/fixtures/pages/`, served as https://anilist.co/.',
      '',
      '| file | raw | gzipped |',
      '| --- | ---: | ---: |',
      ...files.map((file) => `| content-scripts/${file.name} | ${kilobytes(file.raw)} | ${kilobytes(file.gzipped)} |`),
      `| total | ${kilobytes(totalRaw)} | ${kilobytes(total)} |`,
      '',
      `Budget 25 KB gzipped, the panel CSS included: ${verdict(total <= SIZE_BUDGET_BYTES)}.`,
      '',
      `Time from the page putting the anchor in the DOM to the panel on screen (the next animation frame), ${RUNS} runs each.`,
      "The last column is the page's own first frame after that render, with the extension's work in it:",
      '',
      '| case | median | max | budget 300 ms | page frame, median |',
      '| --- | ---: | ---: | --- | ---: |',
      ...latencies.map(({ test, times }) => {
        const panel = times.map((time) => time.panel);
        const frames = times.flatMap((time) => (time.pageFrame === null ? [] : [time.pageFrame]));
        const worst = Math.max(...panel);
        const frame = frames.length === 0 ? 'n/a' : `${median(frames).toFixed(0)} ms`;
        return `| ${test.name} | ${median(panel).toFixed(0)} ms | ${worst.toFixed(0)} ms | ${verdict(worst <= LATENCY_BUDGET_MS)} | ${frame} |`;
      }),
      '',
      'AniList requests while viewing the own pages (budget: none):',
      '',
      '| page | requests |',
      '| --- | ---: |',
      ...requests.map((row) => `| ${row.path} | ${row.requests} |`),
      '',
    ];
  } finally {
    await session.close();
  }
}
