import { useState } from 'preact/hooks';
import type { Media } from '../lib/anilist/types';
import { safeCoverUrl } from '../lib/ui/media-facts';

interface CoverProps {
  media: Pick<Media, 'coverImage'>;
  /** CSS size classes, such as "w-12 h-17". */
  class?: string;
}

/** Shows a media cover from AniList's CDN, or an empty tile. It is decorative, because the title next to it names the media. */
export function Cover({ media, class: sizeClass = 'w-12 h-17' }: CoverProps) {
  const url = safeCoverUrl(media.coverImage);
  // A cover that fails to load (offline, removed) shows the empty tile instead of a broken image.
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  return url === null || url === failedUrl ? (
    <div class={`${sizeClass} shrink-0 rounded bg-al-muted/20`} aria-hidden="true" />
  ) : (
    <img
      src={url}
      alt=""
      loading="lazy"
      decoding="async"
      referrerpolicy="no-referrer"
      onError={() => setFailedUrl(url)}
      class={`${sizeClass} shrink-0 rounded object-cover bg-al-muted/20`}
    />
  );
}
