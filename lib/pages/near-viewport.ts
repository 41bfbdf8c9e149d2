/**
 * Calls back once an element comes near the viewport, so a long list mounts the markers of the
 * rows on screen first and the rest as the user scrolls, instead of hundreds of shadow roots at
 * once. Built on IntersectionObserver, which reports without polling.
 */
export type WhenNearViewport = (element: Element, onNear: () => void) => void;

/** How far outside the viewport an element counts as near: about a screen of rows above and below. */
export const NEAR_VIEWPORT_MARGIN = '1000px 0px';

/** Creates a watcher whose observer is disconnected when `signal` aborts. */
export function createNearViewportWatcher(signal: AbortSignal): WhenNearViewport {
  const callbacks = new Map<Element, () => void>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const onNear = callbacks.get(entry.target);
        callbacks.delete(entry.target);
        observer.unobserve(entry.target);
        onNear?.();
      }
    },
    { rootMargin: NEAR_VIEWPORT_MARGIN },
  );
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      callbacks.clear();
    },
    { once: true },
  );

  return (element, onNear) => {
    if (signal.aborted) return;
    callbacks.set(element, onNear);
    observer.observe(element);
  };
}
