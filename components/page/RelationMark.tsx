import type { ReadonlySignal } from '@preact/signals';
import type { PageTexts } from '../../lib/pages/texts';
import type { SiteTheme } from '../../lib/pages/theme';
import { PanelRoot } from './PanelRoot';

interface RelationMarkProps {
  texts: PageTexts;
  theme: ReadonlySignal<SiteTheme>;
}

/** The badge on a card in a media page's Relations section whose media is a missing sequel. */
export function RelationMark({ texts, theme }: RelationMarkProps) {
  return (
    <PanelRoot theme={theme}>
      <span
        title={texts.t('relationMarkLabel')}
        class="inline-block rounded-[3px] bg-al-blue px-1.5 py-0.5 text-[10px] leading-tight font-bold tracking-wide text-al-white uppercase shadow-[0_1px_4px_rgba(0,0,0,0.35)] contrast:outline contrast:outline-1 contrast:outline-al-white"
      >
        {texts.t('relationMark')}
      </span>
    </PanelRoot>
  );
}
