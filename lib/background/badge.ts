import { backgroundCatalog } from '../i18n/catalog/background';
import { formatDate, type Locale } from '../i18n/locale';
import { createTranslator } from '../i18n/translate';
import type { BackgroundState } from '../messages/state';

/**
 * The toolbar button: its badge counts the missing sequels that are out now (available), its
 * color tells whether something needs attention, and its title says what in a sentence.
 */

export interface BadgeView {
  text: string;
  /** CSS color of the badge. */
  color: string;
  title: string;
}

/** AniList's own blue, so the badge matches the site. */
export const BADGE_COLORS = {
  normal: '#3DB4F2',
  paused: '#E8A33D',
  error: '#E85D75',
} as const;

/** Badges fit about four characters. */
const MAX_BADGE_COUNT = 999;

export function badgeCount(count: number): string {
  if (count <= 0) return '';
  return count > MAX_BADGE_COUNT ? `${MAX_BADGE_COUNT}+` : String(count);
}

export function badgeViewOf(state: BackgroundState, locale: Locale): BadgeView {
  const translate = createTranslator(backgroundCatalog, locale);
  const available = state.lastScan?.totals.byAvailability.available ?? 0;
  const count = badgeCount(available);

  if (state.reloginRequested !== null) {
    return { text: '!', color: BADGE_COLORS.error, title: translate('badgeRelogin') };
  }

  const { scan } = state;
  switch (scan.phase) {
    case 'failed':
      return { text: count || '!', color: BADGE_COLORS.error, title: translate('badgeFailed', { reason: scan.error.message }) };
    case 'paused': {
      const time = formatDate(scan.retryAt, locale, { timeStyle: 'short' });
      return { text: count, color: BADGE_COLORS.paused, title: translate('badgePaused', { time, reason: scan.error.message }) };
    }
    case 'running':
      return { text: count, color: BADGE_COLORS.normal, title: translate('badgeRunning', { name: scan.userName }) };
    case 'idle':
      break;
  }

  if (state.lastScan === null || available === 0) {
    return { text: count, color: BADGE_COLORS.normal, title: translate('badgeEmpty') };
  }
  return { text: count, color: BADGE_COLORS.normal, title: translate('badgeAvailable', { count: available }) };
}

/** The parts of `browser.action` (or MV2's `browserAction`) the badge uses. */
export interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

export async function applyBadge(action: ActionApi, view: BadgeView): Promise<void> {
  await Promise.all([
    action.setBadgeText({ text: view.text }),
    action.setBadgeBackgroundColor({ color: view.color }),
    action.setTitle({ title: view.title }),
  ]);
}
