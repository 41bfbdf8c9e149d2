import { type Signal, useComputed } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../components/i18n-context';
import { VirtualList, type VirtualListHandle } from '../../components/VirtualList';
import type { SequelRow } from '../../lib/ui/groups';
import type { SequelsModel } from '../../lib/ui/sequels-model';
import { SequelCard } from './SequelCard';

/** Estimated heights in px; rendered rows are measured. */
const HEADER_HEIGHT = 30;
const CARD_HEIGHT = 124;

/** The card after `index`, or else the one before it, which takes focus when that card goes away. */
function neighborCardId(rows: readonly SequelRow[], index: number): number | null {
  for (const step of [1, -1]) {
    for (let next = index + step; next >= 0 && next < rows.length; next += step) {
      const row = rows[next];
      if (row?.kind === 'sequel') return row.sequel.media.id;
    }
  }
  return null;
}

/**
 * The windowed list of franchise headers and sequel cards. Arrow keys move between cards.
 * Setting `focusRequest` to a media id scrolls to its card and focuses it.
 */
export function SequelList({ model, focusRequest, loggedIn }: { model: SequelsModel; focusRequest: Signal<number | null>; loggedIn: boolean }) {
  const { popup: t } = useI18n();
  const listRef = useRef<VirtualListHandle>(null);
  const rows = model.rows.value;
  const titlesById = useComputed(() => new Map(model.all.value.map((sequel) => [sequel.media.id, model.titleOf(sequel)])));
  const selected = model.selected.value;
  const expanded = model.expanded.value;
  const added = model.added.value;
  const busy = model.busy.value;

  const focusRow = (index: number) => {
    listRef.current?.scrollToIndex(index);
    // The row may only exist after the list re-renders at the new scroll position.
    requestAnimationFrame(() => {
      const card = document.querySelector<HTMLElement>(`[data-index="${index}"] [data-testid="sequel-card"]`);
      card?.focus();
    });
  };

  const requestedId = focusRequest.value;
  useEffect(() => {
    if (requestedId === null) return;
    focusRequest.value = null;
    const index = rows.findIndex((row) => row.kind === 'sequel' && row.sequel.media.id === requestedId);
    if (index >= 0) focusRow(index);
  }, [requestedId, rows]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const target = event.target as HTMLElement;
    if (target.closest('input, select, textarea') !== null) return;
    const rowElement = target.closest<HTMLElement>('[data-index]');
    if (rowElement === null) return;
    const step = event.key === 'ArrowDown' ? 1 : -1;
    let index = Number(rowElement.dataset.index) + step;
    while (rows[index]?.kind === 'franchise') index += step;
    if (rows[index] === undefined) return;
    event.preventDefault();
    focusRow(index);
  };

  const renderRow = (row: SequelRow, index: number) => {
    if (row.kind === 'franchise') return <FranchiseHeader row={row} model={model} />;
    const { sequel } = row;
    const id = sequel.media.id;
    const source = sequel.from[0];
    return (
      <SequelCard
        sequel={sequel}
        title={model.titleOf(sequel)}
        sourceTitle={source ? model.titleOf(source) : null}
        viaTitles={sequel.via.map((viaId) => titlesById.value.get(viaId) ?? `#${viaId}`)}
        selected={selected.has(id)}
        expanded={expanded.has(id)}
        added={added.has(id)}
        busy={busy.has(id)}
        loggedIn={loggedIn}
        onToggleSelected={() => model.toggleSelected(id)}
        onToggleExpanded={() => model.toggleExpanded(id)}
        onAdd={() => void model.addToPlanning([id])}
        onIgnore={() => {
          // Focus would fall to the page once the card is gone, so it moves to a neighbor.
          const neighbor = neighborCardId(rows, index);
          void model.ignore(sequel);
          if (neighbor !== null) focusRequest.value = neighbor;
        }}
      />
    );
  };

  return (
    <div class="min-h-0 flex-1" onKeyDown={onKeyDown}>
      <VirtualList
        rows={rows}
        rowKey={(row) => row.key}
        estimateHeight={(row) => (row.kind === 'franchise' ? HEADER_HEIGHT : CARD_HEIGHT)}
        renderRow={renderRow}
        class="h-full pt-1"
        label={t('sequels.listLabel')}
        handleRef={listRef}
        testId="sequel-list"
      />
    </div>
  );
}

/** Names a franchise after the list entry its next sequel follows. */
function FranchiseHeader({ row, model }: { row: Extract<SequelRow, { kind: 'franchise' }>; model: SequelsModel }) {
  const { popup: t } = useI18n();
  const head = row.group.sequels[0];
  const source = head?.from[0];
  const name = source ? model.titleOf(source) : head ? model.titleOf(head) : row.key;
  return (
    <h2 class="px-3 pt-1.5 pb-1 text-[11px] font-bold tracking-wide text-al-muted uppercase" data-testid="franchise-header">
      {t('sequels.franchise', { title: name, count: row.group.sequels.length })}
    </h2>
  );
}
