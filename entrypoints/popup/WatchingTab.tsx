import { useEffect, useState } from 'preact/hooks';
import { Cover } from '../../components/Cover';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../components/i18n-context';
import { displayTitle } from '../../lib/anilist/title';
import { MEDIA_LIST_STATUSES, type MediaListStatus, type ScoreFormat } from '../../lib/anilist/types';
import type { WatchingEntry } from '../../lib/messages/state';
import type { BackgroundStore } from '../../lib/ui/background-store';
import { listStatusLabel } from '../../lib/ui/media-facts';
import { formatScore, parseScore, scoreScale } from '../../lib/ui/score';
import { maxProgress, type WatchingModel } from '../../lib/ui/watching-model';

/** The logged-in user's CURRENT entries with +1 episode, status and score, written back to AniList. */
export function WatchingTab({ model, store }: { model: WatchingModel; store: BackgroundStore }) {
  const { popup: t, shared } = useI18n();
  const login = store.state.value?.login ?? null;
  useEffect(() => {
    if (login !== null) void model.load();
  }, [model, login?.viewer.id]);

  if (login === null) {
    return (
      <p class="p-4 text-center text-sm" data-testid="watching-logged-out">
        {t('watching.loggedOut')}
      </p>
    );
  }

  const list = model.list.value;
  const entries = list?.entries ?? null;
  const scoreFormat = list?.scoreFormat ?? login.viewer.scoreFormat;
  const failure = model.failure.value;
  const titleOf = (entry: WatchingEntry) => displayTitle(entry.media, login.viewer.titleLanguage);
  return (
    <div class="min-h-0 flex-1 overflow-y-auto p-2" data-testid="watching-tab">
      {failure && (
        <ErrorBanner message={shared('error.requestFailed', { detail: failure.detail })} testId="watching-error">
          {failure.mediaId === null && (
            <button type="button" class="btn" onClick={() => void model.load()}>
              {shared('action.retry')}
            </button>
          )}
        </ErrorBanner>
      )}
      {entries === null ? (
        failure === null && (
          <p role="status" class="p-2 text-sm">
            {shared('state.loading')}
          </p>
        )
      ) : entries.length === 0 ? (
        <p class="p-4 text-center text-sm" data-testid="watching-empty">
          {t('watching.empty')}
        </p>
      ) : (
        <ul class="space-y-1.5">
          {entries.map((entry) => (
            <WatchingRow
              key={entry.mediaId}
              entry={entry}
              title={titleOf(entry)}
              scoreFormat={scoreFormat}
              editable={list?.editable ?? false}
              saving={model.saving.value.has(entry.mediaId)}
              model={model}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

interface WatchingRowProps {
  entry: WatchingEntry;
  title: string;
  scoreFormat: ScoreFormat;
  editable: boolean;
  saving: boolean;
  model: WatchingModel;
}

function WatchingRow({ entry, title, scoreFormat, editable, saving, model }: WatchingRowProps) {
  const { popup: t, shared, locale } = useI18n();
  const max = maxProgress(entry);
  const manga = entry.media.type === 'MANGA';
  const progressText = Number.isFinite(max)
    ? t(manga ? 'watching.chapterOf' : 'watching.episodeOf', { progress: entry.progress, total: max })
    : t(manga ? 'watching.chapter' : 'watching.episode', { progress: entry.progress });
  const scale = scoreScale(scoreFormat);
  const locked = saving || !editable;
  const storedScoreText = entry.score > 0 ? String(entry.score) : '';
  // The text of a score that was not saved, shown under the field, which shows the stored score again.
  const [rejectedScore, setRejectedScore] = useState<string | null>(null);
  const scoreMessageId = `score-message-${entry.mediaId}`;

  return (
    <li class="card flex gap-2 p-2 text-xs" data-testid="watching-entry" data-media-id={entry.mediaId} aria-busy={saving}>
      <Cover media={entry.media} class="h-14 w-10" />
      <div class="min-w-0 flex-1 space-y-1">
        <p class="truncate text-sm font-semibold text-al-strong">{title}</p>
        <div class="flex items-center gap-2">
          <span data-testid="progress">{progressText}</span>
          <button
            type="button"
            class="btn !px-1.5 !py-0 !text-xs"
            disabled={locked || entry.progress >= max}
            onClick={() => void model.increment(entry.mediaId)}
            aria-label={t(manga ? 'watching.plusOneChapter' : 'watching.plusOneEpisode', { title })}
            data-testid="increment-progress"
          >
            +1
          </button>
        </div>
        <div class="flex flex-wrap items-center gap-2">
          <select
            class="field !py-0 !text-xs"
            value={entry.status}
            disabled={locked}
            aria-label={t('watching.statusLabel', { title })}
            onChange={(event) => void model.update({ mediaId: entry.mediaId, status: event.currentTarget.value as MediaListStatus })}
            data-testid="status-select"
          >
            {MEDIA_LIST_STATUSES.map((status) => (
              <option key={status} value={status}>
                {listStatusLabel(status, entry.media.type, shared)}
              </option>
            ))}
          </select>
          {scale.choices === null ? (
            <input
              type="number"
              class="field w-20 !py-0 !text-xs"
              min={0}
              max={scale.max}
              step={scale.step}
              disabled={locked}
              // Keyed by the stored score, so a failed save puts the old value back in the field.
              key={`score-${entry.score}`}
              defaultValue={storedScoreText}
              placeholder={formatScore(0, scoreFormat, locale)}
              aria-label={t('watching.scoreLabel', { title, max: scale.max })}
              aria-describedby={rejectedScore === null ? undefined : scoreMessageId}
              aria-invalid={rejectedScore !== null}
              onChange={(event) => {
                const input = event.currentTarget;
                const typed = input.value.trim();
                // A number field reports text it cannot read as '' with `badInput` set.
                let score: number | null = null;
                if (!input.validity.badInput) score = typed === '' ? 0 : parseScore(typed, scoreFormat);
                if (score === null) {
                  input.value = storedScoreText;
                  setRejectedScore(typed);
                  return;
                }
                setRejectedScore(null);
                void model.update({ mediaId: entry.mediaId, score }).then(() => {
                  // A failed save keeps the stored score, and so the same key, so the field is reset here.
                  if (model.failure.value?.mediaId === entry.mediaId && input.isConnected) input.value = storedScoreText;
                });
              }}
              data-testid="score-input"
            />
          ) : (
            <select
              class="field !py-0 !text-xs"
              value={String(Math.round(entry.score))}
              disabled={locked}
              aria-label={t('watching.scoreLabel', { title, max: scale.max })}
              onChange={(event) => void model.update({ mediaId: entry.mediaId, score: Number(event.currentTarget.value) })}
              data-testid="score-select"
            >
              <option value="0">{t('watching.noScore')}</option>
              {scale.choices.map((choice) => (
                <option key={choice.value} value={String(choice.value)}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </div>
        {rejectedScore !== null && (
          <p id={scoreMessageId} class="text-al-red" role="alert" data-testid="score-message">
            {rejectedScore === '' ? t('watching.scoreInvalid', { max: scale.max }) : t('watching.scoreRejected', { value: rejectedScore, max: scale.max })}
          </p>
        )}
      </div>
    </li>
  );
}
