import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { measureCliPeakMemory } from './cli-memory';
import { measureContentScript } from './content-script';
import { measurePopupPaint } from './popup-paint';
import { renderPage } from './report';
import { measureSize, type SizeFigures } from './scan-figures';

const SIZES = [100, 1_000, 5_000, 11_000];
const CLI_SIZE = 11_000;
/** Peak RSS differs by up to about 25 MiB between runs of the same list, so the page shows several. */
const CLI_RUNS = 5;

const started = performance.now();
const loadAtStart = loadavg()[0]!;
const rows: SizeFigures[] = [];
for (const size of SIZES) {
  process.stderr.write(`measuring ${size} entries...\n`);
  rows.push(await measureSize(size));
}
process.stderr.write(`measuring the command line tool on ${CLI_SIZE} entries, ${CLI_RUNS} runs...\n`);
const memory = await measureCliPeakMemory(CLI_SIZE, CLI_RUNS);

// The browser measurements load the production build of the extension.
process.stderr.write('building the extension...\n');
execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
process.stderr.write('measuring the popup\'s first paint in Chromium...\n');
const popupLines = await measurePopupPaint();
process.stderr.write('measuring the content script in Chromium...\n');
const contentScriptLines = await measureContentScript();

const page = renderPage(rows, memory, [popupLines, contentScriptLines], {
  durationSeconds: (performance.now() - started) / 1000,
  loadAtStart,
  loadAtEnd: loadavg()[0]!,
});
await writeFile(new URL('../docs/BENCHMARKS.md', import.meta.url), page, 'utf8');
process.stdout.write(page);
