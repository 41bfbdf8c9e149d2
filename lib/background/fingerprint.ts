import type { UserList } from '../anilist/types';
import type { FinderSettings } from '../sequels/types';

/**
 * Fingerprints that tell the periodic check whether a list changed since the last scan. They are
 * SHA-256 hex digests, so a result stores 64 characters instead of the whole list.
 */

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Returns a key that is equal for equal finder settings, whatever the order of their arrays. */
export function finderSettingsKey(settings: FinderSettings): string {
  return JSON.stringify({
    type: settings.type,
    sourceStatuses: [...settings.sourceStatuses].sort(),
    relations: [...settings.relations].sort(),
    excludedFormats: [...settings.excludedFormats].sort(),
    includeAdult: settings.includeAdult,
    includeAnnounced: settings.includeAnnounced,
  });
}

/**
 * Fingerprints a list as the scan sees it: each entry's id, media, status and last change, and
 * the finder settings. An entry added, removed, moved to another status or edited on AniList
 * (which sets updatedAt) changes it; so does any change of the settings.
 */
export async function listFingerprint(list: UserList, settings: FinderSettings): Promise<string> {
  const entries = [...list.entries]
    .sort((a, b) => a.id - b.id || a.mediaId - b.mediaId)
    .map((entry) => `${entry.id}:${entry.mediaId}:${entry.status}:${entry.updatedAt ?? ''}`);
  return sha256Hex(`${list.user.id}|${list.type}|${finderSettingsKey(settings)}|${entries.join(',')}`);
}
