import { useSignal } from '@preact/signals';
import type { PageTexts } from '../../lib/pages/texts';
import type { MissingSequel } from '../../lib/sequels/types';
import { SequelRow } from './SequelRow';

/** Rows shown before "Show all": enough to be useful without pushing the activity feed far down. */
export const COLLAPSED_ROWS = 5;

interface SequelListProps {
  missing: readonly MissingSequel[];
  texts: PageTexts;
}

/** The missing sequels, nearest first, folded to a few rows with a toggle for the rest. */
export function SequelList({ missing, texts }: SequelListProps) {
  const expanded = useSignal(false);
  const foldable = missing.length > COLLAPSED_ROWS;
  const shown = foldable && !expanded.value ? missing.slice(0, COLLAPSED_ROWS) : missing;

  return (
    <div>
      <ul class="m-0 list-none divide-y divide-al-background p-0 contrast:divide-al-text-lighter">
        {shown.map((sequel) => (
          <SequelRow key={sequel.media.id} sequel={sequel} texts={texts} />
        ))}
      </ul>
      {foldable && (
        <button
          type="button"
          class="mt-1 cursor-pointer border-0 bg-transparent p-0 text-[12px] font-semibold text-al-blue hover:underline"
          aria-expanded={expanded.value}
          onClick={() => {
            expanded.value = !expanded.value;
          }}
        >
          {expanded.value ? texts.t('showFewer') : texts.t('showAll', { count: missing.length })}
        </button>
      )}
    </div>
  );
}
