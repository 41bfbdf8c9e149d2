// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initProfilePanel } from '../../entrypoints/anilist.content/profile-panel';
import { reportMissingElement, resetMissingElementLog } from '../../lib/pages/missing-log';
import { settle, showFixturePage, testContext } from './support';

let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  resetMissingElementLog();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  warn.mockRestore();
  document.body.innerHTML = '';
});

describe('reportMissingElement', () => {
  it('logs an element once', () => {
    expect(reportMissingElement('list entry title links', 'https://anilist.co/user/Josh/animelist')).toBe(true);
    expect(reportMissingElement('list entry title links', 'https://anilist.co/user/Josh/animelist/Completed')).toBe(false);

    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[Sequel Finder] Not found on https://anilist.co/user/Josh/animelist: list entry title links. AniList may have changed its page layout.',
    );
  });

  it('logs different elements', () => {
    reportMissingElement('profile overview column', 'https://anilist.co/user/Josh/');
    reportMissingElement('media overview column', 'https://anilist.co/anime/21/');

    expect(warn).toHaveBeenCalledTimes(2);
  });
});

describe('missing anchor on a page', () => {
  it('is logged when the page is left', async () => {
    showFixturePage('profile.html');
    document.querySelector('.overview')!.remove();
    const controller = new AbortController();
    const context = { ...testContext(), url: 'https://anilist.co/user/Boilerplate/' };

    const started = initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, context, controller.signal);
    await settle();
    expect(warn).not.toHaveBeenCalled();

    controller.abort();
    await started;

    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('profile overview column');
    expect(document.querySelector('[data-testid]')).toBeNull();
  });

  it('is not logged when it was there', async () => {
    showFixturePage('profile.html');
    const controller = new AbortController();

    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(), controller.signal);
    controller.abort();

    expect(warn).not.toHaveBeenCalled();
  });
});
