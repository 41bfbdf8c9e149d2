import { SequelMarker } from '../../components/page/SequelMarker';
import type { ScanSummary } from '../../lib/messages/state';
import { indexMissing, storedScanOf } from '../../lib/pages/missing-index';
import { reportMissingElement } from '../../lib/pages/missing-log';
import { observeElements } from '../../lib/pages/observe';
import { mediaOfLink, type PageKind } from '../../lib/pages/page-kind';
import { SELECTORS } from '../../lib/pages/selectors';
import { pageTexts } from '../../lib/pages/texts';
import type { FeatureContext } from './context';
import { isOwnHost } from './host-names';
import type { MountedUi } from './mount';

/**
 * Anime and manga list pages: a marker after the title of each entry that has a missing sequel,
 * naming the sequels on hover or focus. The markers come from the stored scan of this list (or a
 * scan of this user made earlier on the tab) and send no AniList request.
 *
 * Pages: https://anilist.co/user/Josh/animelist, https://anilist.co/user/Josh/animelist/Completed,
 * https://anilist.co/user/Josh/mangalist. Tried on the fixture list pages in tests/fixtures/pages/
 * in the table and cards views; the compact view has the same `.entry.row` rows as the table.
 */

/** The page this feature runs on. */
export type ListPage = Extract<PageKind, { kind: 'list' }>;

/** The scan whose markers fit this list: same user and same media type. */
export function scanForList(page: ListPage, context: FeatureContext, stored: ScanSummary | null): ScanSummary | null {
  if (stored !== null) return stored;
  const other = context.otherScans.get(page.userName.toLowerCase());
  return other !== undefined && other.mediaType === page.mediaType ? other : null;
}

export async function initListMarkers(page: ListPage, context: FeatureContext, signal: AbortSignal): Promise<void> {
  const state = await context.state;
  if (signal.aborted) return;
  const summary = scanForList(page, context, storedScanOf(state, page.userName, page.mediaType));
  if (summary === null || summary.missing.length === 0) return;

  const index = indexMissing(summary);
  const texts = pageTexts(state, context.browserLanguage);
  // One marker per title link. Each placement gets a new generation number, so a marker whose
  // mount finishes after its link changed again is removed instead of kept.
  const markers = new Map<Element, { generation: number; ui: MountedUi | null }>();
  let generation = 0;
  let sawEntry = false;

  const place = async (link: Element) => {
    sawEntry = true;
    markers.get(link)?.ui?.remove();
    markers.delete(link);

    const target = mediaOfLink(link.getAttribute('href'));
    if (target === null) {
      reportMissingElement(`media id in a list entry link (${SELECTORS.listEntryTitleLink})`, context.url);
      return;
    }
    const missing = index.bySource.get(target.mediaId);
    if (missing === undefined) return;

    const own = { generation: ++generation, ui: null as MountedUi | null };
    markers.set(link, own);
    const ui = await context.mount({
      name: 'sequel-finder-marker',
      testId: 'sequel-marker',
      anchor: link,
      append: 'after',
      layout: 'inline',
      content: <SequelMarker missing={missing} texts={texts} theme={context.theme} />,
      signal,
    });
    if (markers.get(link)?.generation === own.generation) own.ui = ui;
    else ui?.remove();
  };

  // A row is marked once it comes near the viewport; a row patched in place is marked again.
  const whenNear = context.watchNearViewport(signal);
  observeElements(SELECTORS.listEntryTitleLink, (link) => whenNear(link, () => void place(link)), {
    signal,
    reportAgainOn: ['href'],
    ignoreNode: isOwnHost,
  });
  signal.addEventListener(
    'abort',
    () => {
      if (!sawEntry) reportMissingElement(`list entry title links (${SELECTORS.listEntryTitleLink})`, context.url);
    },
    { once: true },
  );
}
