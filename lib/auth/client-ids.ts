/**
 * AniList API clients are registered per redirect URL, and Chrome and Firefox give an extension
 * different redirect URLs (`https://<id>.chromiumapp.org/` and
 * `https://<hash>.extensions.allizom.org/`), so each browser build needs its own client id.
 * The ids are build-time settings, read from `WXT_`-prefixed variables that WXT exposes on
 * `import.meta.env` (from the environment or a `.env` file).
 */

export const CLIENT_ID_VARIABLES = {
  chrome: 'WXT_ANILIST_CLIENT_ID_CHROME',
  firefox: 'WXT_ANILIST_CLIENT_ID_FIREFOX',
} as const;

export type ClientIdBrowser = keyof typeof CLIENT_ID_VARIABLES;

/** Browsers whose `identity.getRedirectURL()` is a chromiumapp.org address, like Chrome's. */
const CHROMIUM_BROWSERS = new Set(['chrome', 'edge']);

/** Maps a WXT target browser name to the client id it uses, or null for a browser without one. */
export function clientIdBrowser(browserName: string): ClientIdBrowser | null {
  const name = browserName.toLowerCase();
  if (name === 'firefox') return 'firefox';
  if (CHROMIUM_BROWSERS.has(name)) return 'chrome';
  return null;
}

export class MissingClientIdError extends Error {
  override readonly name = 'MissingClientIdError';
}

/**
 * Returns the AniList client id for a build target.
 * @param browserName WXT's target browser (the background passes `import.meta.env.BROWSER`).
 * @param env the build's variables; tests pass their own.
 * @throws MissingClientIdError when the build has no valid id for that browser.
 */
export function anilistClientId(browserName: string, env: Record<string, unknown> = import.meta.env): string {
  const target = clientIdBrowser(browserName);
  if (target === null) {
    throw new MissingClientIdError(
      `This build targets "${browserName}", which has no AniList client id; only Chrome, Edge and Firefox are supported.`,
    );
  }

  const variable = CLIENT_ID_VARIABLES[target];
  const value = env[variable];
  const id = typeof value === 'string' ? value.trim() : '';
  if (id === '') {
    throw new MissingClientIdError(
      `This build has no AniList client id: see docs/ANILIST-CLIENT.md on registering a client, then set ${variable} and build again.`,
    );
  }
  if (!/^\d+$/.test(id)) {
    throw new MissingClientIdError(
      `${variable} is "${id}", but AniList client ids are numbers: copy the ID shown on https://anilist.co/settings/developer.`,
    );
  }
  return id;
}
