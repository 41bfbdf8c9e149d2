import type { ReadonlySignal } from '@preact/signals';
import type { PlanningModel } from '../../lib/pages/models';
import type { PageTexts } from '../../lib/pages/texts';
import type { SiteTheme } from '../../lib/pages/theme';
import type { MissingSequel } from '../../lib/sequels/types';
import { AddToPlanningButton } from './AddToPlanningButton';
import { PanelRoot } from './PanelRoot';
import { SequelRow } from './SequelRow';

/** A missing sequel shown in the note, with its Add to Planning model when the user is logged in. */
export interface NoteItem {
  sequel: MissingSequel;
  planning: PlanningModel | null;
}

interface FranchiseNoteProps {
  /** 'next': sequels missing after this media, which is on the list; 'here': this media is the missing one. */
  kind: 'next' | 'here';
  items: readonly NoteItem[];
  /** Missing sequels of the franchise beyond `items`. */
  more: number;
  texts: PageTexts;
  theme: ReadonlySignal<SiteTheme>;
}

/** The note at the top of a media page's overview: what comes next, with Add to Planning. */
export function FranchiseNote({ kind, items, more, texts, theme }: FranchiseNoteProps) {
  return (
    <PanelRoot theme={theme} class="mb-5">
      <div class="rounded-[4px] border-l-4 border-solid border-al-blue bg-al-foreground py-2 pr-4 pl-3 contrast:ring-1 contrast:ring-al-text-lighter">
        <h2 class="m-0 pt-1 text-[13px] font-semibold text-al-text">
          {kind === 'next' ? texts.t('nextTitle') : texts.t('missingHereTitle')}
        </h2>
        <ul class="m-0 list-none p-0">
          {items.map(({ sequel, planning }) => (
            <SequelRow
              key={sequel.media.id}
              sequel={sequel}
              texts={texts}
              action={planning === null ? undefined : <AddToPlanningButton model={planning} texts={texts} />}
            />
          ))}
        </ul>
        {more > 0 && <p class="m-0 pb-1 text-[12px] text-al-text-light">{texts.t('moreMissing', { count: more })}</p>}
      </div>
    </PanelRoot>
  );
}
