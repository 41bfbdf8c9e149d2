// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { chooseNote, initMediaNote, type MediaPage, missingIdsOf } from '../../entrypoints/anilist.content/media-note';
import { SELECTORS } from '../../lib/pages/selectors';
import {
  backgroundState, fakeBackground, hosts, mediaStatusOf, recordedScan, settle, shadowText, showFixturePage, testContext,
} from './support';

const NOTE = 'next-in-franchise';
const MARK = 'missing-relation-mark';
const SPY_PART_2: MediaPage = { kind: 'media', mediaType: 'ANIME', mediaId: 142838, tab: null };
const SPY_SEASON_2: MediaPage = { kind: 'media', mediaType: 'ANIME', mediaId: 158927, tab: null };

let controller = new AbortController();

afterEach(() => {
  controller.abort();
  controller = new AbortController();
  document.body.innerHTML = '';
});

function noteText(): string {
  const [note] = hosts(NOTE);
  return note === undefined ? '' : shadowText(note);
}

function noteButton(): HTMLButtonElement {
  const button = hosts(NOTE)[0]?.shadowRoot?.querySelector('button');
  if (!button) throw new Error(`The note has no button; it shows: ${noteText()}`);
  return button;
}

describe('chooseNote', () => {
  const scan = recordedScan();

  it('lists the sequel after an entry on the list', () => {
    const note = chooseNote(mediaStatusOf(142838, scan));
    expect(note?.kind).toBe('next');
    expect(note?.sequels.map((sequel) => sequel.media.id)).toEqual([158927]);
    expect(note?.more).toBe(0);
  });

  it('names the missing media itself', () => {
    const note = chooseNote(mediaStatusOf(158927, scan));
    expect(note?.kind).toBe('here');
    expect(note?.sequels.map((sequel) => sequel.media.id)).toEqual([158927]);
  });

  it('says nothing for a complete franchise', () => {
    expect(chooseNote(mediaStatusOf(6045, scan))).toBeNull();
  });

  it('says nothing for media off the list and not missing', () => {
    expect(chooseNote(mediaStatusOf(1, scan))).toBeNull();
  });

  it('says nothing for ignored media', () => {
    expect(chooseNote({ ...mediaStatusOf(142838, scan), ignored: true })).toBeNull();
  });

  it('counts sequels beyond three, nearest first', () => {
    const [a, b, c, d] = scan.missing;
    const status = { ...mediaStatusOf(142838, scan), missingFromHere: [{ ...a!, depth: 4 }, { ...b!, depth: 1 }, { ...c!, depth: 2 }, { ...d!, depth: 3 }] };
    const note = chooseNote(status);
    expect(note?.sequels.map((sequel) => sequel.depth)).toEqual([1, 2, 3]);
    expect(note?.more).toBe(1);
  });
});

describe('missingIdsOf', () => {
  it('joins the stored scan and the media status', () => {
    const state = backgroundState();
    const ids = missingIdsOf(state, mediaStatusOf(142838, state.lastScan));
    expect([...ids].sort((a, b) => a - b)).toEqual(recordedScan().missing.map((sequel) => sequel.media.id).sort((a, b) => a - b));
  });

  it('is empty before any scan', () => {
    expect(missingIdsOf(backgroundState({ lastScan: null }), null).size).toBe(0);
  });
});

