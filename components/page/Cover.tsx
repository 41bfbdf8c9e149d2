import { anilistImageUrl } from '../../lib/pages/images';

interface CoverProps {
  url: string | null;
  /** Width in px; the height keeps AniList's 2:3 cover ratio (rounded to whole pixels). */
  width: number;
}

/** A media cover from AniList's image hosts, or a plain placeholder of the same size. */
export function Cover({ url, width }: CoverProps) {
  const height = Math.round((width * 3) / 2);
  const src = anilistImageUrl(url);
  const size = { width: `${width}px`, height: `${height}px` };
  if (src === null) return <div aria-hidden="true" class="shrink-0 rounded-[3px] bg-al-background" style={size} />;
  return (
    <img
      src={src}
      alt=""
      loading="lazy"
      width={width}
      height={height}
      class="shrink-0 rounded-[3px] bg-al-background object-cover"
      style={size}
    />
  );
}
