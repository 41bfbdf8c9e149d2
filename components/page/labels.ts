import type { Media, MediaFormat, MediaRelation } from '../../lib/anilist/types';

/** Formats as anilist.co labels them, in every language (the site has only English labels). */
export const FORMAT_LABELS: Record<MediaFormat, string> = {
  TV: 'TV',
  TV_SHORT: 'TV Short',
  MOVIE: 'Movie',
  SPECIAL: 'Special',
  OVA: 'OVA',
  ONA: 'ONA',
  MUSIC: 'Music',
  MANGA: 'Manga',
  NOVEL: 'Light Novel',
  ONE_SHOT: 'One Shot',
};

/** Relation types as the Relations section of a media page labels them. */
export const RELATION_LABELS: Record<MediaRelation, string> = {
  ADAPTATION: 'Adaptation',
  PREQUEL: 'Prequel',
  SEQUEL: 'Sequel',
  PARENT: 'Parent',
  SIDE_STORY: 'Side Story',
  CHARACTER: 'Character',
  SUMMARY: 'Summary',
  ALTERNATIVE: 'Alternative',
  SPIN_OFF: 'Spin Off',
  OTHER: 'Other',
  SOURCE: 'Source',
  COMPILATION: 'Compilation',
  CONTAINS: 'Contains',
  SAME_UNIVERSE: 'Same Universe',
};

/** The year a media started, or was announced to start, when AniList knows it. */
export function mediaYear(media: Pick<Media, 'startDate' | 'seasonYear'>): number | null {
  return media.startDate?.year ?? media.seasonYear ?? null;
}

/** "TV · 2021": the format and year that are known, for one line under a title. */
export function formatAndYear(media: Pick<Media, 'format' | 'startDate' | 'seasonYear'>): string {
  const parts: string[] = [];
  if (media.format !== null) parts.push(FORMAT_LABELS[media.format]);
  const year = mediaYear(media);
  if (year !== null) parts.push(String(year));
  return parts.join(' · ');
}

/** The AniList page of a media, as a path on anilist.co. */
export function mediaPath(media: Pick<Media, 'id' | 'type'>): string {
  return `/${media.type === 'MANGA' ? 'manga' : 'anime'}/${media.id}/`;
}
