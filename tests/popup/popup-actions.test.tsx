import '../ui/support/dom-environment';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PopupModels } from '../../lib/ui/popup-models';
import { createFakeBackground, stateWith } from '../ui/support/fake-background';
import { manyResults, seanimeResults } from '../ui/support/results';
import { renderPopup } from './render-popup';

let opened: PopupModels | undefined;
afterEach(() => {
  opened?.store.dispose();
  opened = undefined;
});

function cardOf(mediaId: number): HTMLElement {
  const card = document.querySelector<HTMLElement>(`[data-testid="sequel-card"][data-media-id="${mediaId}"]`);
  if (card === null) throw new Error(`No card for media ${mediaId} is rendered.`);
  return card;
}

function renderedIds(): number[] {
  return screen.getAllByTestId('sequel-card').map((card) => Number(card.dataset.mediaId));
}

describe('sequel cards', () => {
  it('card shows facts and what it follows', async () => {
    ({ models: opened } = await renderPopup(createFakeBackground(stateWith(seanimeResults()))));
    const card = cardOf(32);
    expect(within(card).getByRole('heading').textContent).toBe('Neon Genesis Evangelion: The End of Evangelion');
    expect(card.textContent).toContain('Movie · Released Jul 19, 1997');
    expect(card.textContent).toContain('After Neon Genesis Evangelion (Planning)');
    const link = within(card).getByRole('link', { name: 'Open Neon Genesis Evangelion: The End of Evangelion on AniList' });
    expect(link.getAttribute('href')).toBe('https://anilist.co/anime/32');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(card.querySelector('img')?.getAttribute('src')).toMatch(/^https:\/\/s4\.anilist\.co\//);
  });

  it('details show the synopsis as text', async () => {
    const results = manyResults(6);
    ({ models: opened } = await renderPopup(createFakeBackground(stateWith(results))));
    const first = renderedIds()[0]!;
    const sequel = results.find((item) => item.media.id === first)!;
    expect(sequel.media.description).toMatch(/<br|<i>/);

    const toggle = within(cardOf(first)).getByTestId('toggle-details');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const synopsis = within(cardOf(first)).getByTestId('synopsis');
    expect(synopsis.children).toHaveLength(0);
    expect(synopsis.textContent).not.toMatch(/<\/?[a-z]+/i);
    expect(synopsis.textContent!.length).toBeGreaterThan(40);
    expect(within(cardOf(first)).getByTestId('sequel-details').textContent).toContain(`${sequel.media.averageScore}%`);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('add to Planning sends one id', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults()));
    ({ models: opened } = await renderPopup(fake));
    fireEvent.click(within(cardOf(32)).getByTestId('add-to-planning'));
    await waitFor(() => expect(within(cardOf(32)).getByTestId('added-to-planning').textContent).toContain('On Planning'));
    expect(fake.requests.filter((request) => request.type === 'addToPlanning')).toEqual([{ type: 'addToPlanning', mediaIds: [32] }]);
    expect(within(cardOf(32)).queryByTestId('add-to-planning')).toBeNull();
  });

  it('failed add shows the reason', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults()));
    fake.failures.set('addToPlanning', 'This action needs an AniList login.');
    ({ models: opened } = await renderPopup(fake));
    fireEvent.click(within(cardOf(32)).getByTestId('add-to-planning'));
    const banner = await screen.findByTestId('action-error');
    expect(banner.textContent).toContain('Adding Neon Genesis Evangelion: The End of Evangelion to Planning failed: This action needs an AniList login.');
    expect(within(cardOf(32)).getByTestId('add-to-planning')).toBeTruthy();
  });

  it('failed add keeps the title after rescan', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults()));
    const answer = fake.send;
    // The background drops the media from its results while the request runs, then reports the failure.
    fake.send = (async (request: Parameters<typeof answer>[0]) => {
      if (request.type !== 'addToPlanning') return answer(request);
      fake.state = stateWith(seanimeResults().filter((sequel) => sequel.media.id !== 32));
      await opened?.store.refresh();
      return { added: [], failed: [{ mediaId: 32, message: 'AniList did not answer.' }] };
    }) as typeof answer;
    ({ models: opened } = await renderPopup(fake));
    fireEvent.click(within(cardOf(32)).getByTestId('add-to-planning'));
    const banner = await screen.findByTestId('action-error');
    expect(banner.textContent).toContain('Adding Neon Genesis Evangelion: The End of Evangelion to Planning failed: AniList did not answer.');
    expect(banner.textContent).not.toContain('#32');
  });

  it('ignore hides the card and undo restores it', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults()));
    ({ models: opened } = await renderPopup(fake));
    fireEvent.click(within(cardOf(32)).getByTestId('ignore'));
    await waitFor(() => expect(document.querySelector('[data-media-id="32"]')).toBeNull());
    expect(screen.getByTestId('result-count').textContent).toBe('9 missing sequels');
    expect(screen.getByTestId('undo-bar').textContent).toContain('Ignored Neon Genesis Evangelion: The End of Evangelion');
    await waitFor(() => expect(fake.ignored.map((item) => item.mediaId)).toEqual([32]));

    fireEvent.click(screen.getByTestId('undo-ignore'));
    await waitFor(() => expect(cardOf(32)).toBeTruthy());
    expect(fake.ignored).toEqual([]);
    expect(fake.typesSent().filter((type) => type === 'ignore' || type === 'unignore')).toEqual(['ignore', 'unignore']);
    expect(screen.queryByTestId('undo-bar')).toBeNull();
  });

  it('ignore moves focus to the next card', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults()));
    ({ models: opened } = await renderPopup(fake));
    const ids = renderedIds();
    const [first, second] = ids;
    const button = within(cardOf(first!)).getByTestId('ignore');
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(document.activeElement).toBe(cardOf(second!)));

    const undoBar = screen.getByTestId('undo-bar');
    expect(undoBar.compareDocumentPosition(screen.getByTestId('sequel-list')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(screen.getByTestId('undo-ignore'));
    await waitFor(() => expect(document.activeElement).toBe(cardOf(first!)));
  });

  it('ignoring the last card focuses the previous', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults().slice(0, 2)));
    ({ models: opened } = await renderPopup(fake));
    const [first, last] = renderedIds();
    fireEvent.click(within(cardOf(last!)).getByTestId('ignore'));
    await waitFor(() => expect(document.activeElement).toBe(cardOf(first!)));
  });

  it('undo bar ends on the next action', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults()));
    ({ models: opened } = await renderPopup(fake));
    const [first, second] = renderedIds();
    fireEvent.click(within(cardOf(first!)).getByTestId('ignore'));
    await screen.findByTestId('undo-bar');
    fireEvent.click(within(cardOf(second!)).getByTestId('add-to-planning'));
    await waitFor(() => expect(screen.queryByTestId('undo-bar')).toBeNull());
  });

  it('failed ignore puts the card back', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults()));
    fake.failures.set('ignore', 'Storage quota exceeded.');
    ({ models: opened } = await renderPopup(fake));
    fireEvent.click(within(cardOf(32)).getByTestId('ignore'));
    expect((await screen.findByTestId('action-error')).textContent).toContain('Storage quota exceeded.');
    expect(cardOf(32)).toBeTruthy();
    expect(screen.queryByTestId('undo-bar')).toBeNull();
  });

  it('selected cards are added at once', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults()));
    ({ models: opened } = await renderPopup(fake));
    const [first, second] = renderedIds();
    fireEvent.click(within(cardOf(first!)).getByTestId('select-sequel'));
    fireEvent.click(within(cardOf(second!)).getByTestId('select-sequel'));
    expect(screen.getByText('2 selected')).toBeTruthy();
    fireEvent.click(screen.getByTestId('add-selected'));
    await waitFor(() => expect(within(cardOf(first!)).queryByTestId('added-to-planning')).toBeTruthy());
    expect(fake.requests.filter((request) => request.type === 'addToPlanning')).toEqual([
      { type: 'addToPlanning', mediaIds: [first, second] },
    ]);
  });
});

