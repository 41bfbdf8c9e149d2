import { THEME_CLASSES } from './selectors';

/**
 * AniList's site theme. The site sets it as a class on `<body>` and defines its colours as CSS
 * variables holding RGB triplets (`--color-text: 92,114,138`), so panels use
 * `rgb(var(--color-text))` and need the theme name only for what the variables do not carry,
 * such as the contrast theme's borders.
 */
export type SiteTheme = 'light' | 'dark' | 'contrast';

/** Reads the theme from the body's classes; no theme class is the light theme. */
export function readTheme(body: Element): SiteTheme {
  if (body.classList.contains(THEME_CLASSES.contrast)) return 'contrast';
  if (body.classList.contains(THEME_CLASSES.dark)) return 'dark';
  return 'light';
}

/**
 * Calls `onChange` with the new theme each time the body's theme class changes (the user can
 * switch themes without a reload), until `signal` aborts.
 */
export function watchTheme(body: Element, onChange: (theme: SiteTheme) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  let current = readTheme(body);
  const observer = new MutationObserver(() => {
    const next = readTheme(body);
    if (next === current) return;
    current = next;
    onChange(next);
  });
  observer.observe(body, { attributes: true, attributeFilter: ['class'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
