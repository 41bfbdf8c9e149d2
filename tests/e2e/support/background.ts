import { resolve } from 'node:path';
import type { Page, WebWorker } from 'puppeteer';
import type { MessageResult } from '../../../lib/messages/protocol';
import type { BackgroundState } from '../../../lib/messages/state';
import type { FakeAniList } from '../../support/fake-anilist';
import { GRAPHQL_HOST, type FrontRequest } from './anilist-front';
import type { ExtensionGlobal } from './browser';
import type { E2eEnvironment } from './environment';

/**
 * Helpers of the background's end-to-end tests. They load the `e2e` mode build, which has an
 * AniList client id (from `.env.e2e`), so the login can run.
 */

export const E2E_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3-e2e');

/** The client id in `.env.e2e`. */
export const E2E_CLIENT_ID = '424242';

/**
 * Opens an extension page to send requests from, as the popup does. The popup itself would send
 * its own requests on load, so a bundled file is opened instead: it runs in the extension's
 * origin, which is what the background's permission check looks at.
 */
export async function openRequestPage(env: E2eEnvironment): Promise<Page> {
  return env.session.openExtensionPage('_locales/en/messages.json');
}

/** Sends one protocol request from `page` and returns the background's envelope. */
export function sendFromPage<T>(page: Page, request: unknown): Promise<MessageResult<T>> {
  return page.evaluate(
    (message) => (globalThis as ExtensionGlobal).chrome.runtime.sendMessage(message) as Promise<MessageResult<T>>,
    request,
  );
}

/** Sends a request and returns its value, or throws with the background's message. */
export async function requestFromPage<T>(page: Page, request: unknown): Promise<T> {
  const result = await sendFromPage<T>(page, request);
  if (!result.ok) throw new Error(`The "${(request as { type: string }).type}" request failed: ${result.error.message}`);
  return result.value;
}

export function getState(page: Page): Promise<BackgroundState> {
  return requestFromPage<BackgroundState>(page, { type: 'getState' });
}

/** Returns the badge text the worker set on the toolbar button. */
export function badgeText(worker: WebWorker): Promise<string> {
  return worker.evaluate(() => (globalThis as ExtensionGlobal).chrome.action.getBadgeText({}));
}

/** Returns the ids of the notifications on screen, read in the worker. */
export function notificationIds(worker: WebWorker): Promise<string[]> {
  return worker.evaluate(async () => Object.keys(await (globalThis as ExtensionGlobal).chrome.notifications.getAll()));
}

/** GraphQL POSTs that reached graphql.anilist.co, as Chromium sent them. */
export function graphqlPosts(env: E2eEnvironment): FrontRequest[] {
  return env.front.requests.filter((request) => request.host === GRAPHQL_HOST && request.method === 'POST');
}

export function operationNames(fake: FakeAniList): (string | null)[] {
  return fake.requests.map((request) => request.operationName);
}

export function relationIds(fake: FakeAniList): number[][] {
  return fake.requests
    .filter((request) => request.operationName === 'MediaRelationsBatch')
    .map((request) => (request.variables.ids as number[] | undefined) ?? []);
}

/** Removes media from a fake user's anime list, as if the user deleted the entries on AniList. */
export function dropFromList(fake: FakeAniList, userName: string, mediaIds: readonly number[]): void {
  const user = fake.data.users.find((candidate) => candidate.name === userName);
  if (user === undefined) throw new Error(`The fake has no user ${userName}.`);
  user.lists.ANIME = user.lists.ANIME.filter((entry) => !mediaIds.includes(entry.mediaId));
}
