import { useI18n } from '../../components/i18n-context';
import { Section } from '../../components/Section';
import { formatDate } from '../../lib/i18n/locale';
import type { NotificationSettings } from '../../lib/settings/schema';
import type { OptionsModel } from '../../lib/ui/options-model';

/** Scan intervals offered, in minutes; 0 turns the periodic scan off. */
export const SCAN_INTERVALS = [0, 60, 180, 360, 720, 1440, 4320, 10080] as const;

const NOTIFICATION_KINDS: readonly (keyof NotificationSettings)[] = ['newSequels', 'startedAiring', 'newlyAnnounced'];

/** The periodic scan's interval and the kinds of notification it shows. */
export function ScheduleSection({ model }: { model: OptionsModel }) {
  const { options: t, locale } = useI18n();
  const state = model.store.state.value;
  const settings = state?.settings;
  if (settings === undefined) return null;
  // A stored interval outside the offered ones (from an import) stays selectable.
  const intervals = SCAN_INTERVALS.includes(settings.scanIntervalMinutes as (typeof SCAN_INTERVALS)[number])
    ? [...SCAN_INTERVALS]
    : [...SCAN_INTERVALS, settings.scanIntervalMinutes].sort((a, b) => a - b);

  return (
    <Section id="schedule" title={t('schedule.title')} description={t('schedule.description')}>
      <label class="flex flex-col gap-1 text-sm">
        <span class="font-semibold text-al-strong">{t('schedule.interval')}</span>
        <select
          class="field max-w-xs"
          value={String(settings.scanIntervalMinutes)}
          onChange={(event) => void model.save({ scanIntervalMinutes: Number(event.currentTarget.value) })}
          data-testid="scan-interval"
        >
          {intervals.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {intervalLabel(minutes, t)}
            </option>
          ))}
        </select>
      </label>
      {state?.nextCheckAt != null && (
        <p class="text-xs text-al-muted" data-testid="next-check">
          {t('schedule.next', { when: formatDate(state.nextCheckAt, locale, { dateStyle: 'medium', timeStyle: 'short' }) })}
        </p>
      )}
      <fieldset>
        <legend class="text-sm font-semibold text-al-strong">{t('schedule.notifications')}</legend>
        <div class="mt-1.5 space-y-1">
          {NOTIFICATION_KINDS.map((kind) => (
            <label key={kind} class="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                class="size-4 accent-al-blue"
                checked={settings.notifications[kind]}
                onChange={(event) =>
                  void model.save({ notifications: { ...settings.notifications, [kind]: event.currentTarget.checked } })
                }
                data-testid={`notify-${kind}`}
              />
              {t(`schedule.notify.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </Section>
  );
}

function intervalLabel(minutes: number, t: ReturnType<typeof useI18n>['options']): string {
  if (minutes === 0) return t('schedule.off');
  if (minutes % 1440 === 0) return t('schedule.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return t('schedule.hours', { count: minutes / 60 });
  return t('schedule.minutes', { count: minutes });
}
