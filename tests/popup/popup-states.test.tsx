import '../ui/support/dom-environment';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PopupModels } from '../../lib/ui/popup-models';
import { createFakeBackground, stateWith } from '../ui/support/fake-background';
import { ROW_PX, LIST_VIEWPORT_PX } from '../ui/support/dom-environment';
import { manyResults, seanimeResults } from '../ui/support/results';
import { NOW, renderPopup } from './render-popup';

let opened: PopupModels | undefined;
afterEach(() => {
  opened?.store.dispose();
  opened = undefined;
});

describe('popup states', () => {
  it('loading shows a status', async () => {
    const fake = createFakeBackground(stateWith([]));
    fake.hanging.add('getState');
    ({ models: opened } = await renderPopup(fake, { waitForState: false }));
    expect(screen.getByTestId('sequels-loading').textContent).toBe('Loading the last results…');
    expect(screen.getByRole('status').textContent).toContain('Loading');
  });

  it('load error offers a retry', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults()));
    fake.failures.set('getState', 'Could not establish connection. Receiving end does not exist.');
    ({ models: opened } = await renderPopup(fake));
    const banner = screen.getByTestId('load-error');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('Receiving end does not exist');

    fake.failures.delete('getState');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('result-count').textContent).toBe('10 missing sequels'));
    expect(screen.getAllByTestId('sequel-card').length).toBeGreaterThan(0);
    expect(screen.queryByTestId('load-error')).toBeNull();
  });

  it('no scan yet while logged out', async () => {
    const fake = createFakeBackground(stateWith(null, { login: null }));
    ({ models: opened } = await renderPopup(fake));
    expect(screen.getByTestId('no-scan-yet').textContent).toContain('Enter an AniList user name');
    expect(screen.getByTestId('login-button')).toBeTruthy();
    const scan = screen.getByTestId('scan-button') as HTMLButtonElement;
    expect(scan.disabled).toBe(true);

    fireEvent.input(screen.getByTestId('username-input'), { target: { value: 'Boilerplate' } });
    expect(scan.disabled).toBe(false);
    fireEvent.click(scan);
    await waitFor(() => expect(fake.typesSent()).toContain('startScan'));
    expect(fake.requests.find((request) => request.type === 'startScan')).toEqual({ type: 'startScan', userName: 'Boilerplate' });
  });

  const emptyCases = [
    { name: 'empty manga list', counts: { mediaType: 'MANGA' as const, entryCount: 0, sourceCount: 0 }, testId: 'empty-list', text: 'The manga list of Boilerplate is empty' },
    { name: 'no Planning source', counts: { entryCount: 52, sourceCount: 0 }, testId: 'no-source-entries', text: 'None of the 52 entries of the list is in a status chosen' },
  ];
  for (const { name, counts, testId, text } of emptyCases) {
    it(`${name} is not caught up`, async () => {
      const state = stateWith([]);
      const fake = createFakeBackground({ ...state, lastScan: { ...state.lastScan!, ...counts } });
      ({ models: opened } = await renderPopup(fake));
      expect(screen.getByTestId(testId).textContent).toContain(text);
      expect(screen.queryByTestId('all-caught-up')).toBeNull();
    });
  }

  it('empty results say caught up', async () => {
    const fake = createFakeBackground(stateWith([]));
    ({ models: opened } = await renderPopup(fake));
    expect(screen.getByTestId('all-caught-up').textContent).toContain('You are all caught up');
    expect(screen.queryByTestId('sequel-card')).toBeNull();
  });

  it('failed scan shows its message and action', async () => {
    const fake = createFakeBackground(
      stateWith(seanimeResults(), {
        scan: { phase: 'failed', userName: 'Boilerplate', finishedAt: NOW, error: { kind: 'network', message: 'AniList could not be reached.' } },
      }),
    );
    ({ models: opened } = await renderPopup(fake));
    const banner = screen.getByTestId('scan-error');
    expect(banner.textContent).toContain('The scan of Boilerplate failed. AniList could not be reached.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(fake.typesSent()).toContain('startScan'));
  });

  it('expiring login offers Log in', async () => {
    const base = stateWith([]);
    const fake = createFakeBackground({ ...base, login: { ...base.login!, expiry: 'expiring-soon', expiresAt: NOW + 3 * 86_400_000 } });
    ({ models: opened } = await renderPopup(fake));
    expect(screen.getByTestId('expiring-soon').textContent).toContain('Log in again');
    fireEvent.click(screen.getByTestId('relogin-button'));
    await waitFor(() => expect(fake.typesSent()).toContain('login'));
  });

  it('logged out disables Add to Planning', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults(), { login: null }));
    ({ models: opened } = await renderPopup(fake));
    const add = screen.getAllByTestId('add-to-planning')[0] as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    expect(add.title).toBe('Log in to add to Planning');
    expect(add.getAttribute('aria-label')).toMatch(/^Log in to add .+ to Planning$/);
  });

  it('add failure after logout offers Log in', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults()));
    fake.failures.set('addToPlanning', 'This action needs an AniList login.');
    ({ models: opened } = await renderPopup(fake));
    fireEvent.click(screen.getAllByTestId('add-to-planning')[0]!);
    await screen.findByTestId('action-error');
    expect(screen.queryByTestId('action-error-login')).toBeNull();
    fake.state = { ...fake.state, login: null };
    await opened!.store.refresh();
    fireEvent.click(await screen.findByTestId('action-error-login'));
    await waitFor(() => expect(fake.typesSent()).toContain('login'));
  });

  it('broken avatar shows the placeholder', async () => {
    const base = stateWith([]);
    const avatar = 'https://s4.anilist.co/file/anilistcdn/user/avatar/large/default.png';
    const fake = createFakeBackground({ ...base, login: { ...base.login!, viewer: { ...base.login!.viewer, avatar } } });
    ({ models: opened } = await renderPopup(fake));
    const header = screen.getByTestId('viewer-name').closest('form')!;
    const image = header.querySelector('img');
    expect(image?.getAttribute('src')).toBe(avatar);
    fireEvent.error(image!);
    await waitFor(() => expect(header.querySelector('img')).toBeNull());
    expect(header.querySelector('[aria-hidden="true"].size-8')).not.toBeNull();
  });

  it('invalid token asks to log in', async () => {
    const fake = createFakeBackground(
      stateWith(null, {
        login: null,
        scan: { phase: 'failed', userName: 'Boilerplate', finishedAt: NOW, error: { kind: 'invalid-token', message: 'Log in again.' } },
      }),
    );
    ({ models: opened } = await renderPopup(fake));
    const banner = screen.getByTestId('scan-error');
    fireEvent.click(banner.querySelector('button')!);
    await waitFor(() => expect(fake.typesSent()).toContain('login'));
  });

  it('running scan shows the rate-limit wait', async () => {
    const fake = createFakeBackground(
      stateWith(seanimeResults(), {
        scan: {
          phase: 'running',
          userName: 'Boilerplate',
          startedAt: NOW - 5_000,
          progress: { phase: 'relations', relationsNeeded: 40, relationsFromCache: 8, relationsFetched: 12 },
          requestsDone: 6,
          estimatedRemainingRequests: 2,
          wait: { reason: 'rate-limit', until: NOW + 12_000 },
        },
      }),
    );
    ({ models: opened } = await renderPopup(fake));
    const progress = screen.getByTestId('scan-progress');
    expect(progress.textContent).toContain('AniList asked to slow down: going on in 12 s');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('75');
    expect((screen.getByTestId('scan-button') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('cancel-scan'));
    await waitFor(() => expect(fake.typesSent()).toContain('cancelScan'));
  });

  it('running scan polls until it ends', async () => {
    const fake = createFakeBackground(
      stateWith([], {
        scan: {
          phase: 'running',
          userName: 'Boilerplate',
          startedAt: NOW,
          progress: { phase: 'list', relationsNeeded: 0, relationsFromCache: 0, relationsFetched: 0 },
          requestsDone: 0,
          estimatedRemainingRequests: null,
          wait: null,
        },
      }),
    );
    ({ models: opened } = await renderPopup(fake));
    expect(screen.getByTestId('scan-progress').textContent).toContain('Reading the list of Boilerplate');

    fake.state = stateWith(seanimeResults());
    await waitFor(() => expect(screen.getByTestId('result-count').textContent).toBe('10 missing sequels'));
    expect(screen.queryByTestId('scan-progress')).toBeNull();
    expect(screen.getByTestId('last-scan').textContent).toBe('Last scan of Boilerplate: 3 minutes ago');
  });
});

