import { useI18n } from '../../components/i18n-context';
import { Cover } from '../../components/Cover';
import type { MissingSequel } from '../../lib/sequels/types';
import {
  aniListUrl, formatLabel, lengthText, listStatusLabel, releaseText,
} from '../../lib/ui/media-facts';
import { synopsisText } from '../../lib/ui/synopsis';

export interface SequelCardProps {
  sequel: MissingSequel;
  title: string;
  /** Titles of the media passed through, nearest first; `#id` when the media is not among the results. */
  viaTitles: string[];
  sourceTitle: string | null;
  selected: boolean;
  expanded: boolean;
  added: boolean;
  busy: boolean;
  /** Adding to Planning needs a login; while logged out the button is disabled and says so. */
  loggedIn: boolean;
  onToggleSelected(): void;
  onToggleExpanded(): void;
  onAdd(): void;
  onIgnore(): void;
}

/** One missing sequel: what it is, when it comes out, what it follows, and the actions on it. */
export function SequelCard(props: SequelCardProps) {
  const { shared, popup: t, locale } = useI18n();
  const { sequel, title } = props;
  const { media } = sequel;
  const source = sequel.from[0];
  const facts = [formatLabel(media, shared), releaseText(media, locale, shared), lengthText(media, shared)].filter(
    (fact) => fact !== '',
  );
  const detailsId = `details-${media.id}`;
  const titleId = `title-${media.id}`;

  return (
    <article
      class="card mx-2 mb-2 flex gap-2 p-2"
      data-testid="sequel-card"
      data-media-id={media.id}
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <input
        type="checkbox"
        class="mt-1 size-4 shrink-0 accent-al-blue"
        checked={props.selected}
        disabled={props.added}
        onChange={props.onToggleSelected}
        aria-label={t('card.select', { title })}
        data-testid="select-sequel"
      />
      <Cover media={media} class="h-[68px] w-12" />
      <div class="min-w-0 flex-1">
        <h3 id={titleId} class="text-sm leading-tight font-semibold text-al-strong">
          {title}
        </h3>
        <p class="mt-0.5 text-xs text-al-muted">{facts.join(' · ')}</p>
        {source && (
          <p class="mt-0.5 text-xs">
            {t('card.after', {
              title: props.sourceTitle ?? `#${source.mediaId}`,
              status: listStatusLabel(source.listStatus, media.type, shared),
            })}
            {props.viaTitles.length > 0 && <> · {t('card.via', { titles: props.viaTitles.join(', ') })}</>}
          </p>
        )}
        {sequel.availability === 'announced' && (
          <span class="mt-1 inline-block rounded bg-al-orange/15 px-1.5 text-[11px] font-semibold text-al-orange">
            {shared('availability.announced')}
          </span>
        )}
        <div class="mt-1.5 flex flex-wrap items-center gap-1.5">
          {props.added ? (
            <span class="text-xs font-semibold text-al-green" data-testid="added-to-planning" role="status">
              ✓ {t('card.added')}
            </span>
          ) : (
            <button
              type="button"
              class="btn-primary !px-2 !py-0.5 !text-xs"
              onClick={props.onAdd}
              disabled={props.busy || !props.loggedIn}
              title={props.loggedIn ? undefined : t('card.addNeedsLogin')}
              data-testid="add-to-planning"
              aria-label={props.loggedIn ? t('card.addLabel', { title }) : t('card.addNeedsLoginLabel', { title })}
            >
              {t('card.add')}
            </button>
          )}
          <button
            type="button"
            class="btn !px-2 !py-0.5 !text-xs"
            onClick={props.onIgnore}
            disabled={props.busy}
            data-testid="ignore"
            aria-label={t('card.ignoreLabel', { title })}
          >
            {t('card.ignore')}
          </button>
          <a
            class="btn-ghost text-xs"
            href={aniListUrl(media)}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('card.openLabel', { title })}
          >
            {t('card.open')} ↗
          </a>
          <button
            type="button"
            class="btn-ghost ml-auto text-xs"
            aria-expanded={props.expanded}
            aria-controls={detailsId}
            onClick={props.onToggleExpanded}
            data-testid="toggle-details"
          >
            {props.expanded ? t('card.less') : t('card.more')}
          </button>
        </div>
        {props.expanded && <SequelDetails id={detailsId} sequel={sequel} />}
      </div>
    </article>
  );
}

function SequelDetails({ id, sequel }: { id: string; sequel: MissingSequel }) {
  const { popup: t, shared } = useI18n();
  const { media } = sequel;
  const synopsis = synopsisText(media.description);
  return (
    <div id={id} class="mt-2 border-t border-al-border pt-2 text-xs" data-testid="sequel-details">
      <p class="whitespace-pre-line" data-testid="synopsis">
        {synopsis === '' ? t('card.noSynopsis') : synopsis}
      </p>
      <dl class="mt-1.5 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
        <dt class="text-al-muted">{t('card.meanScore')}</dt>
        <dd>{media.averageScore === null ? t('card.unknown') : `${media.averageScore}%`}</dd>
        <dt class="text-al-muted">{t('card.genres')}</dt>
        <dd>{media.genres.length === 0 ? t('card.unknown') : media.genres.join(', ')}</dd>
        <dt class="text-al-muted">{t('card.relation')}</dt>
        <dd>
          {shared(`relation.${sequel.relation}`)}
          {sequel.depth > 1 ? ` · ${t('card.depth', { depth: sequel.depth })}` : ''}
        </dd>
      </dl>
    </div>
  );
}
