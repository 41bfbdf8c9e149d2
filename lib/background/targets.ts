import type { MediaType } from '../anilist/types';
import type { Session } from '../auth/session';
import type { Settings } from '../settings/schema';
import { resultKey, type ScanTarget } from './scan-job';

/**
 * Whose list the extension follows: the logged-in user's own list, or while logged out the
 * public list whose name the user typed (`scanUserName`).
 */
export function currentTarget(settings: Pick<Settings, 'scanUserName'>, session: Pick<Session, 'viewer'> | null): ScanTarget | null {
  if (session !== null) return { userId: session.viewer.id, userName: session.viewer.name };
  if (settings.scanUserName !== null) return { userId: null, userName: settings.scanUserName };
  return null;
}

export function currentResultKey(settings: Pick<Settings, 'scanUserName' | 'mediaType'>, session: Pick<Session, 'viewer'> | null): string | null {
  const target = currentTarget(settings, session);
  return target === null ? null : resultKey(target, settings.mediaType);
}

/** The result keys of both media types of a target. */
export function resultKeysOf(target: ScanTarget): Record<MediaType, string> {
  return { ANIME: resultKey(target, 'ANIME'), MANGA: resultKey(target, 'MANGA') };
}

/** The prefix of every result key of the logged-in user `userId`, for logout. */
export function userResultPrefix(userId: number): string {
  return `user:${userId}:`;
}

/** The prefix of every result key of a list scanned by the name `userName`, as while logged out. */
export function nameResultPrefix(userName: string): string {
  return `name:${userName.toLowerCase()}:`;
}
