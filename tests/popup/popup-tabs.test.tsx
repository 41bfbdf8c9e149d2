import '../ui/support/dom-environment';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchingEntry } from '../../lib/messages/state';
import type { NotificationRecord } from '../../lib/notifications/history';
import type { PopupModels } from '../../lib/ui/popup-models';
import { loadModbMedia } from '../support/recorded';
import { createFakeBackground, type FakeBackground, stateWith } from '../ui/support/fake-background';
import { manyResults, seanimeResults } from '../ui/support/results';
import { NOW, renderPopup } from './render-popup';

let opened: PopupModels | undefined;
afterEach(() => {
  opened?.store.dispose();
  opened = undefined;
});

function notification(id: string, changes: Partial<NotificationRecord>): NotificationRecord {
  return { id, kind: 'new-sequels', mediaIds: [1], titles: ['Cowboy Bebop'], count: 1, sourceTitle: null, createdAt: NOW, read: false, ...changes };
}

describe('notifications tab', () => {
  function fakeWithHistory(): FakeBackground {
    const fake = createFakeBackground(stateWith(seanimeResults(), { unreadNotifications: 2 }));
    fake.notifications = [
      notification('old-read', { read: true, createdAt: NOW - 9_000, titles: ['Trigun'] }),
      notification('airing', { kind: 'started-airing', createdAt: NOW - 5_000, titles: ['HIGH CARD Season 2'] }),
      notification('announced', {
        kind: 'newly-announced',
        createdAt: NOW - 1_000,
        titles: ['Blue Lock 2nd Season', 'Golden Kamuy: Saishuu Shou'],
        count: 4,
        sourceTitle: 'Blue Lock',
      }),
    ];
    return fake;
  }

  it('unread first with their texts', async () => {
    ({ models: opened } = await renderPopup(fakeWithHistory(), { tab: 'notifications' }));
    expect(screen.getByTestId('tab-notifications').textContent).toBe('Notifications (2)');
    const items = await screen.findAllByTestId('notification');
    expect(items.map((item) => item.dataset.read)).toEqual(['false', 'false', 'true']);
    expect(items[0]!.textContent).toContain('4 newly announced after Blue Lock: Blue Lock 2nd Season, Golden Kamuy: Saishuu Shou and 2 more');
    expect(items[1]!.textContent).toContain('Started airing: HIGH CARD Season 2');
    expect(items[2]!.textContent).toContain('New missing sequel: Trigun');
  });

  it('mark one and all as read', async () => {
    const fake = fakeWithHistory();
    ({ models: opened } = await renderPopup(fake, { tab: 'notifications' }));
    const [first] = await screen.findAllByTestId('notification');
    fireEvent.click(within(first!).getByTestId('mark-read'));
    await waitFor(() => expect(screen.getByTestId('tab-notifications').textContent).toBe('Notifications (1)'));
    expect(fake.requests.at(-1)).toEqual({ type: 'markNotificationsRead', ids: ['announced'] });

    fireEvent.click(screen.getByTestId('mark-all-read'));
    await waitFor(() => expect(screen.getByTestId('tab-notifications').textContent).toBe('Notifications'));
    expect(fake.requests.at(-1)).toEqual({ type: 'markNotificationsRead' });
    expect(screen.getAllByTestId('notification').every((item) => item.dataset.read === 'true')).toBe(true);
  });

  it('empty history says so', async () => {
    ({ models: opened } = await renderPopup(createFakeBackground(stateWith([])), { tab: 'notifications' }));
    expect((await screen.findByTestId('no-notifications')).textContent).toContain('No notifications yet');
  });
});

