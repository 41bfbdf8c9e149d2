// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { initProfilePanel } from '../../entrypoints/anilist.content/profile-panel';
import { RequestError } from '../../lib/messages/send';
import { SELECTORS } from '../../lib/pages/selectors';
import {
  backgroundState, fakeBackground, hosts, recordedScan, settle, shadowText, showFixturePage, testContext,
} from './support';

const PANEL = 'missing-sequels-panel';
let controller = new AbortController();

afterEach(() => {
  controller.abort();
  controller = new AbortController();
  document.body.innerHTML = '';
});

function panelText(): string {
  const [panel] = hosts(PANEL);
  return panel === undefined ? '' : shadowText(panel);
}

function shadowButton(label: string): HTMLButtonElement {
  const [panel] = hosts(PANEL);
  const button = [...(panel?.shadowRoot?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent === label);
  if (button === undefined) throw new Error(`No "${label}" button in the panel; it shows: ${panelText()}`);
  return button;
}

describe('profile panel on the own profile', () => {
  it('shows the stored scan', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const context = testContext();

    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, context, controller.signal);

    const text = panelText();
    expect(text).toContain('Missing Sequels');
    expect(text).toContain('10 missing · anime');
    expect(text).toContain('Shin Seiki Evangelion Movie: Air / Magokoro wo, Kimi ni');
    expect(text).toContain('Sequel of Shin Seiki Evangelion');
    expect(text).toContain('Show all 10');
    expect(text).toContain('Scanned Jul 8, 2024');
  });

  it('sends no scan request', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const context = testContext();

    await initProfilePanel({ kind: 'profile', userName: 'boilerplate' }, context, controller.signal);

    expect(context.background.calls.map((call) => call.type)).toEqual(['getState']);
    expect(hosts(PANEL)).toHaveLength(1);
  });

  it('goes first in the last column', async () => {
    showFixturePage('profile.html', 'Boilerplate');

    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(), controller.signal);

    const sections = document.querySelectorAll(SELECTORS.profileOverviewSection);
    expect(sections.item(1).firstElementChild?.getAttribute('data-testid')).toBe(PANEL);
    expect(sections.item(0).querySelector(`[data-testid="${PANEL}"]`)).toBeNull();
  });

  it('shows five rows until expanded', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(), controller.signal);
    const rows = () => hosts(PANEL)[0]!.shadowRoot!.querySelectorAll('li[data-media-id]');
    expect(rows()).toHaveLength(5);

    shadowButton('Show all 10').click();
    await settle();

    expect(rows()).toHaveLength(10);
    expect(shadowButton('Show fewer').getAttribute('aria-expanded')).toBe('true');
  });

  it('tells when nothing is missing', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const state = backgroundState({ lastScan: { ...recordedScan(), missing: [] } });

    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(fakeBackground({ state })), controller.signal);

    expect(panelText()).toContain('No sequels are missing from this list.');
  });

  it('asks for a first scan', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const state = backgroundState({ lastScan: null });

    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(fakeBackground({ state })), controller.signal);

    expect(panelText()).toContain('Your list has not been scanned yet.');
    expect(panelText()).not.toContain('Find missing sequels');
  });

  it('tells about a running scan', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const state = backgroundState({
      scan: {
        phase: 'running',
        userName: 'Boilerplate',
        startedAt: 0,
        progress: { phase: 'relations', relationsNeeded: 12, relationsFromCache: 2, relationsFetched: 4 },
        requestsDone: 5,
        estimatedRemainingRequests: 2,
        wait: null,
      },
    });

    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(fakeBackground({ state })), controller.signal);

    expect(panelText()).toContain('Sequel Finder is scanning your list.');
    expect(panelText()).toContain('10 missing');
  });

  it('tells about a paused scan', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const state = backgroundState({
      scan: {
        phase: 'paused',
        userName: 'Boilerplate',
        startedAt: 0,
        pausedAt: 1,
        retryAt: 2,
        progress: { phase: 'relations', relationsNeeded: 12, relationsFromCache: 2, relationsFetched: 4 },
        requestsDone: 5,
        error: { kind: 'server', message: 'AniList is down.' },
      },
    });

    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(fakeBackground({ state })), controller.signal);

    expect(panelText()).toContain('The scan of your list is paused and goes on by itself later: AniList is down.');
    expect(panelText()).toContain('10 missing');
  });

  it("ignores another user's scan status", async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const state = backgroundState({
      scan: { phase: 'failed', userName: 'Warps', finishedAt: 0, error: { kind: 'network', message: 'AniList could not be reached.' } },
    });

    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(fakeBackground({ state })), controller.signal);

    expect(panelText()).not.toContain('AniList could not be reached.');
  });

  it('tells about a failed scan', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const state = backgroundState({
      scan: { phase: 'failed', userName: 'Boilerplate', finishedAt: 0, error: { kind: 'network', message: 'AniList could not be reached.' } },
    });

    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(fakeBackground({ state })), controller.signal);

    expect(panelText()).toContain('The last scan failed: AniList could not be reached.');
  });

  it('speaks Brazilian Portuguese', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const state = backgroundState({ language: 'pt-BR' });

    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(fakeBackground({ state })), controller.signal);

    const text = panelText();
    expect(text).toContain('Continuações faltando');
    expect(text).toContain('10 faltando · anime');
    expect(text).toContain('Sequel de Shin Seiki Evangelion');
    expect(text).toContain('Mostrar todas (10)');
    expect(text).toContain('Verificado em 8 de jul');
  });

  it('reports an unreachable background', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const background = fakeBackground({ state: new Error('Could not establish connection. Receiving end does not exist.') });

    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(background, { browserLanguage: 'pt-BR' }), controller.signal);

    expect(panelText()).toContain('O Sequel Finder não está respondendo.');
  });
});

