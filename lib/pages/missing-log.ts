/**
 * Logs an anilist.co element that was expected but not found, once per element and page load,
 * in development builds only. A release build stays silent, and the page works on as if the
 * extension were not there.
 */
const reported = new Set<string>();

/** Whether this is a development build; set by Vite, and true under Vitest. */
const DEVELOPMENT = import.meta.env.DEV === true;

/** Logs `what` the first time it is reported; returns whether this call logged. */
export function reportMissingElement(what: string, url: string): boolean {
  if (!DEVELOPMENT || reported.has(what)) return false;
  reported.add(what);
  console.warn(`[Sequel Finder] Not found on ${url}: ${what}. AniList may have changed its page layout.`);
  return true;
}

/** Forgets what was logged, for tests. */
export function resetMissingElementLog(): void {
  reported.clear();
}