describe('filters and sort', () => {
  it('format chips narrow the count', async () => {
    ({ models: opened } = await renderPopup(createFakeBackground(stateWith(seanimeResults()))));
    fireEvent.click(screen.getByTestId('filters-button'));
    const chip = screen.getByTestId('filter-format-MOVIE');
    fireEvent.click(chip);
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('result-count').textContent).toBe('Showing 3 of 10');
    expect(renderedIds().sort((a, b) => a - b)).toEqual([32, 105143, 161474]);
  });

  it('availability and years combine', async () => {
    ({ models: opened } = await renderPopup(createFakeBackground(stateWith(seanimeResults()))));
    fireEvent.click(screen.getByTestId('filters-button'));
    fireEvent.change(screen.getByTestId('filter-availability'), { target: { value: 'announced' } });
    expect(screen.getByTestId('result-count').textContent).toBe('Showing 4 of 10');
    fireEvent.input(screen.getByTestId('filter-year-from'), { target: { value: '2024' } });
    expect(screen.getByTestId('result-count').textContent).toBe('Showing 3 of 10');
    fireEvent.input(screen.getByTestId('filter-year-to'), { target: { value: '2023' } });
    expect(screen.getByTestId('no-match').textContent).toContain('No missing sequel matches these filters.');
    fireEvent.click(screen.getByRole('button', { name: 'Show everything' }));
    expect(screen.getByTestId('result-count').textContent).toBe('10 missing sequels');
  });

  it('sort by title reorders groups', async () => {
    ({ models: opened } = await renderPopup(createFakeBackground(stateWith(seanimeResults()))));
    fireEvent.change(screen.getByTestId('sort-select'), { target: { value: 'title' } });
    expect(renderedIds().slice(0, 3)).toEqual([162314, 163146, 166521]);
  });
});

describe('keyboard', () => {
  it('arrow keys switch tabs', async () => {
    const fake = createFakeBackground(stateWith(seanimeResults()));
    ({ models: opened } = await renderPopup(fake));
    const sequelsTab = screen.getByTestId('tab-sequels');
    expect(sequelsTab.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(sequelsTab, { key: 'ArrowRight' });
    expect(screen.getByTestId('tab-watching').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('tab-watching'));
    fireEvent.keyDown(screen.getByTestId('tab-watching'), { key: 'End' });
    expect(screen.getByTestId('tab-stats').getAttribute('aria-selected')).toBe('true');
  });

  it('every card button has a name', async () => {
    ({ models: opened } = await renderPopup(createFakeBackground(stateWith(seanimeResults()))));
    for (const button of within(cardOf(32)).getAllByRole('button')) {
      expect(button.getAttribute('aria-label') ?? button.textContent).not.toBe('');
    }
    expect(within(cardOf(32)).getByRole('checkbox', { name: 'Select Neon Genesis Evangelion: The End of Evangelion' })).toBeTruthy();
  });
});
