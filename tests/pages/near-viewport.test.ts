import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNearViewportWatcher, NEAR_VIEWPORT_MARGIN } from '../../lib/pages/near-viewport';

/** An IntersectionObserver stand-in that the test drives by hand. */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | null = null;
  readonly observed = new Set<object>();
  disconnected = false;

  constructor(
    readonly callback: (entries: { target: object; isIntersecting: boolean }[]) => void,
    readonly options: { rootMargin?: string },
  ) {
    FakeIntersectionObserver.last = this;
  }

  observe(target: object): void {
    this.observed.add(target);
  }

  unobserve(target: object): void {
    this.observed.delete(target);
  }

  disconnect(): void {
    this.disconnected = true;
    this.observed.clear();
  }

  report(target: object, isIntersecting: boolean): void {
    this.callback([{ target, isIntersecting }]);
  }
}

function watcher(signal = new AbortController().signal) {
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  const whenNear = createNearViewportWatcher(signal);
  return { whenNear, observer: FakeIntersectionObserver.last! };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createNearViewportWatcher', () => {
  it('observes with the margin', () => {
    const { observer } = watcher();
    expect(observer.options.rootMargin).toBe(NEAR_VIEWPORT_MARGIN);
  });

  it('calls back once when near', () => {
    const { whenNear, observer } = watcher();
    const row = {} as Element;
    const calls: string[] = [];
    whenNear(row, () => calls.push('near'));

    observer.report(row, true);
    observer.report(row, true);

    expect(calls).toEqual(['near']);
    expect(observer.observed.has(row)).toBe(false);
  });

  it('waits while far away', () => {
    const { whenNear, observer } = watcher();
    const row = {} as Element;
    const calls: string[] = [];
    whenNear(row, () => calls.push('near'));

    observer.report(row, false);

    expect(calls).toEqual([]);
    expect(observer.observed.has(row)).toBe(true);
  });

  it('keeps the latest callback of an element', () => {
    const { whenNear, observer } = watcher();
    const row = {} as Element;
    const calls: string[] = [];
    whenNear(row, () => calls.push('old href'));
    whenNear(row, () => calls.push('new href'));

    observer.report(row, true);

    expect(calls).toEqual(['new href']);
  });

  it('disconnects on abort', () => {
    const controller = new AbortController();
    const { whenNear, observer } = watcher(controller.signal);
    const row = {} as Element;
    whenNear(row, () => undefined);

    controller.abort();
    whenNear({} as Element, () => undefined);

    expect(observer.disconnected).toBe(true);
    expect(observer.observed.size).toBe(0);
  });
});