describe('profile panel on another profile', () => {
  it('waits for the button', async () => {
    showFixturePage('profile.html', 'Warps');
    const context = testContext();

    await initProfilePanel({ kind: 'profile', userName: 'Warps' }, context, controller.signal);

    expect(panelText()).toContain("Find the sequels missing from Warps's anime list.");
    expect(context.background.calls.map((call) => call.type)).toEqual(['getState']);
  });

  it('scans on request', async () => {
    showFixturePage('profile.html', 'Warps');
    let finish: (summary: ReturnType<typeof recordedScan>) => void = () => undefined;
    const background = fakeBackground({ scanOtherUser: () => new Promise((resolve) => (finish = resolve)) });
    const context = testContext(background);
    await initProfilePanel({ kind: 'profile', userName: 'Warps' }, context, controller.signal);

    shadowButton('Find missing sequels').click();
    await settle();
    expect(panelText()).toContain("Reading Warps's list from AniList…");

    finish(recordedScan('Warps'));
    await settle();
    expect(background.calls.filter((call) => call.type === 'scanOtherUser')).toEqual([{ type: 'scanOtherUser', argument: 'Warps' }]);
    expect(panelText()).toContain('10 missing · anime');
    expect(panelText()).toContain('ONE PIECE STAMPEDE');
    expect(context.otherScans.get('warps')?.userName).toBe('Warps');
  });

  it('shows an earlier scan of the tab', async () => {
    showFixturePage('profile.html', 'Warps');
    const context = testContext(fakeBackground(), { otherScans: new Map([['warps', recordedScan('Warps')]]) });

    await initProfilePanel({ kind: 'profile', userName: 'Warps' }, context, controller.signal);

    expect(panelText()).toContain('10 missing · anime');
    expect(context.background.calls.map((call) => call.type)).toEqual(['getState']);
  });

  const failures = [
    {
      name: 'private list',
      message: "This user's list is private, so log in as that user or ask them to make the list public.",
    },
    { name: 'unknown user', message: 'AniList has no user with that name, so check the spelling of the user name.' },
    {
      name: 'rate limit',
      message: 'AniList is receiving too many requests and asks to wait 30 seconds before trying again.',
    },
  ];
  for (const { name, message } of failures) {
    it(`explains a ${name}`, async () => {
      showFixturePage('profile.html', 'PrivateUser');
      const background = fakeBackground({ scanOtherUser: () => Promise.reject(new RequestError({ kind: 'failed', message })) });
      await initProfilePanel({ kind: 'profile', userName: 'PrivateUser' }, testContext(background), controller.signal);

      shadowButton('Find missing sequels').click();
      await settle();

      expect(panelText()).toContain(message);
      expect(hosts(PANEL)[0]!.shadowRoot!.querySelector('[role="alert"]')?.textContent).toBe(message);
      expect(shadowButton('Scan again')).toBeDefined();
    });
  }
});

describe('profile panel lifecycle', () => {
  it('waits for the overview', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const overview = document.querySelector('.overview')!;
    overview.remove();

    const started = initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(), controller.signal);
    await settle();
    expect(hosts(PANEL)).toHaveLength(0);

    document.querySelector('.user > .container')!.append(overview);
    await started;
    await settle();
    expect(hosts(PANEL)).toHaveLength(1);
  });

  it('moves into a re-rendered overview', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(), controller.signal);
    const panel = hosts(PANEL)[0]!;

    const oldOverview = document.querySelector('.overview')!;
    const newOverview = oldOverview.cloneNode(true) as Element;
    newOverview.querySelectorAll(`[data-testid="${PANEL}"]`).forEach((copy) => copy.remove());
    oldOverview.replaceWith(newOverview);
    await settle();

    expect(hosts(PANEL)).toEqual([panel]);
    expect(panel.parentElement).toBe(newOverview.lastElementChild);
  });

  it('removes the panel on abort', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(), controller.signal);

    controller.abort();

    expect(hosts(PANEL)).toHaveLength(0);
  });

  it('mounts nothing after an early abort', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const started = initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, testContext(), controller.signal);
    controller.abort();
    await started;
    await settle();

    expect(hosts(PANEL)).toHaveLength(0);
  });

  it('follows the theme live', async () => {
    showFixturePage('profile.html', 'Boilerplate');
    const context = testContext();
    await initProfilePanel({ kind: 'profile', userName: 'Boilerplate' }, context, controller.signal);
    const root = () => hosts(PANEL)[0]!.shadowRoot!.querySelector('[data-theme]');
    expect(root()?.getAttribute('data-theme')).toBe('light');

    context.theme.value = 'dark';
    await settle(1);

    expect(root()?.getAttribute('data-theme')).toBe('dark');
  });
});
