import { cpus } from 'node:os';
import type { Page } from 'puppeteer';
import { startE2eEnvironment } from '../tests/e2e/support/environment';
import { buildSyntheticList } from './synthetic-list';

/**
 * First paint of the popup with about 1,000 stored results, in Debian's Chromium with the built
 * extension (`.output/chrome-mv3`, so run `npm run build` first). A synthetic list of 2,500
 * entries is scanned once through the fake AniList. Then the popup is opened again and again
 * from the stored results, which needs no AniList request.
 */

/** List entries of the synthetic list; its scan finds a little over 1,000 missing sequels. */
export const POPUP_BENCH_LIST_SIZE = 2_500;
const RUNS = 12;

interface PaintTimes {
  /** The browser's first-contentful-paint, in ms after navigation start. */
  firstContentfulPaint: number;
  /** When the first sequel card was in the document and a frame was painted after it. */
  firstCardPainted: number;
}

/** Records, from navigation start, when the first sequel card is painted. Runs in the page before its scripts. */
function watchFirstCard(): void {
  const record = (globalThis as unknown as { firstCardPainted?: number });
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="sequel-card"]') === null) return;
    observer.disconnect();
    // Two frames: the first runs before the paint of the frame that contains the card.
    requestAnimationFrame(() => requestAnimationFrame(() => (record.firstCardPainted = performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function measureOnce(page: Page, url: string): Promise<PaintTimes> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (globalThis as unknown as { firstCardPainted?: number }).firstCardPainted !== undefined, {
    timeout: 30_000,
  });
  return page.evaluate(() => ({
    firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    firstCardPainted: (globalThis as unknown as { firstCardPainted: number }).firstCardPainted,
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Measures the popup's first paint and returns the benchmark page's markdown lines. */
export async function measurePopupPaint(): Promise<string[]> {
  const synthetic = buildSyntheticList(POPUP_BENCH_LIST_SIZE);
  const env = await startE2eEnvironment({ fake: { data: synthetic.data } });
  try {
    const scan = await env.session.openPopup();
    await scan.type('[data-testid="username-input"]', synthetic.userName);
    await scan.click('[data-testid="scan-button"]');
    await scan.waitForSelector('[data-testid="result-count"]', { timeout: 300_000 });
    const countText = await scan.$eval('[data-testid="result-count"]', (element) => element.textContent ?? '');
    await scan.close();
    const requestsAfterScan = env.fake.requests.length;

    const url = `chrome-extension://${env.session.extensionId}/popup.html`;
    const runs: PaintTimes[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const page = await env.session.browser.newPage();
      await page.setViewport({ width: 460, height: 590 });
      await page.evaluateOnNewDocument(watchFirstCard);
      runs.push(await measureOnce(page, url));
      await page.close();
    }
    const requestsWhileOpening = env.fake.requests.length - requestsAfterScan;

    // The first run also starts the extension's page process and is reported apart.
    const [first, ...warm] = runs;
    const fcp = warm.map((times) => times.firstContentfulPaint);
    const card = warm.map((times) => times.firstCardPainted);
    const format = (value: number) => `${value.toFixed(0)} ms`;
    return [
      '## Popup first paint',
      '',
      `Command: \`npm run bench\` (bench/popup-paint.ts). Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Debian Chromium, headless.`,
      `Stored results: ${countText} from a scan of a synthetic ${POPUP_BENCH_LIST_SIZE.toLocaleString('en')}-entry list. AniList requests while opening the popup ${RUNS} times: ${requestsWhileOpening}.`,
      '',
      '| measure | first open | median of the next ' + warm.length + ' | max of the next ' + warm.length + ' | target |',
      '| --- | --- | --- | --- | --- |',
      `| first contentful paint | ${format(first!.firstContentfulPaint)} | ${format(median(fcp))} | ${format(Math.max(...fcp))} | |`,
      `| first sequel card painted | ${format(first!.firstCardPainted)} | ${format(median(card))} | ${format(Math.max(...card))} | under 200 ms |`,
      '',
    ];
  } finally {
    await env.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measurePopupPaint().then(
    (lines) => console.log(lines.join('\n')),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
