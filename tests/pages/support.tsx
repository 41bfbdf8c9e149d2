import { type Signal, signal } from '@preact/signals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import type { ListEntry, MediaListStatus } from '../../lib/anilist/types';
import type { AddToPlanningResult, BackgroundState, MediaStatus, ScanSummary } from '../../lib/messages/state';
import type { PageBackground } from '../../lib/pages/background-client';
import type { OtherScanCache } from '../../lib/pages/models';
import type { SiteTheme } from '../../lib/pages/theme';
import { mergeListChunks, parseListChunk } from '../../lib/anilist/parse';
import { findMissingSequels } from '../../lib/sequels/find';
import { DEFAULT_FINDER_SETTINGS } from '../../lib/sequels/types';
import { defaultSettings } from '../../lib/settings/schema';
import type { FeatureContext } from '../../entrypoints/anilist.content/context';
import type { MountRequest, MountUi } from '../../entrypoints/anilist.content/mount';

/**
 * Test helpers of the page features: fixture DOM, a real scan of recorded data, a fake background.
 * Paths are joined from import.meta.dirname because happy-dom's URL class resolves a relative URL
 * against a file: base as http:, which breaks `new URL(path, import.meta.url)`.
 */

const FIXTURES_DIR = join(import.meta.dirname, '../fixtures');

export function readFixturePage(name: string): string {
  return readFileSync(join(FIXTURES_DIR, 'pages', name), 'utf8');
}

/** Puts a fixture page's route content into the document, as the site's router would. */
export function showFixturePage(name: string, userName = 'Boilerplate'): void {
  const content = readFixturePage(name).replaceAll('{{userName}}', userName);
  document.body.className = '';
  document.body.innerHTML = `<div id="app"><div class="page-content">${content}</div></div>`;
}

/** Fixed time of the recorded scan, so dates in panels never depend on the clock. */
export const RECORDED_AT = Date.UTC(2024, 6, 8);

