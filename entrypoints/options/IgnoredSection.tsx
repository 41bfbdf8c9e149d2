import { useSignal } from '@preact/signals';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useI18n } from '../../components/i18n-context';
import { Section } from '../../components/Section';
import { formatDate } from '../../lib/i18n/locale';
import type { OptionsModel } from '../../lib/ui/options-model';

/** The ignored sequels, most recent first, each with a button to show it again, and "clear all". */
export function IgnoredSection({ model }: { model: OptionsModel }) {
  const { options: t, shared, locale } = useI18n();
  const confirming = useSignal(false);
  const items = model.ignored.value;
  const type = model.store.state.value?.settings.mediaType === 'MANGA' ? 'manga' : 'anime';

  return (
    <Section id="ignored" title={t('ignored.title')} description={t('ignored.description')}>
      {items === null ? (
        <p role="status" class="text-sm">
          {shared('state.loading')}
        </p>
      ) : items.length === 0 ? (
        <p class="text-sm" data-testid="ignored-empty">
          {t('ignored.empty')}
        </p>
      ) : (
        <>
          <div class="flex items-center">
            <p class="flex-1 text-sm">{t('ignored.count', { count: items.length })}</p>
            <button
              type="button"
              class="btn-danger"
              disabled={model.busy.value}
              onClick={() => {
                confirming.value = true;
              }}
              data-testid="clear-ignored"
            >
              {t('ignored.clear')}
            </button>
          </div>
          <ul class="max-h-72 divide-y divide-al-border overflow-y-auto rounded-md border border-al-border" data-testid="ignored-list">
            {items.map((item) => {
              const title = item.title ?? `#${item.mediaId}`;
              return (
                <li key={item.mediaId} class="flex items-center gap-3 px-3 py-1.5 text-sm" data-testid="ignored-item" data-media-id={item.mediaId}>
                  <a
                    class="min-w-0 flex-1 truncate text-al-strong hover:text-al-blue"
                    href={`https://anilist.co/${type}/${item.mediaId}`}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {title}
                  </a>
                  {item.ignoredAt > 0 && <span class="text-xs text-al-muted">{formatDate(item.ignoredAt, locale)}</span>}
                  <button
                    type="button"
                    class="btn !py-0.5 !text-xs"
                    disabled={model.busy.value}
                    onClick={() => void model.unignore(item)}
                    aria-label={t('ignored.unignoreLabel', { title })}
                    data-testid="unignore"
                  >
                    {t('ignored.unignore')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {confirming.value && items !== null && (
        <ConfirmDialog
          title={t('ignored.confirmTitle')}
          cancelLabel={shared('action.cancel')}
          onCancel={() => {
            confirming.value = false;
          }}
          choices={[
            {
              label: t('ignored.confirmClear'),
              danger: true,
              testId: 'confirm-clear-ignored',
              onChoose: () => {
                confirming.value = false;
                void model.clearIgnored();
              },
            },
          ]}
        >
          <p>{t('ignored.confirmText', { count: items.length })}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
