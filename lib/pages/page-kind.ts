import type { MediaType } from '../anilist/types';

/**
 * The kinds of anilist.co page the content script adds to, read from the URL alone. Paths follow
 * the site's Vue router:
 * - profile overview: `/user/Josh/` (also without the trailing slash)
 * - anime or manga list: `/user/Josh/animelist`, `/user/Josh/mangalist/Completed`
 * - media page: `/anime/21/ONE-PIECE/`, `/anime/21`, `/manga/30013/ONE-PIECE/characters`
 */
export type PageKind =
  | { kind: 'profile'; userName: string }
  | { kind: 'list'; userName: string; mediaType: MediaType; listName: string | null }
  /** `tab` is the sub-page after the slug ("characters", "staff", ...), or null on the overview. */
  | { kind: 'media'; mediaType: MediaType; mediaId: number; tab: string | null }
  | { kind: 'other' };

export const ANILIST_HOST = 'anilist.co';

const LIST_SEGMENTS: Record<string, MediaType> = { animelist: 'ANIME', mangalist: 'MANGA' };
const MEDIA_SEGMENTS: Record<string, MediaType> = { anime: 'ANIME', manga: 'MANGA' };

/** AniList user names are letters and digits; the bound matches the protocol's user name limit. */
const USER_NAME = /^[A-Za-z0-9_-]{1,50}$/;
const MEDIA_ID = /^[1-9]\d{0,15}$/;

const OTHER: PageKind = { kind: 'other' };

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Splits a path into its non-empty segments, so `/user/Josh/` and `/user/Josh` match alike. */
function segmentsOf(pathname: string): string[] | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    const decoded = decodeSegment(raw);
    if (decoded === null) return null;
    segments.push(decoded);
  }
  return segments;
}

function detectUserPage(segments: string[]): PageKind {
  const [, userName, section, listName, ...rest] = segments;
  if (userName === undefined || !USER_NAME.test(userName)) return OTHER;
  if (section === undefined) return { kind: 'profile', userName };

  const mediaType = LIST_SEGMENTS[section];
  if (mediaType === undefined || rest.length > 0) return OTHER;
  return { kind: 'list', userName, mediaType, listName: listName ?? null };
}

function detectMediaPage(mediaType: MediaType, segments: string[]): PageKind {
  const [, idText, , tab, ...rest] = segments;
  if (idText === undefined || !MEDIA_ID.test(idText) || rest.length > 0) return OTHER;
  const mediaId = Number(idText);
  if (!Number.isSafeInteger(mediaId)) return OTHER;
  return { kind: 'media', mediaType, mediaId, tab: tab ?? null };
}

/** Detects the kind of page at `url`. Anything not on https://anilist.co is 'other'. */
export function detectPage(url: string | URL): PageKind {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return OTHER;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== ANILIST_HOST) return OTHER;

  const segments = segmentsOf(parsed.pathname);
  if (segments === null || segments.length === 0) return OTHER;
  const [first] = segments;
  if (first === 'user') return detectUserPage(segments);

  const mediaType = first === undefined ? undefined : MEDIA_SEGMENTS[first];
  return mediaType === undefined ? OTHER : detectMediaPage(mediaType, segments);
}

/**
 * Reads the media a link on an anilist.co page points at, such as a list entry's
 * `/anime/101922/Kimetsu-no-Yaiba/`; null for a link to anything else.
 */
export function mediaOfLink(href: string | null): { mediaType: MediaType; mediaId: number } | null {
  if (href === null) return null;
  let url: URL;
  try {
    url = new URL(href, `https://${ANILIST_HOST}/`);
  } catch {
    return null;
  }
  const page = detectPage(url);
  return page.kind === 'media' ? { mediaType: page.mediaType, mediaId: page.mediaId } : null;
}

/** Tells whether two URLs show the same page, ignoring the hash and a trailing slash. */
export function samePage(a: string | URL, b: string | URL): boolean {
  const normalize = (url: string | URL) => {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  };
  return normalize(a) === normalize(b);
}
