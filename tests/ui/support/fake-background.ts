import type { Viewer } from '../../../lib/anilist/types';
import type { IgnoredItem } from '../../../lib/ignored/shards';
import type { RequestOf, RequestType, ResponseOf } from '../../../lib/messages/protocol';
import type { BackgroundState, WatchingEntry } from '../../../lib/messages/state';
import type { NotificationRecord } from '../../../lib/notifications/history';
import { parseBackup } from '../../../lib/settings/backup';
import { defaultSettings } from '../../../lib/settings/schema';
import { computeTotals } from '../../../lib/sequels/totals';
import type { MissingSequel } from '../../../lib/sequels/types';
import type { SendRequest } from '../../../lib/ui/requests';

/**
 * An in-memory stand-in for the extension's background in component tests: it answers the
 * protocol's requests from plain data and records every request. The end-to-end tests drive the
 * real background.
 */
export interface FakeBackground {
  state: BackgroundState;
  requests: RequestOf<RequestType>[];
  ignored: IgnoredItem[];
  notifications: NotificationRecord[];
  watching: WatchingEntry[];
  /** Request types that fail with this message instead of answering. */
  failures: Map<RequestType, string>;
  /** Request types that never answer, to show loading states. */
  hanging: Set<RequestType>;
  send: SendRequest;
  typesSent(): RequestType[];
}

export const BOILERPLATE: Viewer = {
  id: 5001,
  name: 'Boilerplate',
  avatar: null,
  titleLanguage: 'ENGLISH',
  displayAdultContent: false,
  scoreFormat: 'POINT_10_DECIMAL',
};

export const FINISHED_AT = Date.UTC(2024, 6, 8, 11, 57);

export function stateWith(missing: MissingSequel[] | null, changes: Partial<BackgroundState> = {}): BackgroundState {
  return {
    login: { viewer: { ...BOILERPLATE }, expiresAt: FINISHED_AT + 300 * 86_400_000, expiry: 'valid' },
    scan: { phase: 'idle' },
    lastScan:
      missing === null
        ? null
        : { userName: 'Boilerplate', mediaType: 'ANIME', finishedAt: FINISHED_AT, missing, totals: computeTotals(missing, 'ANIME') },
    settings: defaultSettings(),
    unreadNotifications: 0,
    reloginRequested: null,
    loginAvailable: true,
    nextCheckAt: null,
    ...changes,
  };
}

export function createFakeBackground(state: BackgroundState): FakeBackground {
  const fake: FakeBackground = {
    state,
    requests: [],
    ignored: [],
    notifications: [],
    watching: [],
    failures: new Map(),
    hanging: new Set(),
    typesSent: () => fake.requests.map((request) => request.type),
    send: (async (request: RequestOf<RequestType>) => {
      fake.requests.push(structuredClone(request));
      if (fake.hanging.has(request.type)) return new Promise(() => {});
      const failure = fake.failures.get(request.type);
      if (failure !== undefined) throw new Error(failure);
      return answer(fake, request);
    }) as SendRequest,
  };
  return fake;
}

function answer(fake: FakeBackground, request: RequestOf<RequestType>): unknown {
  switch (request.type) {
    case 'getState':
      return structuredClone(fake.state);
    case 'addToPlanning':
      return { added: [...request.mediaIds], failed: [] } satisfies ResponseOf<'addToPlanning'>;
    case 'ignore':
      fake.ignored.unshift({ mediaId: request.mediaId, title: request.title ?? null, ignoredAt: Date.now() });
      return null;
    case 'unignore':
      fake.ignored = fake.ignored.filter((item) => item.mediaId !== request.mediaId);
      return null;
    case 'getNotifications':
      return { items: structuredClone(fake.notifications), unread: fake.notifications.filter((item) => !item.read).length };
    case 'markNotificationsRead': {
      const ids = request.ids === undefined ? null : new Set(request.ids);
      for (const item of fake.notifications) if (ids === null || ids.has(item.id)) item.read = true;
      return { unread: fake.notifications.filter((item) => !item.read).length };
    }
    case 'getWatching':
      return {
        userName: 'Boilerplate',
        mediaType: 'ANIME',
        scoreFormat: fake.state.login?.viewer.scoreFormat ?? null,
        editable: fake.state.login !== null,
        entries: structuredClone(fake.watching),
        fetchedAt: FINISHED_AT,
      } satisfies ResponseOf<'getWatching'>;
    case 'updateEntry': {
      const entry = fake.watching.find((item) => item.mediaId === request.mediaId);
      if (entry === undefined) throw new Error(`Media ${request.mediaId} is not on the list.`);
      Object.assign(entry, {
        progress: request.progress ?? entry.progress,
        status: request.status ?? entry.status,
        score: request.score ?? entry.score,
      });
      return { ...entry, media: undefined } as unknown as ResponseOf<'updateEntry'>;
    }
    case 'saveSettings':
      fake.state = { ...fake.state, settings: structuredClone(request.settings) };
      return structuredClone(request.settings);
    case 'importBackup': {
      const parsed = parseBackup(request.text);
      if (!parsed.ok) return { imported: false, reasons: parsed.reasons } satisfies ResponseOf<'importBackup'>;
      fake.state = { ...fake.state, settings: parsed.backup.settings };
      fake.ignored = request.overwrite ? [...parsed.backup.ignored] : [...fake.ignored, ...parsed.backup.ignored];
      return { imported: true, notes: parsed.notes } satisfies ResponseOf<'importBackup'>;
    }
    case 'startScan':
      return { started: true };
    case 'cancelScan':
      return { cancelled: false };
    case 'login':
      return fake.state.login;
    case 'logout':
    case 'clearCache':
      return null;
    default:
      throw new Error(`The fake background does not handle "${request.type}".`);
  }
}
