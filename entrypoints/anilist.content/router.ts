import { detectPage, type PageKind, samePage } from '../../lib/pages/page-kind';
import type { FeatureContext } from './context';
import { initListMarkers } from './list-markers';
import { initMediaNote } from './media-note';
import { initProfilePanel } from './profile-panel';

/** Starts the features of one page kind; each ties its listeners and mounts to `signal`. */
export function runFeatures(page: PageKind, context: FeatureContext, signal: AbortSignal): Promise<void> {
  switch (page.kind) {
    case 'profile':
      return initProfilePanel(page, context, signal);
    case 'list':
      return initListMarkers(page, context, signal);
    case 'media':
      return initMediaNote(page, context, signal);
    case 'other':
      return Promise.resolve();
  }
}

export interface PageRouter {
  /** Cleans up the current page's features and starts those of `url`; a change of hash alone is ignored. */
  navigate(url: string): void;
  /** Cleans up and stops; later navigations are ignored. */
  stop(): void;
  /** Settles when the current page's features have started, for tests and benchmarks. */
  readonly settled: Promise<void>;
}

/**
 * Follows anilist.co's client-side navigation: every page view gets a fresh AbortController, and
 * leaving the page aborts it, which disconnects the observers and removes the panels.
 */
export function createPageRouter(createContext: (url: string) => FeatureContext): PageRouter {
  let current: { url: string; controller: AbortController } | null = null;
  let stopped = false;
  let settled: Promise<void> = Promise.resolve();

  const navigate = (url: string) => {
    if (stopped || (current !== null && samePage(current.url, url))) return;
    current?.controller.abort();
    const controller = new AbortController();
    current = { url, controller };

    const page = detectPage(url);
    if (page.kind === 'other') {
      settled = Promise.resolve();
      return;
    }
    settled = runFeatures(page, createContext(url), controller.signal).catch((error: unknown) => {
      if (controller.signal.aborted) return;
      console.error(`[Sequel Finder] The ${page.kind} page feature failed on ${url}.`, error);
    });
  };

  return {
    navigate,
    stop: () => {
      stopped = true;
      current?.controller.abort();
      current = null;
    },
    get settled() {
      return settled;
    },
  };
}