describe('watching tab', () => {
  const bebop = loadModbMedia(1).media;
  const entry: WatchingEntry = { entryId: 77, mediaId: bebop.id, status: 'CURRENT', progress: 25, score: 7.5, updatedAt: null, media: bebop };

  it('plus one writes the progress', async () => {
    const fake = createFakeBackground(stateWith([]));
    fake.watching = [structuredClone(entry)];
    ({ models: opened } = await renderPopup(fake, { tab: 'watching' }));
    const row = await screen.findByTestId('watching-entry');
    expect(within(row).getByTestId('progress').textContent).toBe(`Episode 25 of ${bebop.episodes}`);
    fireEvent.click(within(row).getByTestId('increment-progress'));
    await waitFor(() => expect(within(row).getByTestId('progress').textContent).toBe('Episode 26 of 26'));
    expect(fake.requests.at(-1)).toEqual({ type: 'updateEntry', mediaId: bebop.id, progress: 26 });
    await waitFor(() => expect((within(row).getByTestId('increment-progress') as HTMLButtonElement).disabled).toBe(true));
  });

  it('status and decimal score are saved', async () => {
    const fake = createFakeBackground(stateWith([]));
    fake.watching = [structuredClone(entry)];
    ({ models: opened } = await renderPopup(fake, { tab: 'watching' }));
    const row = await screen.findByTestId('watching-entry');
    const score = within(row).getByTestId('score-input') as HTMLInputElement;
    expect(score.value).toBe('7.5');
    expect(score.step).toBe('0.1');
    fireEvent.change(score, { target: { value: '8,5' } });
    await waitFor(() => expect(fake.requests.at(-1)).toEqual({ type: 'updateEntry', mediaId: bebop.id, score: 8.5 }));

    fireEvent.change(within(row).getByTestId('status-select'), { target: { value: 'PAUSED' } });
    await waitFor(() => expect(fake.requests.at(-1)).toEqual({ type: 'updateEntry', mediaId: bebop.id, status: 'PAUSED' }));
    expect(fake.watching[0]).toMatchObject({ score: 8.5, status: 'PAUSED' });
  });

  const refusedCases = [
    { name: 'out of range in English', language: 'en-US', typed: '15', message: '“15” is not a score from 0 to 10, so the stored score is kept.' },
    { name: 'negative in Portuguese', language: 'pt-BR', typed: '-3', message: '“-3” não é uma nota de 0 a 10, então a nota salva foi mantida.' },
  ];
  for (const { name, language, typed, message } of refusedCases) {
    it(`refused score ${name} shows the stored one`, async () => {
      const fake = createFakeBackground(stateWith([]));
      fake.watching = [structuredClone(entry)];
      ({ models: opened } = await renderPopup(fake, { tab: 'watching', browserLanguage: language }));
      const row = await screen.findByTestId('watching-entry');
      const score = within(row).getByTestId('score-input') as HTMLInputElement;
      fireEvent.change(score, { target: { value: typed } });
      expect(score.value).toBe('7.5');
      expect(within(row).getByTestId('score-message').textContent).toContain(message);
      expect(score.getAttribute('aria-invalid')).toBe('true');
      expect(fake.typesSent()).not.toContain('updateEntry');
    });
  }

  it('failed score save shows the stored one', async () => {
    const fake = createFakeBackground(stateWith([]));
    fake.watching = [structuredClone(entry)];
    fake.failures.set('updateEntry', 'AniList could not be reached.');
    ({ models: opened } = await renderPopup(fake, { tab: 'watching' }));
    const row = await screen.findByTestId('watching-entry');
    const score = within(row).getByTestId('score-input') as HTMLInputElement;
    fireEvent.change(score, { target: { value: '9' } });
    await screen.findByTestId('watching-error');
    await waitFor(() => expect((within(row).getByTestId('score-input') as HTMLInputElement).value).toBe('7.5'));
  });

  it('five-star format offers a list', async () => {
    const state = stateWith([]);
    state.login!.viewer.scoreFormat = 'POINT_5';
    const fake = createFakeBackground(state);
    fake.watching = [{ ...structuredClone(entry), score: 3 }];
    ({ models: opened } = await renderPopup(fake, { tab: 'watching' }));
    const select = (await screen.findByTestId('score-select')) as HTMLSelectElement;
    expect(select.value).toBe('3');
    expect([...select.options].map((option) => option.textContent)).toEqual(['No score', '★', '★★', '★★★', '★★★★', '★★★★★']);
  });

  it('failed edit is put back', async () => {
    const fake = createFakeBackground(stateWith([]));
    fake.watching = [structuredClone(entry)];
    fake.failures.set('updateEntry', 'AniList could not be reached.');
    ({ models: opened } = await renderPopup(fake, { tab: 'watching' }));
    const row = await screen.findByTestId('watching-entry');
    fireEvent.click(within(row).getByTestId('increment-progress'));
    expect((await screen.findByTestId('watching-error')).textContent).toContain('AniList could not be reached.');
    expect(within(row).getByTestId('progress').textContent).toBe('Episode 25 of 26');
  });

  it('logged out asks to log in', async () => {
    const fake = createFakeBackground(stateWith([], { login: null }));
    ({ models: opened } = await renderPopup(fake, { tab: 'watching' }));
    expect(screen.getByTestId('watching-logged-out').textContent).toContain('Log in with AniList');
    expect(fake.typesSent()).not.toContain('getWatching');
  });
});

describe('statistics tab', () => {
  it('catch-up and charts follow the filters', async () => {
    ({ models: opened } = await renderPopup(createFakeBackground(stateWith(seanimeResults())), { tab: 'stats' }));
    expect(screen.getByTestId('stats-tab').textContent).toContain('Statistics of the 10 missing sequels shown');
    expect(screen.getByTestId('catch-up').textContent).toBe('28 episodes of available anime');
    expect(screen.getByTestId('chart-format').getAttribute('aria-label')).toBe('TV: 5, Movie: 3, Special: 1, ONA: 1');
    expect(screen.getByTestId('chart-availability').getAttribute('aria-label')).toBe('Available: 6, Announced: 4');
  });

  it('unknown durations leave episodes counted', async () => {
    // The seanime relation nodes carry episode counts but no durations.
    ({ models: opened } = await renderPopup(createFakeBackground(stateWith(seanimeResults())), { tab: 'stats' }));
    expect(screen.getByTestId('unknown-duration').textContent).toBe(
      'The watch time of 6 available sequels is unknown, because AniList lists no episode length for them.',
    );
    expect(screen.getByTestId('stats-tab').textContent).not.toContain('not counted');
    expect(screen.queryByTestId('unknown-units')).toBeNull();
  });
});

describe('statistics with known lengths', () => {
  it('catch-up shows hours and minutes', async () => {
    const results = manyResults(20);
    ({ models: opened } = await renderPopup(createFakeBackground(stateWith(results)), { tab: 'stats' }));
    const minutes = results
      .filter((sequel) => sequel.availability === 'available')
      .reduce((sum, sequel) => sum + (sequel.media.episodes ?? 0) * (sequel.media.duration ?? 0), 0);
    expect(minutes).toBeGreaterThan(60);
    const hours = Math.floor(minutes / 60);
    expect(screen.getByTestId('catch-up').textContent).toMatch(new RegExp(`^${hours.toLocaleString('en')} hours? \\d+ minutes? over [\\d,]+ episodes of available anime$`));
  });
});
