import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { SiteTheme } from '../../lib/pages/theme';

interface PanelRootProps {
  theme: ReadonlySignal<SiteTheme>;
  class?: string;
  children: ComponentChildren;
}

/**
 * The root of every panel in a shadow root. WXT resets the shadow host with `all: initial`, so
 * the font is set here; `data-theme` follows the theme signal without a re-render.
 */
export function PanelRoot({ theme, class: className = '', children }: PanelRootProps) {
  return (
    <div data-theme={theme} class={`font-sans text-[13px] leading-normal font-normal text-al-text antialiased ${className}`}>
      {children}
    </div>
  );
}
