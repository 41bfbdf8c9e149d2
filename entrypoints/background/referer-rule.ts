import { browser, type Browser } from 'wxt/browser';

/**
 * AniList rejects GraphQL requests that lack `Referer: https://anilist.co/` with 403 "The AniList
 * API has been temporarily disabled". A service worker's fetch cannot send that header, because
 * Chromium (156 tested) drops both a `Referer` request header and the `referrer` option without
 * an error. So a declarativeNetRequest session rule sets the header on the extension's own requests.
 */
export const REFERER_RULE_ID = 1;
export const ANILIST_REFERER = 'https://anilist.co/';

type DeclarativeNetRequest = Pick<typeof browser.declarativeNetRequest, 'updateSessionRules'>;

/**
 * Builds the rule that sets the AniList Referer on requests to graphql.anilist.co that the
 * extension itself starts. `extensionHost` is the host of the extension's own URLs, which is
 * the extension id in Chromium. The initiator condition keeps the rule off web pages' requests,
 * which the rule would otherwise reach through the host permission for anilist.co.
 */
export function buildRefererRule(extensionHost: string): Browser.declarativeNetRequest.Rule {
  if (extensionHost === '') {
    throw new Error('Cannot build the Referer rule: the extension host is empty.');
  }

  return {
    id: REFERER_RULE_ID,
    priority: 1,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'Referer', operation: 'set', value: ANILIST_REFERER }],
    },
    condition: {
      urlFilter: '||graphql.anilist.co/',
      // TODO: Firefox gives extension pages a per-install UUID host, not the add-on id. Whether
      // Firefox matches that host in initiatorDomains is untested.
      initiatorDomains: [extensionHost],
      resourceTypes: ['xmlhttprequest', 'other'],
    },
  };
}

/** Returns the host of the extension's own URLs, e.g. the id in `chrome-extension://<id>/`. */
export function extensionHostOf(runtime: Pick<typeof browser.runtime, 'getURL'>): string {
  return new URL(runtime.getURL('/')).hostname;
}

/**
 * Replaces the Referer session rule: the same id is removed and added in one call, so running
 * it at every worker start never leaves a duplicate or a stale copy of the rule.
 */
export async function installRefererRule(
  dnr: DeclarativeNetRequest = browser.declarativeNetRequest,
  extensionHost: string = extensionHostOf(browser.runtime),
): Promise<void> {
  await dnr.updateSessionRules({
    removeRuleIds: [REFERER_RULE_ID],
    addRules: [buildRefererRule(extensionHost)],
  });
}

let refererRuleInstalled: Promise<void> | undefined;

/**
 * Installs the Referer rule once per worker lifetime and returns the same promise to every
 * caller. Session rules are empty after a browser restart, so code that sends a request to
 * AniList right after the worker starts should await this first.
 */
export function ensureRefererRule(): Promise<void> {
  if (refererRuleInstalled === undefined) {
    refererRuleInstalled = installRefererRule().catch((error: unknown) => {
      refererRuleInstalled = undefined;
      console.error('Installing the AniList Referer rule failed:', error);
      throw error;
    });
  }
  return refererRuleInstalled;
}
