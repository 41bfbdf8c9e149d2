import type { ComponentChildren } from 'preact';
import { displayTitle } from '../../lib/anilist/title';
import type { PageTexts } from '../../lib/pages/texts';
import type { MissingSequel } from '../../lib/sequels/types';
import { Cover } from './Cover';
import { formatAndYear, mediaPath, RELATION_LABELS } from './labels';

interface SequelRowProps {
  sequel: MissingSequel;
  texts: PageTexts;
  /** A control shown at the row's end, such as Add to Planning. */
  action?: ComponentChildren;
}

/** "Sequel of X", or "3 entries after X" for a sequel further down the chain. */
export function relationLine(sequel: MissingSequel, texts: PageTexts): string | null {
  const source = sequel.from[0];
  if (source === undefined) return null;
  const title = displayTitle(source.media, texts.titleLanguage);
  if (sequel.depth <= 1) return texts.t('relationOf', { relation: RELATION_LABELS[sequel.relation], title });
  return texts.t('entriesAfter', { count: sequel.depth, title });
}

/** One missing sequel: cover, title linking to its AniList page, what it follows, format and year. */
export function SequelRow({ sequel, texts, action }: SequelRowProps) {
  const { media } = sequel;
  const title = displayTitle(media, texts.titleLanguage);
  const follows = relationLine(sequel, texts);
  const details = formatAndYear(media);

  return (
    <li class="flex min-w-0 items-center gap-3 py-2" data-media-id={media.id}>
      <Cover url={media.coverImage} width={40} />
      <div class="min-w-0 flex-1">
        <a
          href={mediaPath(media)}
          title={title}
          class="block truncate font-semibold text-al-text no-underline hover:text-al-blue focus-visible:text-al-blue contrast:underline"
        >
          {title}
        </a>
        {follows !== null && <div class="truncate text-[12px] text-al-text-light">{follows}</div>}
        <div class="flex flex-wrap items-center gap-x-2 text-[11px] text-al-text-lighter">
          {details !== '' && <span>{details}</span>}
          {sequel.availability === 'announced' && (
            <span class="rounded-[3px] bg-al-orange/15 px-1.5 font-semibold text-al-orange contrast:bg-transparent contrast:text-al-text contrast:ring-1 contrast:ring-al-text">
              {texts.t('announced')}
            </span>
          )}
        </div>
      </div>
      {action !== undefined && <div class="shrink-0">{action}</div>}
    </li>
  );
}