describe('popup with many results', () => {
  it('1,000 results render a window', async () => {
    const fake = createFakeBackground(stateWith(manyResults(1000)));
    ({ models: opened } = await renderPopup(fake));
    expect(screen.getByTestId('result-count').textContent).toBe('1,000 missing sequels');
    expect(screen.getByTestId('tab-sequels').textContent).toBe('Sequels (1,000)');

    const rows = document.querySelectorAll('[data-index]');
    // A screenful plus the overscan on the far side, far fewer than 1,000 plus the headers.
    expect(rows.length).toBeGreaterThan(Math.floor(LIST_VIEWPORT_PX / ROW_PX));
    expect(rows.length).toBeLessThan(20);
    expect(screen.getAllByTestId('franchise-header').length).toBeGreaterThan(0);
  });

  it('search narrows 1,000 results', async () => {
    const fake = createFakeBackground(stateWith(manyResults(1000)));
    ({ models: opened } = await renderPopup(fake));
    fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'cowboy bebop' } });
    await waitFor(() => expect(screen.getByTestId('result-count').textContent).toMatch(/^Showing \d+ of 1,000$/));
    for (const card of screen.getAllByTestId('sequel-card')) expect(card.textContent).toMatch(/Cowboy Bebop/i);
  });
});

describe('popup in Brazilian Portuguese', () => {
  it('settings language picks pt-BR', async () => {
    const state = stateWith(seanimeResults());
    state.settings.language = 'pt-BR';
    const fake = createFakeBackground(state);
    ({ models: opened } = await renderPopup(fake));
    expect(screen.getByTestId('result-count').textContent).toBe('10 continuações faltando');
    expect(screen.getByTestId('last-scan').textContent).toBe('Último scan de Boilerplate: há 3 minutos');
    expect(screen.getAllByTestId('add-to-planning')[0]?.textContent).toBe('Adicionar ao Planning');
    expect(document.documentElement.lang).toBe('pt-BR');
  });

  it('browser language picks pt-BR', async () => {
    const fake = createFakeBackground(stateWith([]));
    ({ models: opened } = await renderPopup(fake, { browserLanguage: 'pt-PT' }));
    expect(screen.getByTestId('all-caught-up').textContent).toContain('Você está em dia');
  });
});
