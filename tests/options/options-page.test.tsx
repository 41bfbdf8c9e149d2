import '../ui/support/dom-environment';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../entrypoints/options/App';
import type { IgnoredItem } from '../../lib/ignored/shards';
import { createBackup, serializeBackup } from '../../lib/settings/backup';
import { defaultSettings } from '../../lib/settings/schema';
import { createAccountModel } from '../../lib/ui/account-model';
import { createBackgroundStore } from '../../lib/ui/background-store';
import { createOptionsModel, type OptionsModel } from '../../lib/ui/options-model';
import { createFakeBackground, type FakeBackground, stateWith } from '../ui/support/fake-background';
import { seanimeResults } from '../ui/support/results';

let opened: OptionsModel | undefined;
afterEach(() => {
  opened?.dispose();
  opened = undefined;
});

beforeAll(() => {
  // happy-dom's <dialog> has no showModal; the page only needs it to open.
  if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
    HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  }
});

const IGNORED: IgnoredItem[] = [
  { mediaId: 163146, title: 'Blue Lock 2nd Season', ignoredAt: Date.UTC(2024, 6, 1) },
  { mediaId: 32, title: 'The End of Evangelion', ignoredAt: Date.UTC(2024, 5, 1) },
];

async function renderOptions(fake: FakeBackground) {
  fake.ignored = structuredClone(IGNORED);
  const store = createBackgroundStore(fake.send, { browserLanguage: 'en-US' });
  const listeners = new Set<(items: IgnoredItem[]) => void>();
  const model = createOptionsModel(store, fake.send, {
    list: async () => structuredClone(fake.ignored),
    subscribe: (callback) => {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  });
  opened = model;
  await store.refresh();
  render(<OptionsApp model={model} account={createAccountModel(store, fake.send)} />);
  await screen.findAllByTestId('ignored-item');
  return model;
}

function lastSaved(fake: FakeBackground) {
  const saves = fake.requests.filter((request) => request.type === 'saveSettings');
  return saves.at(-1)?.settings;
}

describe('finder settings', () => {
  it('unchecking a format excludes it', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults()));
    await renderOptions(fake);
    fireEvent.click(within(screen.getByTestId('formats')).getByLabelText('Movie'));
    await waitFor(() => expect(lastSaved(fake)?.excludedFormats).toEqual(['MOVIE', 'MUSIC']));
    expect((await screen.findByTestId('options-notice')).textContent).toContain('Saved.');
  });

  it('source statuses and relations are saved', async () => {
    const fake = createFakeBackground(stateWith([]));
    await renderOptions(fake);
    fireEvent.click(within(screen.getByTestId('source-statuses')).getByLabelText('Planning'));
    await waitFor(() => expect(lastSaved(fake)?.sourceStatuses).toEqual(['CURRENT', 'COMPLETED', 'REPEATING']));
    fireEvent.click(within(screen.getByTestId('relations')).getByLabelText('Side story'));
    await waitFor(() => expect(lastSaved(fake)?.relations).toEqual(['SEQUEL', 'SIDE_STORY']));
  });

  it('removing the last relation is refused', async () => {
    const fake = createFakeBackground(stateWith([]));
    await renderOptions(fake);
    fireEvent.click(within(screen.getByTestId('relations')).getByLabelText('Sequel'));
    const notice = await screen.findByTestId('options-notice');
    expect(notice.dataset.kind).toBe('invalid');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(fake.typesSent()).not.toContain('saveSettings');
    expect((within(screen.getByTestId('relations')).getByLabelText('Sequel') as HTMLInputElement).checked).toBe(true);
  });

  const lastItemCases = [
    { name: 'last status in English', language: 'en' as const, group: 'source-statuses', only: ['COMPLETED'], label: 'Completed', sentence: 'Keep at least one status to start from.' },
    { name: 'last status in Portuguese', language: 'pt-BR' as const, group: 'source-statuses', only: ['COMPLETED'], label: 'Completed', sentence: 'Mantenha pelo menos um status de partida.' },
    { name: 'last relation in English', language: 'en' as const, group: 'relations', only: null, label: 'Sequel', sentence: 'Keep at least one relation type to follow.' },
  ];
  for (const { name, language, group, only, label, sentence } of lastItemCases) {
    it(`unchecking ${name} says what to keep`, async () => {
      const settings = { ...defaultSettings(), language, ...(only === null ? {} : { sourceStatuses: only as ['COMPLETED'] }) };
      const fake = createFakeBackground(stateWith([], { settings }));
      await renderOptions(fake);
      const checkbox = within(screen.getByTestId(group)).getAllByRole('checkbox').find((box) => box.closest('label')?.textContent?.trim() === label);
      if (checkbox === undefined) throw new Error(`No checkbox labelled ${label} in ${group}.`);
      fireEvent.click(checkbox);
      const notice = await screen.findByTestId('options-notice');
      expect(notice.textContent).toContain(sentence);
      expect(notice.textContent).not.toMatch(/Too small|expected array/);
      expect(fake.typesSent()).not.toContain('saveSettings');
    });
  }

  it('adult, announced, media type and auto add', async () => {
    const fake = createFakeBackground(stateWith([]));
    await renderOptions(fake);
    fireEvent.change(screen.getByTestId('include-adult'), { target: { value: 'show' } });
    await waitFor(() => expect(lastSaved(fake)?.includeAdult).toBe(true));
    fireEvent.click(screen.getByTestId('include-announced'));
    await waitFor(() => expect(lastSaved(fake)?.includeAnnounced).toBe(false));
    fireEvent.click(screen.getByTestId('media-type-MANGA'));
    await waitFor(() => expect(lastSaved(fake)?.mediaType).toBe('MANGA'));
    fireEvent.click(screen.getByTestId('auto-add'));
    await waitFor(() => expect(lastSaved(fake)?.autoAddToPlanning).toBe(true));
  });

  it('interval and notification kinds', async () => {
    const fake = createFakeBackground(stateWith([]));
    await renderOptions(fake);
    const interval = screen.getByTestId('scan-interval') as HTMLSelectElement;
    expect([...interval.options].map((option) => option.textContent)).toEqual([
      'Never', 'Every hour', 'Every 3 hours', 'Every 6 hours', 'Every 12 hours', 'Every day', 'Every 3 days', 'Every 7 days',
    ]);
    fireEvent.change(interval, { target: { value: '1440' } });
    await waitFor(() => expect(lastSaved(fake)?.scanIntervalMinutes).toBe(1440));
    fireEvent.click(screen.getByTestId('notify-startedAiring'));
    await waitFor(() => expect(lastSaved(fake)?.notifications).toEqual({ newSequels: true, startedAiring: false, newlyAnnounced: true }));
  });

  it('language switches the page', async () => {
    const fake = createFakeBackground(stateWith([]));
    await renderOptions(fake);
    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'pt-BR' } });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Opções do Sequel Finder'));
    expect(lastSaved(fake)?.language).toBe('pt-BR');
    expect(screen.getByRole('option', { name: 'Português (Brasil)' })).toBeTruthy();
  });
});