describe('media page note', () => {
  it('shows the next sequel first in the overview', async () => {
    showFixturePage('media-142838.html');

    await initMediaNote(SPY_PART_2, testContext(), controller.signal);

    const overview = document.querySelector(SELECTORS.mediaOverview)!;
    expect(overview.firstElementChild?.getAttribute('data-testid')).toBe(NOTE);
    expect(noteText()).toContain('Next in this franchise');
    expect(noteText()).toContain('SPY×FAMILY Season 2');
    expect(noteText()).toContain('Sequel of SPY×FAMILY Part 2');
    expect(noteText()).toContain('TV · 2023');
    expect(noteButton().textContent).toBe('Add to Planning');
  });

  it('adds the sequel to Planning', async () => {
    showFixturePage('media-142838.html');
    const context = testContext();
    await initMediaNote(SPY_PART_2, context, controller.signal);

    noteButton().click();
    await settle();

    expect(context.background.calls.filter((call) => call.type === 'addToPlanning')).toEqual([{ type: 'addToPlanning', argument: 158927 }]);
    expect(noteButton().textContent).toBe('Added to Planning');
    expect(noteButton().disabled).toBe(true);
  });

  it('explains a failed add', async () => {
    showFixturePage('media-142838.html');
    const background = fakeBackground({
      addToPlanning: async (mediaId) => ({ added: [], failed: [{ mediaId, message: 'AniList rejected your access token as invalid or expired, so log in again.' }] }),
    });
    await initMediaNote(SPY_PART_2, testContext(background), controller.signal);

    noteButton().click();
    await settle();

    const alert = hosts(NOTE)[0]!.shadowRoot!.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('Could not add it to Planning: AniList rejected your access token as invalid or expired, so log in again.');
    expect(noteButton().textContent).toBe('Add to Planning');
  });

  it('offers the missing media itself', async () => {
    showFixturePage('media-158927.html');
    const context = testContext();
    await initMediaNote(SPY_SEASON_2, context, controller.signal);

    expect(noteText()).toContain('Missing from your list');
    expect(noteText()).toContain('Sequel of SPY×FAMILY Part 2');

    noteButton().click();
    await settle();
    expect(context.background.calls.filter((call) => call.type === 'addToPlanning')).toEqual([{ type: 'addToPlanning', argument: 158927 }]);
  });

  it('has no button while logged out', async () => {
    showFixturePage('media-142838.html');
    await initMediaNote(SPY_PART_2, testContext(fakeBackground({ state: backgroundState({ loggedIn: false }) })), controller.signal);

    // Without a login there is no title language setting, so the English title comes first.
    expect(noteText()).toContain('SPY x FAMILY Season 2');
    expect(hosts(NOTE)[0]!.shadowRoot!.querySelector('button')).toBeNull();
  });

  it('speaks Brazilian Portuguese', async () => {
    showFixturePage('media-142838.html');
    await initMediaNote(SPY_PART_2, testContext(fakeBackground({ state: backgroundState({ language: 'pt-BR' }) })), controller.signal);

    expect(noteText()).toContain('Próximo nesta franquia');
    expect(noteText()).toContain('Sequel de SPY×FAMILY Part 2');
    expect(noteButton().textContent).toBe('Adicionar ao Planning');
  });

  it('stays away from other tabs', async () => {
    showFixturePage('media-142838.html');
    const context = testContext();

    await initMediaNote({ ...SPY_PART_2, tab: 'characters' }, context, controller.signal);
    await settle();

    expect(hosts(NOTE)).toHaveLength(0);
    expect(hosts(MARK)).toHaveLength(0);
    expect(context.background.calls.map((call) => call.type)).toEqual(['getState']);
  });

  it('moves into a re-rendered overview', async () => {
    showFixturePage('media-142838.html');
    await initMediaNote(SPY_PART_2, testContext(), controller.signal);
    const note = hosts(NOTE)[0]!;

    const oldOverview = document.querySelector(SELECTORS.mediaOverview)!;
    const newOverview = oldOverview.cloneNode(true) as Element;
    newOverview.querySelectorAll('[data-testid]').forEach((copy) => copy.remove());
    oldOverview.replaceWith(newOverview);
    await settle();

    expect(hosts(NOTE)).toEqual([note]);
    expect(newOverview.firstElementChild).toBe(note);
    expect(hosts(MARK)).toHaveLength(1);
    expect(newOverview.contains(hosts(MARK)[0]!)).toBe(true);
  });

  it('removes the note on abort', async () => {
    showFixturePage('media-142838.html');
    await initMediaNote(SPY_PART_2, testContext(), controller.signal);
    await settle();

    controller.abort();

    expect(hosts(NOTE)).toHaveLength(0);
    expect(hosts(MARK)).toHaveLength(0);
  });
});

describe('relation marks', () => {
  /** Returns the media ids of the relation cards that carry a mark. */
  function markedCards(): number[] {
    return hosts(MARK).map((mark) => {
      const href = mark.closest(SELECTORS.relationCard)?.querySelector('a')?.getAttribute('href') ?? '';
      return Number(/\/(?:anime|manga)\/(\d+)\//.exec(href)?.[1]);
    });
  }

  it('marks the missing sequel once', async () => {
    showFixturePage('media-142838.html');

    await initMediaNote(SPY_PART_2, testContext(), controller.signal);
    await settle();

    expect(markedCards()).toEqual([158927]);
    expect(shadowText(hosts(MARK)[0]!)).toBe('Missing');
    expect(hosts(MARK)[0]!.shadowRoot!.querySelector('[title]')?.getAttribute('title')).toBe('Missing sequel: not on your list yet');
  });

  it('marks nothing among known media', async () => {
    showFixturePage('media-158927.html');

    await initMediaNote(SPY_SEASON_2, testContext(), controller.signal);
    await settle();

    expect(markedCards()).toEqual([]);
  });

  it('marks nothing before any scan', async () => {
    showFixturePage('media-142838.html');
    const context = testContext(fakeBackground({ state: backgroundState({ lastScan: null }) }));

    await initMediaNote(SPY_PART_2, context, controller.signal);
    await settle();

    expect(hosts(MARK)).toHaveLength(0);
    expect(hosts(NOTE)).toHaveLength(0);
  });
});
