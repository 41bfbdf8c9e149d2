import type { RequestOf, RequestType } from '../../lib/messages/protocol';
import { defaultSettings } from '../../lib/settings/schema';

/** One valid request of every type, as the popup, options page or a content script sends it. */
export const REQUEST_SAMPLES: { [T in RequestType]: RequestOf<T> } = {
  getState: { type: 'getState' },
  startScan: { type: 'startScan', userName: 'Josh' },
  cancelScan: { type: 'cancelScan' },
  login: { type: 'login' },
  logout: { type: 'logout' },
  addToPlanning: { type: 'addToPlanning', mediaIds: [112151, 129874] },
  ignore: { type: 'ignore', mediaId: 97731, title: 'Gekijouban Kimetsu no Yaiba' },
  unignore: { type: 'unignore', mediaId: 97731 },
  getNotifications: { type: 'getNotifications' },
  markNotificationsRead: { type: 'markNotificationsRead', ids: ['started-airing:129874'] },
  saveSettings: { type: 'saveSettings', settings: defaultSettings() },
  importBackup: { type: 'importBackup', text: '{"format":"sequel-finder-backup"}', overwrite: false },
  clearCache: { type: 'clearCache' },
  getMediaStatus: { type: 'getMediaStatus', mediaId: 101922 },
  scanOtherUser: { type: 'scanOtherUser', userName: 'Josh' },
  getWatching: { type: 'getWatching', mediaType: 'MANGA' },
  updateEntry: { type: 'updateEntry', mediaId: 111258, progress: 95, status: 'CURRENT', score: 9.5 },
};
