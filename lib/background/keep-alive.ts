/**
 * Chrome stops an extension service worker after 30 seconds without extension events or API
 * calls, and each API call resets that timer (Chrome 110 and later). A scan waiting out AniList's
 * rate limit makes no calls for up to a minute, so while it runs a cheap API call is made at
 * this interval. A worker stopped anyway resumes the scan from its stored state.
 */
export const KEEP_ALIVE_INTERVAL_MS = 20_000;

/** Calls `ping` every `intervalMs` until the returned function is called. */
export function startKeepAlive(ping: () => Promise<unknown>, intervalMs = KEEP_ALIVE_INTERVAL_MS): () => void {
  const timer = setInterval(() => {
    ping().catch((error: unknown) => console.warn('The keep-alive call failed.', error));
  }, intervalMs);
  return () => clearInterval(timer);
}