describe('ignored list', () => {
  it('unignore one', async () => {
    const fake = createFakeBackground(stateWith([]));
    await renderOptions(fake);
    const items = screen.getAllByTestId('ignored-item');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Blue Lock 2nd Season'),
      expect.stringContaining('The End of Evangelion'),
    ]);
    fireEvent.click(within(items[0]!).getByRole('button', { name: 'Show Blue Lock 2nd Season again' }));
    await waitFor(() => expect(screen.getAllByTestId('ignored-item')).toHaveLength(1));
    expect(fake.requests.at(-1)).toEqual({ type: 'unignore', mediaId: 163146, title: 'Blue Lock 2nd Season' });
  });

  it('clear asks first', async () => {
    const fake = createFakeBackground(stateWith([]));
    await renderOptions(fake);
    fireEvent.click(screen.getByTestId('clear-ignored'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('All 2 ignored sequels are shown again');
    fireEvent.click(within(dialog).getByTestId('confirm-cancel'));
    expect(fake.typesSent()).not.toContain('unignore');

    fireEvent.click(screen.getByTestId('clear-ignored'));
    fireEvent.click(screen.getByTestId('confirm-clear-ignored'));
    await screen.findByTestId('ignored-empty');
    expect(fake.typesSent().filter((type) => type === 'unignore')).toHaveLength(2);
    expect(screen.getByTestId('options-notice').textContent).toContain('2 sequels are shown again.');
  });
});

describe('dialog focus', () => {
  it('Escape returns focus to the opener', async () => {
    const fake = createFakeBackground(stateWith([]));
    await renderOptions(fake);
    const opener = screen.getByTestId('clear-ignored');
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByTestId('confirm-dialog');
    // A browser focuses the autofocus button on showModal; happy-dom does not.
    within(dialog).getByTestId('confirm-cancel').focus();
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
    expect(fake.typesSent()).not.toContain('unignore');
  });
});

