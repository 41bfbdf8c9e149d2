// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { initListMarkers, type ListPage } from '../../entrypoints/anilist.content/list-markers';
import { SELECTORS } from '../../lib/pages/selectors';
import { backgroundState, fakeBackground, hosts, recordedScan, settle, shadowText, showFixturePage, testContext } from './support';

const MARKER = 'sequel-marker';
const OWN_ANIME: ListPage = { kind: 'list', userName: 'Boilerplate', mediaType: 'ANIME', listName: null };

let controller = new AbortController();

afterEach(() => {
  controller.abort();
  controller = new AbortController();
  document.body.innerHTML = '';
});

/** Returns the media id of the entry each marker sits in, in page order. */
function markedEntries(): number[] {
  return hosts(MARKER).map((marker) => {
    const link = marker.closest(SELECTORS.listEntryRow)?.querySelector('.title > a');
    return Number(/\/anime\/(\d+)\//.exec(link?.getAttribute('href') ?? '')?.[1]);
  });
}

describe('list markers on the own list', () => {
  it('marks entries with missing sequels', async () => {
    showFixturePage('animelist-table.html');
    const context = testContext();

    await initListMarkers(OWN_ANIME, context, controller.signal);
    await settle();

    // The table has 15 entries; these 10 are the sources of the recorded scan's missing sequels.
    expect(markedEntries()).toEqual([30, 9656, 21335, 135778, 137822, 142838, 142343, 146065, 146984, 154967]);
    expect(context.background.calls.map((call) => call.type)).toEqual(['getState']);
  });

  it('puts the marker after the title link', async () => {
    showFixturePage('animelist-table.html');

    await initListMarkers(OWN_ANIME, testContext(), controller.signal);
    await settle();

    const link = document.querySelector('a[href^="/anime/142838/"]')!;
    expect(link.nextElementSibling?.getAttribute('data-testid')).toBe(MARKER);
    expect((link.nextElementSibling as HTMLElement).dataset.layout).toBe('inline');
  });

  it('names the sequel for hover and focus', async () => {
    showFixturePage('animelist-table.html');

    await initListMarkers(OWN_ANIME, testContext(), controller.signal);
    await settle();

    const marker = document.querySelector('a[href^="/anime/142838/"]')!.nextElementSibling!;
    const button = marker.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Missing sequel: SPY×FAMILY Season 2');
    expect(button.textContent).toBe('+1');
    expect(shadowText(marker)).toContain('SPY×FAMILY Season 2 TV · 2023');
    expect(marker.shadowRoot!.querySelector('[role="tooltip"]')?.getAttribute('popover')).toBe('manual');
  });

  it('labels in Brazilian Portuguese', async () => {
    showFixturePage('animelist-table.html');
    const context = testContext(fakeBackground({ state: backgroundState({ language: 'pt-BR' }) }));

    await initListMarkers(OWN_ANIME, context, controller.signal);
    await settle();

    const marker = document.querySelector('a[href^="/anime/30/"]')!.nextElementSibling!;
    expect(marker.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).toBe(
      'Continuação faltando: Shin Seiki Evangelion Movie: Air / Magokoro wo, Kimi ni',
    );
  });

  it('marks the cards view', async () => {
    showFixturePage('animelist-cards.html');

    await initListMarkers(OWN_ANIME, testContext(), controller.signal);
    await settle();

    expect(markedEntries()).toEqual([30, 142838, 146984]);
  });

  it('marks entries rendered later', async () => {
    showFixturePage('animelist-table.html');
    const entries = document.querySelector('.list-entries')!;
    const rows = [...entries.querySelectorAll('.entry.row')];
    rows.forEach((row) => row.remove());

    await initListMarkers(OWN_ANIME, testContext(), controller.signal);
    await settle();
    expect(markedEntries()).toEqual([]);

    entries.append(...rows);
    await settle();
    expect(markedEntries()).toHaveLength(10);
  });

  it('follows a link patched in place', async () => {
    showFixturePage('animelist-table.html');
    await initListMarkers(OWN_ANIME, testContext(), controller.signal);
    await settle();

    // Vue reuses the row of 6045 (nothing missing) for 142838, and the row of 30 for 6045.
    document.querySelector('a[href^="/anime/6045/"]')!.setAttribute('href', '/anime/142838/SPY-FAMILY-Part-2/');
    document.querySelector('a[href^="/anime/30/"]')!.setAttribute('href', '/anime/6045/Kimi-ni-Todoke/');
    await settle();

    const byHref = (prefix: string) => document.querySelector(`a[href^="${prefix}"]`)!;
    expect(hosts(MARKER)).toHaveLength(10);
    expect(byHref('/anime/6045/').nextElementSibling?.getAttribute('data-testid')).not.toBe(MARKER);
    const spyLinks = document.querySelectorAll('a[href^="/anime/142838/"]');
    expect([...spyLinks].map((link) => link.nextElementSibling?.getAttribute('data-testid'))).toEqual([MARKER, MARKER]);
  });

  it('removes the markers on abort', async () => {
    showFixturePage('animelist-table.html');
    await initListMarkers(OWN_ANIME, testContext(), controller.signal);
    await settle();

    controller.abort();

    expect(hosts(MARKER)).toHaveLength(0);
  });
});

describe('list markers elsewhere', () => {
  const cases: { name: string; page: ListPage; state?: ReturnType<typeof backgroundState> }[] = [
    { name: 'manga list of an anime scan', page: { ...OWN_ANIME, mediaType: 'MANGA' } },
    { name: "another user's list", page: { ...OWN_ANIME, userName: 'Warps' } },
    { name: 'list before any scan', page: OWN_ANIME, state: backgroundState({ lastScan: null }) },
    { name: 'list with nothing missing', page: OWN_ANIME, state: backgroundState({ lastScan: { ...recordedScan(), missing: [] } }) },
  ];

  for (const { name, page, state } of cases) {
    it(`marks nothing on the ${name}`, async () => {
      showFixturePage('animelist-table.html', page.userName);

      await initListMarkers(page, testContext(fakeBackground({ state })), controller.signal);
      await settle();

      expect(hosts(MARKER)).toHaveLength(0);
    });
  }

  it("marks another user's list scanned on this tab", async () => {
    showFixturePage('animelist-table.html', 'Warps');
    const context = testContext(fakeBackground(), { otherScans: new Map([['warps', recordedScan('Warps')]]) });

    await initListMarkers({ ...OWN_ANIME, userName: 'Warps' }, context, controller.signal);
    await settle();

    expect(hosts(MARKER)).toHaveLength(10);
  });
});
