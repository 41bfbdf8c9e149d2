import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { broadcastState, listenForRequests, type RequestHandlers } from '../../lib/messages/dispatch';
import { isStateChangedMessage, onStateChanged, RequestError, sendRequest } from '../../lib/messages/send';
import type { BackgroundState } from '../../lib/messages/state';
import { defaultSettings } from '../../lib/settings/schema';

const STATE: BackgroundState = {
  login: null,
  scan: { phase: 'idle' },
  lastScan: null,
  settings: defaultSettings(),
  unreadNotifications: 2,
  reloginRequested: null,
  loginAvailable: true,
  nextCheckAt: null,
};

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const BACKGROUND_SENDER = { url: fakeBrowser.runtime.getURL('/background.js') };

describe('state broadcasts', () => {
  it('page receives the state', async () => {
    const received: BackgroundState[] = [];
    const stop = onStateChanged((state) => received.push(state));

    await fakeBrowser.runtime.onMessage.trigger({ event: 'stateChanged', state: STATE }, BACKGROUND_SENDER, () => undefined);
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ event: 'stateChanged', state: STATE }, BACKGROUND_SENDER, () => undefined);

    expect(received).toEqual([STATE]);
  });

  // A content script's runtime.sendMessage reaches open extension pages as well as the background.
  it.each([
    { name: 'a content script', sender: { url: 'https://anilist.co/anime/1/', tab: { id: 7 } }, state: STATE },
    { name: 'an extension tab', sender: { url: fakeBrowser.runtime.getURL('/popup.html'), tab: { id: 3 } }, state: STATE },
    { name: 'another origin', sender: { url: 'chrome-extension://other-extension/background.js' }, state: STATE },
    { name: 'no url', sender: {}, state: STATE },
    { name: 'a malformed state', sender: BACKGROUND_SENDER, state: { junk: 1 } },
  ])('page ignores a push from $name', async ({ sender, state }) => {
    const received: unknown[] = [];
    onStateChanged((pushed) => received.push(pushed));

    // The senders carry only the fields the check reads, not a whole tabs.Tab.
    const messageSender = sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
    await fakeBrowser.runtime.onMessage.trigger({ event: 'stateChanged', state }, messageSender, () => undefined);

    expect(received).toEqual([]);
  });

  it('page listener leaves requests alone', async () => {
    const received: BackgroundState[] = [];
    onStateChanged((state) => received.push(state));

    const answers = await fakeBrowser.runtime.onMessage.trigger({ type: 'getState' }, {}, () => undefined);

    expect(received).toEqual([]);
    expect(answers).toEqual([undefined]);
  });

  it('background does not answer a broadcast', async () => {
    const handlers = { getState: vi.fn() } as unknown as RequestHandlers;
    listenForRequests(handlers, 'chrome-extension://test-extension-id/');
    const sendResponse = vi.fn();

    const answers = await fakeBrowser.runtime.onMessage.trigger({ event: 'stateChanged', state: STATE }, {}, sendResponse);

    expect(answers).toEqual([undefined]);
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it.each([
    { name: 'a broadcast', message: { event: 'stateChanged', state: STATE }, expected: true },
    { name: 'a request', message: { type: 'getState' }, expected: false },
    { name: 'null', message: null, expected: false },
  ])('recognizes $name', ({ message, expected }) => {
    expect(isStateChangedMessage(message)).toBe(expected);
  });

  it('no open page is not an error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));

    await broadcastState(STATE);

    expect(warn).not.toHaveBeenCalled();
  });

  it('other send failures are logged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Message length exceeded maximum allowed length.'));

    await broadcastState(STATE);

    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('sendRequest', () => {
  it('unwraps a refusal', async () => {
    const refusal = { ok: false, error: { kind: 'forbidden', message: 'Not from a page.' } };
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(refusal as never);

    const error = await sendRequest({ type: 'logout' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).kind).toBe('forbidden');
    expect((error as RequestError).message).toBe('Not from a page.');
  });
});
