/**
 * AniList serves cover images from numbered hosts such as `s4.anilist.co`. Panels show an image
 * only from those hosts over https, so a changed or tampered URL in stored data cannot make a
 * page load images from elsewhere.
 */
const ANILIST_CDN_HOST = /^s\d+\.anilist\.co$/;

/** Returns `url` when it is an https URL on AniList's image hosts, otherwise null. */
export function anilistImageUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !ANILIST_CDN_HOST.test(parsed.hostname)) return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  return parsed.href;
}