/** Loads the recorded seanime list: user "Boilerplate" of the fake AniList, 52 anime, all PLANNING. */
function loadRecordedList(): ListEntry[] {
  const file = join(FIXTURES_DIR, 'anilist/list/seanime_BoilerplateAnimeCollectionWithRelations_52-entries.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { MediaListCollection: unknown };
  return mergeListChunks([parseListChunk(raw.MediaListCollection)], 'ANIME', { id: 5001, name: 'Boilerplate', avatar: null }).entries;
}

export const LIST = { entries: loadRecordedList() };
export const VIEWER_NAME = 'Boilerplate';

/** Returns the finder's real result on the recorded list, as the background stores it after a scan. */
export function recordedScan(userName = VIEWER_NAME, entries: ListEntry[] = LIST.entries): ScanSummary {
  const result = findMissingSequels({ entries, relations: new Map(), ignored: new Set(), settings: DEFAULT_FINDER_SETTINGS });
  return { userName, mediaType: 'ANIME', finishedAt: RECORDED_AT, missing: result.missing, totals: result.totals };
}

export interface StateOptions {
  loggedIn?: boolean;
  lastScan?: ScanSummary | null;
  language?: BackgroundState['settings']['language'];
  scan?: BackgroundState['scan'];
}

export function backgroundState(options: StateOptions = {}): BackgroundState {
  const loggedIn = options.loggedIn ?? true;
  return {
    login: loggedIn
      ? {
          viewer: { id: 5001, name: VIEWER_NAME, avatar: null, titleLanguage: 'ROMAJI', displayAdultContent: false, scoreFormat: 'POINT_10_DECIMAL' },
          expiresAt: RECORDED_AT + 365 * 24 * 3600 * 1000,
          expiry: 'valid',
        }
      : null,
    scan: options.scan ?? { phase: 'idle' },
    lastScan: options.lastScan === undefined ? recordedScan() : options.lastScan,
    settings: { ...defaultSettings(), language: options.language ?? 'en' },
    unreadNotifications: 0,
    reloginRequested: null,
    loginAvailable: true,
    nextCheckAt: null,
  };
}

/** Builds the media status the background derives from a stored scan and the list it was made from. */
export function mediaStatusOf(mediaId: number, summary: ScanSummary | null, entries: ListEntry[] = LIST.entries): MediaStatus {
  const listStatus: MediaListStatus | null = entries.find((entry) => entry.mediaId === mediaId)?.status ?? null;
  return {
    mediaId,
    listStatus,
    ignored: false,
    missing: summary?.missing.find((sequel) => sequel.media.id === mediaId) ?? null,
    missingFromHere: summary?.missing.filter((sequel) => sequel.from.some((source) => source.mediaId === mediaId)) ?? [],
    scannedAt: summary?.finishedAt ?? null,
  };
}

export interface FakeBackground extends PageBackground {
  calls: { type: string; argument?: unknown }[];
}

export interface FakeBackgroundOptions {
  state?: BackgroundState | Error;
  mediaStatus?: (mediaId: number) => MediaStatus;
  scanOtherUser?: (userName: string) => Promise<ScanSummary>;
  addToPlanning?: (mediaId: number) => Promise<AddToPlanningResult>;
}

/** Returns a background that responds from the options and records every request. */
export function fakeBackground(options: FakeBackgroundOptions = {}): FakeBackground {
  const calls: FakeBackground['calls'] = [];
  const state = options.state ?? backgroundState();
  return {
    calls,
    getState: async () => {
      calls.push({ type: 'getState' });
      if (state instanceof Error) throw state;
      return state;
    },
    getMediaStatus: async (mediaId) => {
      calls.push({ type: 'getMediaStatus', argument: mediaId });
      return options.mediaStatus?.(mediaId) ?? mediaStatusOf(mediaId, state instanceof Error ? null : state.lastScan);
    },
    scanOtherUser: (userName) => {
      calls.push({ type: 'scanOtherUser', argument: userName });
      return options.scanOtherUser?.(userName) ?? Promise.reject(new Error('scanOtherUser is not set up in this test.'));
    },
    addToPlanning: (mediaId) => {
      calls.push({ type: 'addToPlanning', argument: mediaId });
      return options.addToPlanning?.(mediaId) ?? Promise.resolve({ added: [mediaId], failed: [] });
    },
  };
}

/**
 * Mounts like createShadowMount, into an open shadow root, without WXT's stylesheet fetch. The
 * e2e tests cover the real one.
 */
export const testMount: MountUi = async (request: MountRequest) => {
  if (request.signal.aborted) return null;
  const host = document.createElement(request.name);
  host.dataset.testid = request.testId;
  host.dataset.layout = request.layout;
  const container = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(container);
  switch (request.append) {
    case 'first':
      request.anchor.prepend(host);
      break;
    case 'last':
      request.anchor.append(host);
      break;
    case 'before':
      request.anchor.before(host);
      break;
    case 'after':
      request.anchor.after(host);
      break;
  }
  render(request.content, container);
  const remove = () => {
    render(null, container);
    host.remove();
  };
  request.signal.addEventListener('abort', remove, { once: true });
  return { host, remove };
};

export interface TestContext extends FeatureContext {
  background: FakeBackground;
  theme: Signal<SiteTheme>;
}

export function testContext(background: FakeBackground = fakeBackground(), options: { otherScans?: OtherScanCache; browserLanguage?: string } = {}): TestContext {
  const state = background.getState();
  state.catch(() => undefined);
  return {
    url: location.href,
    background,
    state,
    theme: signal<SiteTheme>('light'),
    mount: testMount,
    otherScans: options.otherScans ?? new Map(),
    browserLanguage: options.browserLanguage ?? 'en-US',
    // happy-dom's IntersectionObserver never reports, so every element counts as near at once.
    watchNearViewport: () => (_element, onNear) => onNear(),
  };
}

/** Elements with a data-testid, and the text of their shadow roots. */
export function hosts(testId: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
}

export function shadowText(host: Element): string {
  return host.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Lets pending promises, Preact renders and MutationObserver callbacks run. */
export async function settle(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round++) await new Promise((resolve) => setTimeout(resolve, 0));
}
