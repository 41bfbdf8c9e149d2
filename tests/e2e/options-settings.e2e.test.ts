import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, startE2eEnvironment } from './support/environment';

let env: E2eEnvironment;

async function waitForText(page: Page, selector: string, expected: RegExp): Promise<string> {
  await page.waitForFunction(
    (sel, source) => new RegExp(source).test(document.querySelector(sel)?.textContent ?? ''),
    { timeout: 30_000 },
    selector,
    expected.source,
  );
  return page.$eval(selector, (element) => element.textContent ?? '');
}

async function scanBoilerplate(): Promise<Page> {
  const popup = await env.session.openPopup();
  await popup.waitForSelector('[data-testid="username-input"]');
  await popup.$eval('[data-testid="username-input"]', (input) => ((input as HTMLInputElement).value = ''));
  await popup.type('[data-testid="username-input"]', 'Boilerplate');
  await popup.click('[data-testid="scan-button"]');
  return popup;
}

/** Clicks the checkbox labelled `label` inside the fieldset with data-testid `group`. */
async function toggleOption(page: Page, group: string, label: string): Promise<void> {
  const clicked = await page.$$eval(
    `[data-testid="${group}"] label`,
    (labels, wanted) => {
      const match = labels.find((item) => item.textContent?.trim() === wanted);
      match?.querySelector('input')?.click();
      return match !== undefined;
    },
    label,
  );
  if (!clicked) throw new Error(`No option "${label}" in ${group}.`);
}

beforeAll(async () => {
  env = await startE2eEnvironment();
});

afterAll(async () => {
  await env?.close();
});

describe('options page', () => {
  it('excluding a format changes the results', async () => {
    const first = await scanBoilerplate();
    expect(await waitForText(first, '[data-testid="result-count"]', /^10 missing sequels$/)).toBe('10 missing sequels');
    await first.close();

    const options = await env.session.openOptions();
    await options.waitForSelector('[data-testid="formats"]');
    await toggleOption(options, 'formats', 'Movie');
    expect(await waitForText(options, '[data-testid="options-notice"]', /Saved/)).toContain('Saved.');

    const second = await scanBoilerplate();
    expect(await waitForText(second, '[data-testid="result-count"]', /^7 missing sequels$/)).toBe('7 missing sequels');
    const formats = await second.$$eval('[data-testid="sequel-card"] p', (lines) => lines.map((line) => line.textContent ?? ''));
    expect(formats.some((line) => line.startsWith('Movie'))).toBe(false);

    // The notice is cleared by each new action, so this waits for the second save itself, and
    // waitForFunction polls on animation frames, which a tab behind the popup does not get.
    await options.bringToFront();
    await toggleOption(options, 'formats', 'Movie');
    await waitForText(options, '[data-testid="options-notice"]', /Saved/);
    await options.close();
    await second.close();
  });

  it('language choice reaches the popup', async () => {
    const options = await env.session.openOptions();
    await options.waitForSelector('[data-testid="language-select"]');
    await options.select('[data-testid="language-select"]', 'pt-BR');
    expect(await waitForText(options, 'h1', /Opções/)).toBe('Opções do Sequel Finder');

    const popup = await env.session.openPopup();
    expect(await waitForText(popup, '[data-testid="tab-sequels"]', /Continuações/)).toMatch(/^Continuações/);
    expect(await popup.$eval('html', (html) => html.lang)).toBe('pt-BR');

    await options.select('[data-testid="language-select"]', 'en');
    await waitForText(options, 'h1', /Sequel Finder options/);
    await popup.close();
    await options.close();
  });

  it('bad backup changes nothing', async () => {
    const options = await env.session.openOptions();
    const input = await options.waitForSelector('[data-testid="import-backup"]');
    const before = await options.$eval('[data-testid="scan-interval"]', (select) => (select as HTMLSelectElement).value);
    await options.evaluate(() => {
      const field = document.querySelector('[data-testid="import-backup"]') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File(['{"format":"other-app"}'], 'other.json', { type: 'application/json' }));
      field.files = transfer.files;
      field.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(input).not.toBeNull();
    expect(await waitForText(options, '[data-testid="import-rejected"]', /not a Sequel Finder backup/)).toContain(
      'The file is not a Sequel Finder backup',
    );
    expect(await options.$('[data-testid="confirm-dialog"]')).toBeNull();
    expect(await options.$eval('[data-testid="scan-interval"]', (select) => (select as HTMLSelectElement).value)).toBe(before);
    await options.close();
  });
});
