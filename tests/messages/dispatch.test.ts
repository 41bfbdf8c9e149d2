import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  dispatchMessage, listenForRequests, RequestError, type RequestHandlers, sendRequest,
} from '../../lib/messages/dispatch';
import type { SenderInfo } from '../../lib/messages/permissions';
import { defaultSettings } from '../../lib/settings/schema';

const ORIGIN = 'chrome-extension://test-extension-id/';
const POPUP: SenderInfo = { url: `${ORIGIN}popup.html` };
const PAGE: SenderInfo = { url: 'https://anilist.co/anime/101922/', tab: { id: 3 } };

function unexpected(): never {
  throw new Error('this handler should not run');
}

/** Test handlers: getMediaStatus, cancelScan, saveSettings and unignore return values, ignore fails, the rest must not run. */
function testHandlers(): RequestHandlers {
  return {
    getState: unexpected,
    startScan: unexpected,
    cancelScan: () => ({ cancelled: false }),
    login: unexpected,
    logout: unexpected,
    addToPlanning: unexpected,
    ignore: async () => {
      throw new Error('storage.sync is not reachable');
    },
    unignore: async () => null,
    getNotifications: unexpected,
    markNotificationsRead: unexpected,
    saveSettings: async (request) => request.settings,
    importBackup: unexpected,
    clearCache: unexpected,
    getMediaStatus: async (request, context) => ({
      mediaId: request.mediaId,
      listStatus: context.senderKind === 'content-script' ? 'COMPLETED' : null,
      ignored: false,
      missing: null,
      missingFromHere: [],
      scannedAt: null,
    }),
    scanOtherUser: unexpected,
    getWatching: unexpected,
    updateEntry: unexpected,
  };
}

describe('dispatchMessage', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers a valid request', async () => {
    const result = await dispatchMessage({ type: 'cancelScan' }, POPUP, ORIGIN, testHandlers());
    expect(result).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('passes the sender kind', async () => {
    const result = await dispatchMessage({ type: 'getMediaStatus', mediaId: 101922 }, PAGE, ORIGIN, testHandlers());
    expect(result).toMatchObject({ ok: true, value: { mediaId: 101922, listStatus: 'COMPLETED' } });
  });

  it('turns undefined into null', async () => {
    const handlers = { ...testHandlers(), unignore: async () => undefined as unknown as null };
    expect(await dispatchMessage({ type: 'unignore', mediaId: 1 }, POPUP, ORIGIN, handlers)).toEqual({ ok: true, value: null });
  });

  it('rejects an invalid message', async () => {
    const result = await dispatchMessage({ type: 'getMediaStatus' }, POPUP, ORIGIN, testHandlers());
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
  });

  it('forbids a write from a page', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const request = { type: 'saveSettings', settings: defaultSettings() };
    const result = await dispatchMessage(request, PAGE, ORIGIN, testHandlers());
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('reports a failing handler', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await dispatchMessage({ type: 'ignore', mediaId: 1 }, POPUP, ORIGIN, testHandlers());
    expect(result).toEqual({ ok: false, error: { kind: 'failed', message: 'storage.sync is not reachable' } });
  });
});

describe('sendRequest', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('returns the answer of a popup request', async () => {
    // The fake browser passes an empty sender, so this listener replaces it with the popup's.
    fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
      void dispatchMessage(message, POPUP, ORIGIN, testHandlers()).then(sendResponse);
      return true;
    });
    expect(await sendRequest({ type: 'cancelScan' })).toEqual({ cancelled: false });
  });

  it('throws the refusal as RequestError', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stop = listenForRequests(testHandlers(), ORIGIN);
    const error = await sendRequest({ type: 'cancelScan' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).kind).toBe('forbidden');
    stop();
  });

  it('throws when nobody answers', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => undefined);
    await expect(sendRequest({ type: 'getState' })).rejects.toThrow('no response to the "getState" request');
  });
});
