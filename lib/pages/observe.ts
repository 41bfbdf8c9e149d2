/**
 * The one way the content script finds anilist.co elements: a MutationObserver that reports
 * elements matching a selector, now and whenever Vue adds them, until an AbortSignal fires.
 * Nothing here polls on a timer.
 */

export interface ObserveOptions {
  signal: AbortSignal;
  /** The subtree searched; the whole document by default. */
  root?: Document | Element;
  /**
   * Attribute names whose change on an already reported element reports it again, for elements
   * that Vue patches in place (a list row whose link now points at another media).
   */
  reportAgainOn?: readonly string[];
  /**
   * Nodes whose insertion or removal alone never makes an element match, such as the extension's
   * own shadow hosts. Skipping those batches saves a query of the whole page per mounted marker.
   */
  ignoreNode?: (node: Node) => boolean;
}

/**
 * Calls `onElement` for every element that matches `selector`: first for those present, then
 * for each one that appears or starts to match later. Each element is reported once, unless one
 * of `reportAgainOn` changes on it.
 */
export function observeElements(selector: string, onElement: (element: Element) => void, options: ObserveOptions): void {
  const { signal, root = document, reportAgainOn = [], ignoreNode } = options;
  if (signal.aborted) return;

  const seen = new WeakSet<Element>();
  // One query per batch of mutations, over the whole root: a selector such as
  // `.user-page-unscoped .overview > .section` can start to match through a change of an
  // ancestor, which the added nodes alone would not show.
  const reportMatches = () => {
    for (const match of root.querySelectorAll(selector)) {
      if (signal.aborted) return;
      if (seen.has(match)) continue;
      seen.add(match);
      onElement(match);
    }
  };

  reportMatches();
  // A caller that only wanted the first match may have aborted in its callback above.
  if (signal.aborted) return;

  const ignored = (record: MutationRecord) =>
    ignoreNode !== undefined &&
    record.type === 'childList' &&
    [...record.addedNodes, ...record.removedNodes].every((node) => ignoreNode(node));

  const observer = new MutationObserver((records) => {
    if (signal.aborted || records.every(ignored)) return;
    for (const record of records) {
      const name = record.attributeName;
      if (name !== null && reportAgainOn.includes(name) && record.target instanceof Element) seen.delete(record.target);
    }
    reportMatches();
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['class', ...reportAgainOn],
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
