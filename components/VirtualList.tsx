import {
  elementScroll, observeElementOffset, observeElementRect, Virtualizer,
} from '@tanstack/virtual-core';
import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';

export interface VirtualListHandle {
  /** Scrolls row `index` into view, so it is rendered and can take focus. */
  scrollToIndex(index: number): void;
}

interface VirtualListProps<Row> {
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** A first guess of a row's height in px; rendered rows are measured. */
  estimateHeight: (row: Row) => number;
  renderRow: (row: Row, index: number) => ComponentChildren;
  /** Classes of the scrolling element; it needs a bounded height. */
  class?: string;
  label: string;
  handleRef?: Ref<VirtualListHandle>;
  testId?: string;
}

/**
 * Renders only the rows near the visible part of a long list, so 1,000 results cost as much to
 * paint as the few on screen. Rows may change height (an expanded card); each rendered row is
 * measured with a ResizeObserver.
 */
export function VirtualList<Row>(props: VirtualListProps<Row>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const propsRef = useRef(props);
  propsRef.current = props;

  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLDivElement, HTMLDivElement>({
        count: props.rows.length,
        getScrollElement: () => scrollRef.current,
        estimateSize: (index) => {
          const row = propsRef.current.rows[index];
          return row === undefined ? 100 : propsRef.current.estimateHeight(row);
        },
        getItemKey: keyReader(props.rows, props.rowKey),
        observeElementRect,
        observeElementOffset,
        scrollToFn: elementScroll,
        measureElement: measureRow,
        overscan: 6,
        // Used until the scroll element is measured, so the first paint already shows a screenful.
        initialRect: { width: 440, height: 600 },
        onChange: () => rerender(0),
      }),
  );

  // The virtualizer caches row offsets until `count` or the `getItemKey` function changes, so a
  // re-sort with the same count would keep the old order's offsets and rows would overlap.
  // A new key function per rows array makes it lay the rows out again from the measured sizes.
  // `rowKey` is left out of the dependencies because callers pass a new arrow function per render.
  const getItemKey = useMemo(() => keyReader(props.rows, props.rowKey), [props.rows]);
  virtualizer.setOptions({ ...virtualizer.options, count: props.rows.length, getItemKey });
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  const contentRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
    // Measures every rendered row after each render, as well as on resize: a row that moved to
    // another index, or grew in the same render (an expanded card), gets its size stored at once.
    for (const element of contentRef.current?.children ?? []) virtualizer.measureElement(element as HTMLDivElement);
  });

  useEffect(() => {
    if (props.handleRef === undefined || props.handleRef === null) return;
    const handle: VirtualListHandle = { scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) };
    if (typeof props.handleRef === 'function') props.handleRef(handle);
    else props.handleRef.current = handle;
  }, [props.handleRef, virtualizer]);

  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} class={`overflow-y-auto ${props.class ?? ''}`} role="list" aria-label={props.label} data-testid={props.testId}>
      <div ref={contentRef} style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative', width: '100%' }}>
        {items.map((item) => {
          const row = props.rows[item.index];
          if (row === undefined) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              {props.renderRow(row, item.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function keyReader<Row>(rows: readonly Row[], rowKey: (row: Row) => string) {
  return (index: number): string | number => {
    const row = rows[index];
    return row === undefined ? index : rowKey(row);
  };
}

/**
 * Reads a row's height from the ResizeObserver entry, or from the element itself. The library's
 * default returns the cached size when there is no entry, which would miss a row that grew in
 * the render that also moved it.
 */
function measureRow(element: HTMLDivElement, entry: ResizeObserverEntry | undefined): number {
  const box = entry?.borderBoxSize[0];
  return box === undefined ? element.offsetHeight : Math.round(box.blockSize);
}
