import { useSignal } from '@preact/signals';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useI18n } from '../../components/i18n-context';
import { Section } from '../../components/Section';
import type { OptionsModel } from '../../lib/ui/options-model';

/** Clearing the relation cache, after a confirmation. */
export function CacheSection({ model }: { model: OptionsModel }) {
  const { options: t, shared } = useI18n();
  const confirming = useSignal(false);
  return (
    <Section id="cache" title={t('cache.title')} description={t('cache.description')}>
      <button
        type="button"
        class="btn-danger"
        disabled={model.busy.value}
        onClick={() => {
          confirming.value = true;
        }}
        data-testid="clear-cache"
      >
        {t('cache.clear')}
      </button>
      {confirming.value && (
        <ConfirmDialog
          title={t('cache.confirmTitle')}
          cancelLabel={shared('action.cancel')}
          onCancel={() => {
            confirming.value = false;
          }}
          choices={[
            {
              label: t('cache.clear'),
              danger: true,
              testId: 'confirm-clear-cache',
              onChoose: () => {
                confirming.value = false;
                void model.clearCache();
              },
            },
          ]}
        >
          <p>{t('cache.confirmText')}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
