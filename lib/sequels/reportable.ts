import type { Media } from '../anilist/types';
import type { Availability, FinderSettings } from './types';

/**
 * Tells whether `media` may be reported under `settings`. Unknown values are given the benefit of
 * the doubt: a null type matches any scan and a null format is never excluded.
 */
export function isReportable(media: Media, settings: FinderSettings): boolean {
  if (media.type !== null && media.type !== settings.type) return false;
  if (media.format !== null && settings.excludedFormats.includes(media.format)) return false;
  if (media.status === 'CANCELLED') return false;
  if (media.isAdult && !settings.includeAdult) return false;
  if (media.status === 'NOT_YET_RELEASED' && !settings.includeAnnounced) return false;
  return true;
}

/** Returns 'available' once any part has aired or been published, and 'announced' for NOT_YET_RELEASED or an unknown status. */
export function availabilityOf(media: Media): Availability {
  switch (media.status) {
    case 'FINISHED':
    case 'RELEASING':
    case 'HIATUS':
      return 'available';
    default:
      return 'announced';
  }
}
