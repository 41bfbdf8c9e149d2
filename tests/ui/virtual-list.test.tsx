import './support/dom-environment';
import { render } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualList } from '../../components/VirtualList';

interface Row {
  id: string;
  height: number;
}

/** Rows of the heights a sequel list has: headers, one-line and two-line cards, an expanded card. */
const ROWS: Row[] = [
  { id: 'header-a', height: 30 },
  { id: 'card-1', height: 124 },
  { id: 'card-2', height: 168 },
  { id: 'header-b', height: 46 },
  { id: 'card-3', height: 124 },
  { id: 'card-4', height: 310 },
  { id: 'card-5', height: 124 },
];

// happy-dom lays nothing out, so each row reports the height written on its content.
const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const content = this.hasAttribute('data-index') ? this.firstElementChild : null;
      return content instanceof HTMLElement ? Number(content.dataset.height) : 0;
    },
  });
});
afterAll(() => {
  if (offsetHeight !== undefined) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
});

function list(rows: readonly Row[], heights: ReadonlyMap<string, number> = new Map()) {
  return (
    <VirtualList
      rows={rows}
      rowKey={(row) => row.id}
      estimateHeight={() => 100}
      renderRow={(row) => <div data-height={heights.get(row.id) ?? row.height}>{row.id}</div>}
      label="rows"
      testId="sequel-list"
    />
  );
}

/** The rendered rows as boxes, top to bottom. */
function renderedBoxes() {
  const rows = [...document.querySelectorAll<HTMLElement>('[role="listitem"]')];
  return rows
    .map((row) => ({
      id: row.textContent ?? '',
      top: Number(/translateY\((-?[\d.]+)px\)/.exec(row.style.transform)?.[1]),
      height: row.offsetHeight,
    }))
    .sort((a, b) => a.top - b.top);
}

function expectNoOverlap() {
  const boxes = renderedBoxes();
  expect(boxes.length).toBeGreaterThan(1);
  for (let index = 1; index < boxes.length; index += 1) {
    const above = boxes[index - 1]!;
    const below = boxes[index]!;
    expect(below.top, `${below.id} starts inside ${above.id}`).toBeGreaterThanOrEqual(above.top + above.height);
  }
}

describe('VirtualList row layout', () => {
  it('rows of mixed heights never overlap', () => {
    render(list(ROWS));
    expectNoOverlap();
    expect(renderedBoxes().map((box) => box.id)).toEqual(ROWS.map((row) => row.id));
  });

  it('re-sorted rows never overlap', () => {
    const { rerender } = render(list(ROWS));
    const reversed = [...ROWS].reverse();
    rerender(list(reversed));
    expectNoOverlap();
    expect(renderedBoxes().map((box) => box.id)).toEqual(reversed.map((row) => row.id));

    const byHeight = [...ROWS].sort((a, b) => b.height - a.height);
    rerender(list(byHeight));
    expectNoOverlap();
    expect(renderedBoxes().map((box) => box.id)).toEqual(byHeight.map((row) => row.id));
  });

  it('expanded row pushes the next down', () => {
    const { rerender } = render(list(ROWS));
    rerender(list(ROWS, new Map([['card-1', 400]])));
    expectNoOverlap();
    const boxes = renderedBoxes();
    expect(boxes.find((box) => box.id === 'card-2')?.top).toBe(30 + 400);
  });
});