describe('backup', () => {
  function chooseFile(text: string, name = 'backup.json') {
    const input = screen.getByTestId('import-backup') as HTMLInputElement;
    const file = new File([text], name, { type: 'application/json' });
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    fireEvent.change(input);
  }

  const rejects: { name: string; text: string; reason: string }[] = [
    { name: 'not JSON', text: '{ "format": ', reason: 'The file is not valid JSON' },
    { name: 'foreign file', text: '{"format":"other-app","version":1}', reason: 'The file is not a Sequel Finder backup' },
    {
      name: 'newer version',
      text: JSON.stringify({ format: 'sequel-finder-backup', version: 99 }),
      reason: 'made by a newer version of the extension',
    },
  ];
  for (const { name, text, reason } of rejects) {
    it(`rejects a ${name} and changes nothing`, async () => {
      const fake = createFakeBackground(stateWith([]));
      await renderOptions(fake);
      chooseFile(text);
      const rejected = await screen.findByTestId('import-rejected');
      expect(rejected.getAttribute('role')).toBe('alert');
      expect(rejected.textContent).toContain(reason);
      expect(fake.typesSent()).not.toContain('importBackup');
      expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    });
  }

  const sentenceCases = [
    {
      name: 'text ignored id in English',
      language: 'en' as const,
      changes: { ignored: [{ mediaId: '32', title: null, ignoredAt: 0 }] },
      sentences: ['Ignored sequel 1 has an invalid AniList id.'],
    },
    {
      name: 'bad interval in Portuguese',
      language: 'pt-BR' as const,
      changes: { settings: { version: 1, scanIntervalMinutes: 5 } },
      sentences: ['A configuração “scanIntervalMinutes” tem um valor inválido.'],
    },
    {
      name: 'newer backup in Portuguese',
      language: 'pt-BR' as const,
      changes: { version: 2 },
      sentences: ['O backup foi feito por uma versão mais nova da extensão (versão de backup 2). Atualize a extensão para importá-lo.'],
    },
  ];
  for (const { name, language, changes, sentences } of sentenceCases) {
    it(`rejected ${name} reads as sentences`, async () => {
      const fake = createFakeBackground(stateWith([], { settings: { ...defaultSettings(), language } }));
      await renderOptions(fake);
      chooseFile(JSON.stringify({ ...createBackup(defaultSettings(), [], Date.UTC(2024, 6, 1)), ...changes }));
      const rejected = await screen.findByTestId('import-rejected');
      const items = within(rejected).getAllByRole('listitem').map((item) => item.textContent);
      expect(items).toEqual(sentences);
      expect(rejected.textContent).not.toMatch(/default|padrão|Invalid input|received/);
    });
  }

  it('rejection clears the old Saved notice', async () => {
    const fake = createFakeBackground(stateWith([]));
    await renderOptions(fake);
    fireEvent.click(screen.getByTestId('include-announced'));
    await waitFor(() => expect(screen.getByTestId('options-notice').dataset.kind).toBe('saved'));
    chooseFile('{ "format": ');
    await screen.findByTestId('import-rejected');
    expect(screen.queryByTestId('options-notice')).toBeNull();
  });

  it('good file merges after confirmation', async () => {
    const fake = createFakeBackground(stateWith([]));
    await renderOptions(fake);
    const settings = { ...defaultSettings(), scanIntervalMinutes: 1440 };
    const text = serializeBackup(createBackup(settings, [{ mediaId: 21, title: 'ONE PIECE', ignoredAt: 1 }], Date.UTC(2024, 6, 1)));
    chooseFile(text);
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('has settings and one ignored sequel');
    expect(dialog.textContent).toContain('You have 2 ignored sequels now');
    fireEvent.click(within(dialog).getByTestId('import-merge'));
    await waitFor(() => expect(screen.getAllByTestId('ignored-item')).toHaveLength(3));
    expect(fake.requests.find((request) => request.type === 'importBackup')).toEqual({ type: 'importBackup', text, overwrite: false });
    expect(screen.getByTestId('options-notice').textContent).toContain('The backup was imported.');
    expect((screen.getByTestId('scan-interval') as HTMLSelectElement).value).toBe('1440');
  });

  it('export writes the current state', async () => {
    const fake = createFakeBackground(stateWith([]));
    const model = await renderOptions(fake);
    const text = await model.exportBackup(Date.UTC(2024, 6, 8));
    const parsed = JSON.parse(text) as { format: string; ignored: IgnoredItem[]; exportedAt: string };
    expect(parsed.format).toBe('sequel-finder-backup');
    expect(parsed.exportedAt).toBe('2024-07-08T00:00:00.000Z');
    expect(parsed.ignored).toEqual(IGNORED);
  });
});

describe('cache and account', () => {
  it('clear cache asks first', async () => {
    const fake = createFakeBackground(stateWith([]));
    await renderOptions(fake);
    fireEvent.click(screen.getByTestId('clear-cache'));
    fireEvent.click(screen.getByTestId('confirm-clear-cache'));
    await waitFor(() => expect(screen.getByTestId('options-notice').textContent).toContain('The cache is cleared.'));
    expect(fake.typesSent()).toContain('clearCache');
  });

  it('logged out saves the user name', async () => {
    const fake = createFakeBackground(stateWith([], { login: null }));
    await renderOptions(fake);
    expect(screen.getByTestId('login-button')).toBeTruthy();
    fireEvent.input(screen.getByTestId('username-input'), { target: { value: 'Boilerplate' } });
    fireEvent.click(screen.getByTestId('scan-button'));
    await waitFor(() => expect(fake.typesSent()).toContain('startScan'));
    expect(lastSaved(fake)?.scanUserName).toBe('Boilerplate');
    expect(fake.requests.find((request) => request.type === 'startScan')).toEqual({ type: 'startScan', userName: 'Boilerplate' });
  });

  it('failed save says why', async () => {
    const fake = createFakeBackground(stateWith([]));
    fake.failures.set('saveSettings', 'storage.sync is disabled.');
    await renderOptions(fake);
    fireEvent.click(screen.getByTestId('include-announced'));
    const notice = await screen.findByTestId('options-notice');
    expect(notice.textContent).toContain('Saving failed: storage.sync is disabled.');
    expect((screen.getByTestId('include-announced') as HTMLInputElement).checked).toBe(true);
  });
});
