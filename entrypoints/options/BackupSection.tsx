import { useSignal } from '@preact/signals';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useI18n } from '../../components/i18n-context';
import { Section } from '../../components/Section';
import { formatDate } from '../../lib/i18n/locale';
import { MAX_BACKUP_TEXT_LENGTH } from '../../lib/messages/protocol';
import type { Backup, BackupNote } from '../../lib/settings/backup';
import { errorDetail } from '../../lib/ui/requests';
import type { OptionsModel } from '../../lib/ui/options-model';
import { backupNoteText, backupProblemText } from '../../lib/ui/settings-text';

interface PendingImport {
  text: string;
  backup: Backup;
  notes: BackupNote[];
}

function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later, because the download starts after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export and import of a JSON backup with the settings and the ignored list. */
export function BackupSection({ model }: { model: OptionsModel }) {
  const { options: t, shared, locale } = useI18n();
  const pending = useSignal<PendingImport | null>(null);
  const rejected = useSignal<string[] | null>(null);

  const onExport = async () => {
    try {
      const now = Date.now();
      const text = await model.exportBackup(now);
      downloadText(text, `sequel-finder-backup-${new Date(now).toISOString().slice(0, 10)}.json`);
    } catch (error) {
      model.notice.value = { kind: 'failed', action: 'export', detail: errorDetail(error) };
    }
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    rejected.value = null;
    model.notice.value = null;
    if (file === undefined) return;
    if (file.size > MAX_BACKUP_TEXT_LENGTH) {
      rejected.value = [t('backup.tooLarge', { name: file.name, size: Math.ceil(file.size / 1024) })];
      return;
    }
    const text = await file.text();
    const preview = model.previewImport(text);
    if (!preview.ok) {
      rejected.value = preview.problems.map((problem) => backupProblemText(problem, t));
      return;
    }
    pending.value = { text, backup: preview.backup, notes: preview.changes };
  };

  const runImport = async (overwrite: boolean) => {
    const current = pending.value;
    pending.value = null;
    if (current === null) return;
    const result = await model.importBackup(current.text, overwrite);
    const notice = model.notice.value;
    if (result !== null && !result.imported && notice?.kind === 'importRejected') {
      rejected.value = notice.problems.length > 0 ? notice.problems.map((problem) => backupProblemText(problem, t)) : notice.reasons;
    }
  };

  const ignoredNow = model.ignored.value?.length ?? 0;
  return (
    <Section id="backup" title={t('backup.title')} description={t('backup.description')}>
      <div class="flex flex-wrap items-center gap-2">
        <button type="button" class="btn" onClick={() => void onExport()} disabled={model.store.state.value === null} data-testid="export-backup">
          {t('backup.export')}
        </button>
        <label class="btn cursor-pointer focus-within:outline-2 focus-within:outline-al-blue">
          {t('backup.import')}
          <input
            type="file"
            accept=".json,application/json"
            class="sr-only"
            onChange={(event) => void onFile(event.currentTarget)}
            data-testid="import-backup"
          />
        </label>
      </div>
      {rejected.value && (
        <div role="alert" class="rounded-md border border-al-red/40 bg-al-red/10 p-3 text-sm" data-testid="import-rejected">
          <p class="font-semibold text-al-strong">{t('backup.rejected')}</p>
          <ul class="mt-1 list-disc pl-5">
            {rejected.value.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      {pending.value && (
        <ConfirmDialog
          title={t('backup.confirmTitle')}
          cancelLabel={shared('action.cancel')}
          onCancel={() => {
            pending.value = null;
          }}
          choices={[
            { label: t('backup.merge'), testId: 'import-merge', onChoose: () => void runImport(false) },
            { label: t('backup.overwrite'), danger: true, testId: 'import-overwrite', onChoose: () => void runImport(true) },
          ]}
        >
          <p>
            {t('backup.confirmText', {
              date: formatDate(Date.parse(pending.value.backup.exportedAt), locale, { dateStyle: 'medium', timeStyle: 'short' }),
              count: pending.value.backup.ignored.length,
            })}
          </p>
          <p>{t('backup.confirmChoices', { current: ignoredNow })}</p>
          {pending.value.notes.length > 0 && (
            <ul class="list-disc pl-5 text-xs text-al-muted">
              {pending.value.notes.map((note) => (
                <li key={JSON.stringify(note)}>{backupNoteText(note, t)}</li>
              ))}
            </ul>
          )}
        </ConfirmDialog>
      )}
    </Section>
  );
}
