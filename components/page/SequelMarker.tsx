import type { ReadonlySignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { displayTitle } from '../../lib/anilist/title';
import type { PageTexts } from '../../lib/pages/texts';
import type { SiteTheme } from '../../lib/pages/theme';
import type { MissingSequel } from '../../lib/sequels/types';
import { formatAndYear } from './labels';
import { PanelRoot } from './PanelRoot';

/** Titles listed in the tooltip; the label counts the rest. */
const LISTED = 4;
/** Space kept between the tooltip and the viewport edge and marker, in px. */
const GAP = 6;

interface SequelMarkerProps {
  missing: readonly MissingSequel[];
  texts: PageTexts;
  theme: ReadonlySignal<SiteTheme>;
}

/** Places the tooltip under the marker, inside the viewport; it lives in the top layer, so list rows cannot clip it. */
function placeTooltip(marker: HTMLElement, tooltip: HTMLElement): void {
  const anchor = marker.getBoundingClientRect();
  const width = tooltip.offsetWidth;
  const height = tooltip.offsetHeight;
  const left = Math.max(GAP, Math.min(anchor.left, window.innerWidth - width - GAP));
  const below = anchor.bottom + GAP;
  const top = below + height > window.innerHeight ? Math.max(GAP, anchor.top - height - GAP) : below;
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${top}px`;
}

/**
 * Renders the marker after a list entry's title: a small badge whose tooltip names the missing
 * sequels on hover or keyboard focus.
 */
export function SequelMarker({ missing, texts, theme }: SequelMarkerProps) {
  const markerRef = useRef<HTMLButtonElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const titles = missing.map((sequel) => displayTitle(sequel.media, texts.titleLanguage));
  const label = texts.t('markerLabel', { count: missing.length, titles: titles.join(', ') });

  const show = () => {
    const marker = markerRef.current;
    const tooltip = tooltipRef.current;
    if (marker === null || tooltip === null || typeof tooltip.showPopover !== 'function') return;
    if (!tooltip.matches(':popover-open')) tooltip.showPopover();
    placeTooltip(marker, tooltip);
  };
  const hide = () => {
    const tooltip = tooltipRef.current;
    if (tooltip !== null && typeof tooltip.hidePopover === 'function' && tooltip.matches(':popover-open')) tooltip.hidePopover();
  };

  return (
    <PanelRoot theme={theme} class="inline-block align-middle">
      <button
        ref={markerRef}
        type="button"
        aria-label={label}
        aria-describedby="sequel-tooltip"
        class="relative -top-px ml-1.5 inline-flex h-[16px] min-w-[16px] cursor-help items-center justify-center rounded-full border-0 bg-al-blue px-1 text-[10px] leading-none font-bold text-al-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-al-blue contrast:outline contrast:outline-1 contrast:outline-al-text"
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(event) => {
          if (event.key === 'Escape') hide();
        }}
      >
        +{missing.length}
      </button>
      <div
        ref={tooltipRef}
        id="sequel-tooltip"
        role="tooltip"
        popover="manual"
        class="fixed max-w-[280px] rounded-[4px] bg-al-foreground px-3 py-2 text-[12px] text-al-text shadow-[0_4px_20px_rgba(var(--color-shadow-blue,103,132,187),0.3)] ring-1 ring-al-text-lighter/25 contrast:ring-al-text"
      >
        <p class="m-0 mb-1 font-semibold">{texts.t('markerHeading', { count: missing.length })}</p>
        <ul class="m-0 list-none p-0">
          {missing.slice(0, LISTED).map((sequel, index) => (
            <li key={sequel.media.id} class="py-0.5">
              <span class="font-semibold">{titles[index]}</span>
              <span class="text-al-text-lighter"> {formatAndYear(sequel.media)}</span>
            </li>
          ))}
        </ul>
        {missing.length > LISTED && (
          <p class="m-0 mt-1 text-al-text-lighter">{texts.t('moreMissing', { count: missing.length - LISTED })}</p>
        )}
      </div>
    </PanelRoot>
  );
}
