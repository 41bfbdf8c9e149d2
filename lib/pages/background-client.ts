import { sendRequest } from '../messages/send';
import type { AddToPlanningResult, BackgroundState, MediaStatus, ScanSummary } from '../messages/state';

/** The background requests of the page features; tests pass a fake. */
export interface PageBackground {
  getState(): Promise<BackgroundState>;
  getMediaStatus(mediaId: number): Promise<MediaStatus>;
  /** Scans another user's public list; the background caches it and paces AniList requests. */
  scanOtherUser(userName: string): Promise<ScanSummary>;
  /** Adds one media to the Planning list, the only write a content script may send. */
  addToPlanning(mediaId: number): Promise<AddToPlanningResult>;
}

/**
 * Creates the client of the requests lib/messages/permissions.ts allows a content script, sent
 * with the protocol's sendRequest. Failures arrive as RequestError, whose message the background
 * words for the user.
 */
export function createPageBackground(): PageBackground {
  return {
    getState: () => sendRequest({ type: 'getState' }),
    getMediaStatus: (mediaId) => sendRequest({ type: 'getMediaStatus', mediaId }),
    scanOtherUser: (userName) => sendRequest({ type: 'scanOtherUser', userName }),
    addToPlanning: (mediaId) => sendRequest({ type: 'addToPlanning', mediaIds: [mediaId] }),
  };
}
