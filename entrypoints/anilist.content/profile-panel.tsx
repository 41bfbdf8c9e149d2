import type { ComponentChild } from 'preact';
import { MissingSequelsPanel, type ProfilePanelView } from '../../components/page/MissingSequelsPanel';
import type { BackgroundState, ScanStatus } from '../../lib/messages/state';
import { isOwnUser, sameUserName, storedScanOf } from '../../lib/pages/missing-index';
import { OtherUserScanModel } from '../../lib/pages/models';
import type { PageKind } from '../../lib/pages/page-kind';
import { SELECTORS } from '../../lib/pages/selectors';
import { pageTexts } from '../../lib/pages/texts';
import { mountAtAnchor } from './anchored-mount';
import type { FeatureContext } from './context';

/**
 * Profile overview: a "Missing Sequels" section at the top of the overview's last column. The
 * own list's panel shows the stored scan and sends no AniList request; on someone else's profile
 * a button scans their public list on request.
 *
 * Pages: https://anilist.co/user/Josh/ and https://anilist.co/user/Josh (profile overview only;
 * https://anilist.co/user/Josh/favorites and the other profile tabs get nothing). Tried on the
 * fixture profile pages in tests/fixtures/pages/.
 */

/** The page this feature runs on. */
export type ProfilePage = Extract<PageKind, { kind: 'profile' }>;

/** The scan status when it concerns `userName`'s list; another user's running scan is not shown here. */
function scanStatusOf(state: BackgroundState, userName: string): ScanStatus {
  if (state.scan.phase === 'idle' || sameUserName(state.scan.userName, userName)) return state.scan;
  return { phase: 'idle' };
}

/** Chooses what the panel shows on `userName`'s profile. */
export function chooseProfileView(state: BackgroundState, userName: string, context: FeatureContext, signal: AbortSignal): ProfilePanelView {
  const stored = storedScanOf(state, userName);
  if (stored !== null || isOwnUser(state, userName)) {
    return { kind: 'stored', summary: stored, scan: scanStatusOf(state, userName) };
  }
  const model = new OtherUserScanModel(context.background, userName, context.otherScans);
  signal.addEventListener('abort', () => model[Symbol.dispose](), { once: true });
  return { kind: 'other', userName, mediaType: state.settings.mediaType, model };
}

/** The overview's last column, the wider one with the stats and the activity feed. */
function lastColumnOf(section: Element): Element {
  const columns = section.parentElement?.querySelectorAll(':scope > .section');
  return columns?.item(columns.length - 1) ?? section;
}

/** Loads what the panel shows; a background that cannot be asked becomes a message in the panel. */
async function panelContent(page: ProfilePage, context: FeatureContext, signal: AbortSignal): Promise<ComponentChild> {
  let state: BackgroundState | null = null;
  let view: ProfilePanelView;
  try {
    state = await context.state;
    view = chooseProfileView(state, page.userName, context, signal);
  } catch (error) {
    view = { kind: 'unavailable', error };
  }
  return <MissingSequelsPanel view={view} texts={pageTexts(state, context.browserLanguage)} theme={context.theme} />;
}

export function initProfilePanel(page: ProfilePage, context: FeatureContext, signal: AbortSignal): Promise<void> {
  return mountAtAnchor(
    {
      selector: SELECTORS.profileOverviewSection,
      description: 'profile overview column',
      pick: lastColumnOf,
      content: panelContent(page, context, signal),
      request: { name: 'sequel-finder-panel', testId: 'missing-sequels-panel', append: 'first', layout: 'block' },
    },
    context,
    signal,
  );
}
