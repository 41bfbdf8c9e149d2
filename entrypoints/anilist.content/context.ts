import type { ReadonlySignal } from '@preact/signals';
import type { BackgroundState } from '../../lib/messages/state';
import type { PageBackground } from '../../lib/pages/background-client';
import type { OtherScanCache } from '../../lib/pages/models';
import type { WhenNearViewport } from '../../lib/pages/near-viewport';
import type { SiteTheme } from '../../lib/pages/theme';
import type { MountUi } from './mount';

/** What each page feature gets for one page view. Tests build it with fakes. */
export interface FeatureContext {
  /** The page's URL at navigation time. */
  url: string;
  background: PageBackground;
  /**
   * The background state, requested once per page view as navigation starts, so the answer is
   * usually there by the time the page's elements are.
   */
  state: Promise<BackgroundState>;
  theme: ReadonlySignal<SiteTheme>;
  mount: MountUi;
  /** Other users' scans made on this tab; kept across page views. */
  otherScans: OtherScanCache;
  /** The browser's UI language, for the 'browser' language setting. */
  browserLanguage: string;
  /** Creates the near-viewport watcher of one page view (createNearViewportWatcher; tests call back at once). */
  watchNearViewport: (signal: AbortSignal) => WhenNearViewport;
}
