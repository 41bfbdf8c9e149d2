import type { MediaType } from '../anilist/types';
import type { BackgroundState, ScanSummary } from '../messages/state';
import type { MissingSequel } from '../sequels/types';

/** A scan's missing sequels, looked up the ways the page features need. */
export interface MissingIndex {
  summary: ScanSummary;
  /** Missing sequels reached from each on-list media id, nearest first. */
  bySource: ReadonlyMap<number, readonly MissingSequel[]>;
  /** Each missing sequel by its own media id. */
  byId: ReadonlyMap<number, MissingSequel>;
}

function byDepth(a: MissingSequel, b: MissingSequel): number {
  return a.depth - b.depth;
}

/** Indexes a scan's missing sequels by source entry and by id. */
export function indexMissing(summary: ScanSummary): MissingIndex {
  const bySource = new Map<number, MissingSequel[]>();
  const byId = new Map<number, MissingSequel>();

  for (const sequel of summary.missing) {
    byId.set(sequel.media.id, sequel);
    for (const source of sequel.from) {
      const list = bySource.get(source.mediaId);
      if (list) list.push(sequel);
      else bySource.set(source.mediaId, [sequel]);
    }
  }
  // Array.prototype.sort is stable, so equal depths keep the finder's order.
  for (const list of bySource.values()) list.sort(byDepth);
  return { summary, bySource, byId };
}

/** Compares AniList user names, which the site treats case-insensitively in URLs. */
export function sameUserName(a: string | null | undefined, b: string | null | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Tells whether `userName` is the user this browser scans: the logged-in viewer, or while
 * logged out the user named in the settings.
 */
export function isOwnUser(state: BackgroundState, userName: string): boolean {
  if (state.login !== null) return sameUserName(state.login.viewer.name, userName);
  return sameUserName(state.settings.scanUserName, userName) || sameUserName(state.lastScan?.userName, userName);
}

/**
 * Returns the stored scan of `userName`'s list when the background has one, of `mediaType`
 * when given. Reading it sends no request to AniList.
 */
export function storedScanOf(state: BackgroundState, userName: string, mediaType?: MediaType): ScanSummary | null {
  const scan = state.lastScan;
  if (scan === null || !sameUserName(scan.userName, userName)) return null;
  if (mediaType !== undefined && scan.mediaType !== mediaType) return null;
  return scan;
}
