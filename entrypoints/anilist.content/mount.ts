import { type ComponentChild, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import panelCss from '../../components/page/page.css?inline';

/** A mount: anchor, placement and content. Every mount is removed again when `signal` aborts. */
export interface MountRequest {
  /** The shadow host's tag name: HOST_TAG_PREFIX (host-names.ts) and a word. */
  name: string;
  /** The host's data-testid. */
  testId: string;
  anchor: Element;
  append: 'first' | 'last' | 'before' | 'after';
  content: ComponentChild;
  /** The host box layout: a block panel, an inline marker, or a badge laid over a card's corner. */
  layout: 'block' | 'inline' | 'corner';
  signal: AbortSignal;
}

export interface MountedUi {
  host: HTMLElement;
  remove(): void;
}

/** Mounts content in a shadow root at the anchor; resolves with null when the signal aborted meanwhile. */
export type MountUi = (request: MountRequest) => Promise<MountedUi | null>;

/**
 * Host styles. WXT resets the host with `:host { all: initial !important }`. Only a later
 * `!important` rule inside the shadow root overrides that, so styles set on the host from the
 * page would lose.
 */
export const HOST_CSS: Record<MountRequest['layout'], string> = {
  block: ':host { display: block !important; }',
  inline: ':host { display: inline-block !important; vertical-align: middle !important; }',
  corner: ':host { display: block !important; position: absolute !important; top: 6px !important; left: 6px !important; z-index: 2 !important; }',
};

/**
 * Mounts with WXT's createShadowRootUi. The panel CSS is bundled into the script as a string and
 * given to every shadow root, where WXT's 'ui' injection mode would fetch the stylesheet from the
 * extension once per mount (a list page has one mount per marker).
 */
export function createShadowMount(ctx: ContentScriptContext): MountUi {
  return async (request) => {
    const ui = await createShadowRootUi<HTMLElement>(ctx, {
      name: request.name,
      position: 'inline',
      anchor: request.anchor,
      append: request.append,
      css: `${HOST_CSS[request.layout]}\n${panelCss}`,
      onMount: (container) => {
        render(request.content, container);
        return container;
      },
      onRemove: (container) => {
        if (container !== undefined) render(null, container);
      },
    });
    if (request.signal.aborted || !request.anchor.isConnected) return null;

    ui.shadowHost.dataset.testid = request.testId;
    ui.mount();
    request.signal.addEventListener('abort', () => ui.remove(), { once: true });
    return { host: ui.shadowHost, remove: () => ui.remove() };
  };
}
