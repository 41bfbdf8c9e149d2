/**
 * Reduces AniList's HTML synopsis to plain text. AniList sends a small subset of HTML (`<br>`,
 * `<i>`, `<b>`, `<a>`, `<p>`) with entities, and screens must show it as text, never as markup.
 * The parsing uses DOMParser, whose documents are inert: scripts do not run and images do not load.
 */
export function synopsisText(html: string | null | undefined): string {
  if (html === null || html === undefined || html.trim() === '') return '';

  // Line breaks become text before parsing, because textContent drops the elements.
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p\s*>/gi, '\n\n');
  const text = new DOMParser().parseFromString(withBreaks, 'text/html').body.textContent ?? '';

  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
