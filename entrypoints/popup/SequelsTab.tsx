import { useSignal } from '@preact/signals';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../components/i18n-context';
import type { AccountModel } from '../../lib/ui/account-model';
import type { BackgroundStore } from '../../lib/ui/background-store';
import { EMPTY_FILTER, isFilterActive } from '../../lib/ui/filters';
import { SORT_KEYS, type SortKey } from '../../lib/ui/groups';
import type { SequelsModel } from '../../lib/ui/sequels-model';
import { FilterPanel } from './FilterPanel';
import { SequelList } from './SequelList';

/** The Sequels tab: search, filters, sort, the count, the list and the undo bar. */
export function SequelsTab({ store, model, account }: { store: BackgroundStore; model: SequelsModel; account: AccountModel }) {
  const { popup: t, shared } = useI18n();
  const filtersOpen = useSignal(false);
  const focusRequest = useSignal<number | null>(null);
  const state = store.state.value;

  if (state === null) {
    return (
      <p role="status" class="p-4 text-sm" data-testid="sequels-loading">
        {t('sequels.loading')}
      </p>
    );
  }
  if (state.lastScan === null) {
    return (
      <p class="p-4 text-sm" data-testid="no-scan-yet">
        {state.login === null ? t('sequels.noScanLoggedOut') : t('sequels.noScan')}
      </p>
    );
  }

  const total = model.all.value.length;
  const { lastScan } = state;
  if (lastScan.missing.length === 0 && lastScan.entryCount === 0) {
    return (
      <div class="p-6 text-center" data-testid="empty-list">
        <p class="text-base font-semibold text-al-strong">{t(`sequels.emptyList.${lastScan.mediaType}`, { user: lastScan.userName })}</p>
        <p class="mt-1 text-sm">{t('sequels.emptyListDetail')}</p>
      </div>
    );
  }
  if (lastScan.missing.length === 0 && lastScan.sourceCount === 0) {
    return (
      <div class="p-6 text-center" data-testid="no-source-entries">
        <p class="text-base font-semibold text-al-strong">{t('sequels.noSource')}</p>
        <p class="mt-1 text-sm">{t('sequels.noSourceDetail', { count: lastScan.entryCount ?? 0 })}</p>
      </div>
    );
  }
  if (total === 0) {
    return (
      <div class="p-6 text-center" data-testid="all-caught-up">
        <p class="text-base font-semibold text-al-strong">{t('sequels.caughtUp')}</p>
        <p class="mt-1 text-sm">{t('sequels.caughtUpDetail')}</p>
      </div>
    );
  }

  const filter = model.filter.value;
  const shown = model.visible.value.length;
  const selectedCount = model.selected.value.size;
  const failure = model.failure.value;
  const undo = model.undo.value;
  const loggedIn = state.login !== null;

  return (
    <div class="flex min-h-0 flex-1 flex-col">
      <div class="flex items-center gap-1.5 px-3 pt-2 pb-1.5">
        <input
          type="search"
          class="field min-w-0 flex-1"
          placeholder={t('sequels.searchPlaceholder')}
          aria-label={t('sequels.searchLabel')}
          value={filter.query}
          onInput={(event) => {
            model.filter.value = { ...model.filter.value, query: event.currentTarget.value };
          }}
          data-testid="search-input"
        />
        <button
          type="button"
          class="btn"
          aria-expanded={filtersOpen.value}
          aria-controls="filter-panel"
          onClick={() => {
            filtersOpen.value = !filtersOpen.value;
          }}
          data-testid="filters-button"
        >
          {t('sequels.filters')}
          {isFilterActive({ ...filter, query: '' }) && <span class="size-1.5 rounded-full bg-al-blue" aria-label={t('sequels.filtersActive')} />}
        </button>
        <label class="sr-only" for="sort-select">
          {t('sequels.sortLabel')}
        </label>
        <select
          id="sort-select"
          class="field"
          value={model.sort.value}
          onChange={(event) => {
            model.sort.value = event.currentTarget.value as SortKey;
          }}
          data-testid="sort-select"
        >
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {t(`sort.${key}`)}
            </option>
          ))}
        </select>
      </div>
      {filtersOpen.value && <FilterPanel model={model} id="filter-panel" />}
      <div class="flex min-h-7 items-center gap-2 px-3 pb-1 text-xs">
        <span aria-live="polite" data-testid="result-count">
          {shown === total ? t('sequels.countAll', { count: total }) : t('sequels.countSome', { shown, count: total })}
        </span>
        <span class="ml-auto flex items-center gap-1.5">
          {selectedCount > 0 ? (
            <>
              <span>{t('sequels.selected', { count: selectedCount })}</span>
              <button
                type="button"
                class="btn-primary !py-0.5 !text-xs"
                onClick={() => void model.addSelected()}
                disabled={!loggedIn}
                title={loggedIn ? undefined : t('card.addNeedsLogin')}
                data-testid="add-selected"
              >
                {t('sequels.addSelected')}
              </button>
              <button type="button" class="btn-ghost text-xs" onClick={model.clearSelection}>
                {t('sequels.clearSelection')}
              </button>
            </>
          ) : (
            shown > 0 && (
              <button type="button" class="btn-ghost text-xs" onClick={model.selectVisible} data-testid="select-visible">
                {t('sequels.selectShown')}
              </button>
            )
          )}
        </span>
      </div>
      {failure && (
        <div class="px-3 pb-1.5">
          <ErrorBanner
            message={t(`failure.${failure.kind}`, { titles: failure.titles.join(', '), detail: failure.detail })}
            onDismiss={() => {
              model.failure.value = null;
            }}
            dismissLabel={t('failure.dismiss')}
            testId="action-error"
          >
            {!loggedIn && failure.kind === 'add' && (
              <button
                type="button"
                class="btn"
                onClick={() => void account.login()}
                disabled={account.pending.value !== null || !state.loginAvailable}
                data-testid="action-error-login"
              >
                {shared('action.logIn')}
              </button>
            )}
          </ErrorBanner>
        </div>
      )}
      {undo && (
        <div
          role="status"
          class="mx-2 mb-2 flex items-center gap-2 rounded-md bg-al-strong px-3 py-1.5 text-xs text-al-bg shadow-lg"
          data-testid="undo-bar"
        >
          <span class="min-w-0 flex-1 truncate">{t('undo.ignored', { title: undo.title })}</span>
          <button
            type="button"
            class="font-bold underline"
            onClick={() => {
              const id = undo.sequel.media.id;
              // Focus returns to the restored card, where the ignore started.
              void model.undoIgnore().then(() => {
                focusRequest.value = id;
              });
            }}
            data-testid="undo-ignore"
          >
            {t('undo.undo')}
          </button>
          <button
            type="button"
            class="px-1"
            aria-label={t('undo.dismiss')}
            onClick={() => {
              model.undo.value = null;
            }}
          >
            ×
          </button>
        </div>
      )}
      {shown === 0 ? (
        <div class="p-4 text-center text-sm" data-testid="no-match">
          <p>{t('sequels.noMatch')}</p>
          <button type="button" class="btn mt-2" onClick={() => (model.filter.value = EMPTY_FILTER)}>
            {t('filter.resetAll')}
          </button>
        </div>
      ) : (
        <SequelList model={model} focusRequest={focusRequest} loggedIn={loggedIn} />
      )}
    </div>
  );
}
