import type { Media, MediaTitle, TitleLanguage } from './types';

type TitleField = 'english' | 'romaji' | 'native';

const DEFAULT_ORDER: readonly TitleField[] = ['english', 'romaji', 'native'];

/** Returns the title field a language preference shows first. Stylised variants use the plain field. */
function preferredField(language: TitleLanguage): TitleField {
  if (language.startsWith('ENGLISH')) return 'english';
  if (language.startsWith('NATIVE')) return 'native';
  return 'romaji';
}

function usable(title: string | null | undefined): title is string {
  return typeof title === 'string' && title.trim() !== '';
}

/**
 * Picks the title to show: the preferred language's title when given, then English, romaji and
 * native, then AniList's userPreferred title (the only one relation nodes of some queries carry),
 * and finally `#id`. Empty and blank titles count as missing.
 */
export function displayTitle(media: Pick<Media, 'id' | 'title'>, language?: TitleLanguage): string {
  const title: Partial<MediaTitle> = media.title ?? {};
  const order = language ? [preferredField(language), ...DEFAULT_ORDER] : DEFAULT_ORDER;

  for (const field of order) {
    const candidate = title[field];
    if (usable(candidate)) return candidate;
  }
  if (usable(title.userPreferred)) return title.userPreferred;
  return `#${media.id}`;
}
