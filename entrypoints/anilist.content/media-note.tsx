import { FranchiseNote, type NoteItem } from '../../components/page/FranchiseNote';
import { RelationMark } from '../../components/page/RelationMark';
import type { BackgroundState, MediaStatus } from '../../lib/messages/state';
import { PlanningModel } from '../../lib/pages/models';
import { observeElements } from '../../lib/pages/observe';
import { mediaOfLink, type PageKind } from '../../lib/pages/page-kind';
import { SELECTORS } from '../../lib/pages/selectors';
import { type PageTexts, pageTexts } from '../../lib/pages/texts';
import type { MissingSequel } from '../../lib/sequels/types';
import { mountAtAnchor } from './anchored-mount';
import type { FeatureContext } from './context';
import { isOwnHost } from './host-names';

/**
 * Media pages, overview tab: a "Next in this franchise" note with Add to Planning when this media
 * is on the user's list and a sequel after it is missing (or a "Missing from your list" note when
 * this media is the missing one), and a mark on each missing sequel in the Relations section.
 *
 * Pages: https://anilist.co/anime/21/ONE-PIECE/, https://anilist.co/anime/101922/Kimetsu-no-Yaiba/,
 * https://anilist.co/manga/30013/ONE-PIECE/ (not the characters, staff, stats, ... tabs). Tried on
 * the fixture media pages in tests/fixtures/pages/.
 */

/** The page this feature runs on; it acts on the overview tab only. */
export type MediaPage = Extract<PageKind, { kind: 'media' }>;

/** Sequels the note lists by name; it counts the rest. */
export const NOTE_ITEMS = 3;

export interface NoteContent {
  kind: 'next' | 'here';
  sequels: MissingSequel[];
  more: number;
}

/** Chooses the note for a media from its status, or null when there is nothing to say. */
export function chooseNote(status: MediaStatus): NoteContent | null {
  if (status.ignored) return null;
  if (status.listStatus !== null) {
    const nearest = [...status.missingFromHere].sort((a, b) => a.depth - b.depth);
    if (nearest.length === 0) return null;
    return { kind: 'next', sequels: nearest.slice(0, NOTE_ITEMS), more: Math.max(0, nearest.length - NOTE_ITEMS) };
  }
  if (status.missing !== null) return { kind: 'here', sequels: [status.missing], more: 0 };
  return null;
}

/** Media ids to mark in the Relations section: every missing sequel the background knows of. */
export function missingIdsOf(state: BackgroundState, status: MediaStatus | null): Set<number> {
  const ids = new Set<number>(state.lastScan?.missing.map((sequel) => sequel.media.id) ?? []);
  for (const sequel of status?.missingFromHere ?? []) ids.add(sequel.media.id);
  if (status?.missing) ids.add(status.missing.media.id);
  return ids;
}

/** Builds the note, with an Add to Planning model per sequel while the user is logged in. */
function noteContent(note: NoteContent, state: BackgroundState, texts: PageTexts, context: FeatureContext, signal: AbortSignal) {
  const items: NoteItem[] = note.sequels.map((sequel) => {
    // Adding to Planning needs the AniList login, which only the background holds.
    if (state.login === null) return { sequel, planning: null };
    const planning = new PlanningModel(context.background, sequel.media.id);
    signal.addEventListener('abort', () => planning[Symbol.dispose](), { once: true });
    return { sequel, planning };
  });
  return <FranchiseNote kind={note.kind} items={items} more={note.more} texts={texts} theme={context.theme} />;
}

function markRelations(ids: ReadonlySet<number>, texts: PageTexts, context: FeatureContext, signal: AbortSignal): void {
  const marked = new WeakSet<Element>();
  observeElements(
    SELECTORS.relationLink,
    (link) => {
      const target = mediaOfLink(link.getAttribute('href'));
      if (target === null || !ids.has(target.mediaId)) return;
      const card = link.closest(SELECTORS.relationCard) ?? link.parentElement;
      if (card === null || marked.has(card)) return;
      marked.add(card);

      // A badge over the card's corner needs a positioned card; otherwise it follows the link inline.
      const corner = getComputedStyle(card).position !== 'static';
      void context.mount({
        name: 'sequel-finder-mark',
        testId: 'missing-relation-mark',
        anchor: corner ? card : link,
        append: corner ? 'last' : 'after',
        layout: corner ? 'corner' : 'inline',
        content: <RelationMark texts={texts} theme={context.theme} />,
        signal,
      });
    },
    { signal, ignoreNode: isOwnHost },
  );
}

export async function initMediaNote(page: MediaPage, context: FeatureContext, signal: AbortSignal): Promise<void> {
  if (page.tab !== null) return;
  const [state, status] = await Promise.all([context.state, context.background.getMediaStatus(page.mediaId)]);
  if (signal.aborted) return;
  const texts = pageTexts(state, context.browserLanguage);

  const ids = missingIdsOf(state, status);
  if (ids.size > 0) markRelations(ids, texts, context, signal);

  const note = chooseNote(status);
  if (note === null) return;
  await mountAtAnchor(
    {
      selector: SELECTORS.mediaOverview,
      description: 'media overview column',
      content: Promise.resolve(noteContent(note, state, texts, context, signal)),
      request: { name: 'sequel-finder-note', testId: 'next-in-franchise', append: 'first', layout: 'block' },
    },
    context,
    signal,
  );
}
