import type { ComponentChild } from 'preact';
import { reportMissingElement } from '../../lib/pages/missing-log';
import { observeElements } from '../../lib/pages/observe';
import type { FeatureContext } from './context';
import { isOwnHost } from './host-names';
import type { MountedUi, MountRequest } from './mount';

export interface AnchoredMount {
  /** The selector of the anchor, and a description of it for the log of missing elements. */
  selector: string;
  description: string;
  /** Picks the anchor from a matched element; the match itself by default. */
  pick?: (match: Element) => Element;
  /** The panel, once known; null mounts nothing. */
  content: Promise<ComponentChild | null>;
  request: Omit<MountRequest, 'anchor' | 'content' | 'signal'> & { append: 'first' | 'last' };
}

/**
 * Mounts a panel into the element `selector` finds, as soon as both that element and the content
 * are there, and keeps it there. When Vue replaces the element (a route re-rendered with new data,
 * or old content still on screen right after a navigation), the panel moves into the new one.
 */
export async function mountAtAnchor(options: AnchoredMount, context: FeatureContext, signal: AbortSignal): Promise<void> {
  const { request } = options;
  let anchor: Element | null = null;
  let content: ComponentChild | null = null;
  let mounted: MountedUi | null = null;
  let mounting = false;

  const place = (host: HTMLElement, target: Element) => {
    if (host.parentElement === target) return;
    if (request.append === 'first') target.prepend(host);
    else target.append(host);
  };

  const update = async () => {
    if (anchor === null || content === null || signal.aborted) return;
    if (mounted === null) {
      if (mounting) return;
      mounting = true;
      mounted = await context.mount({ ...request, anchor, content, signal });
    }
    // The anchor may have been replaced while the mount was under way.
    if (mounted !== null && anchor !== null) place(mounted.host, anchor);
  };

  observeElements(
    options.selector,
    (match) => {
      anchor = options.pick?.(match) ?? match;
      void update();
    },
    { signal, ignoreNode: isOwnHost },
  );
  signal.addEventListener(
    'abort',
    () => {
      // Only a panel that had something to show needed the anchor.
      if (anchor === null && content !== null) reportMissingElement(`${options.description} (${options.selector})`, context.url);
    },
    { once: true },
  );

  content = await options.content;
  await update();
}
