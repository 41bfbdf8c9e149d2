import { ignoredIds } from '../ignored/store';
import { diffScans } from '../notifications/diff';
import { addNotifications } from '../notifications/history';
import type { BackgroundContext } from './context';
import { NOTIFICATION_ICON_PATH, showNotifications } from './notifier';
import { addToPlanning } from './planning';
import { visibleMissing } from './results';
import { resultKey } from './scan-job';
import type { FinishedScan } from './scan-deps';
import { currentTarget } from './targets';

/**
 * Runs the work after a scan of the list the extension follows: the optional automatic Planning
 * adds, then the notifications. Both compare with the previous scan of the same list under the same
 * finder settings, so the first scan (everything would be new) adds and notifies nothing.
 * Returns the media added to Planning.
 */
export async function afterScan(context: BackgroundContext, scan: FinishedScan): Promise<number[]> {
  const settings = await context.loadSettings();
  const session = await context.loadSession();
  const target = currentTarget(settings, session);
  const followed = target !== null && resultKey(target, settings.mediaType) === scan.result.key;
  const previous = scan.previous !== null && scan.previous.settingsKey === scan.result.settingsKey ? scan.previous : null;
  if (!followed || previous === null) return [];

  const ignored = await ignoredIds();
  const before = visibleMissing(previous, ignored);
  const now = visibleMissing(scan.result, ignored);

  const autoAdded = new Set<number>();
  if (settings.autoAddToPlanning && session !== null && target.userId === session.viewer.id) {
    const known = new Set(before.map((item) => item.media.id));
    const fresh = now.filter((item) => !known.has(item.media.id)).map((item) => item.media.id);
    if (fresh.length > 0) {
      const outcome = await addToPlanning(context, fresh);
      for (const id of outcome.added) autoAdded.add(id);
      console.info(`Added ${outcome.added.length} new sequels to Planning automatically; ${outcome.failed.length} failed.`);
    }
  }

  const events = diffScans({
    previous: before,
    current: now,
    entries: scan.list.entries,
    settings: settings.notifications,
    titleLanguage: session?.viewer.titleLanguage,
  });
  const records = await addNotifications(events, context.now());
  if (records.length > 0) {
    await showNotifications(records, {
      notifications: context.notifications,
      iconUrl: context.getURL(NOTIFICATION_ICON_PATH),
      mediaType: scan.result.mediaType,
      locale: await context.locale(settings),
      autoAddedIds: autoAdded,
    });
    context.refresh();
  }
  return [...autoAdded];
}
