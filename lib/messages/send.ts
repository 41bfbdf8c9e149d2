import { browser } from 'wxt/browser';
import type { MessageError, MessageErrorKind, MessageResult, RequestOf, RequestType, ResponseOf } from './protocol';
import type { BackgroundState } from './state';

/**
 * The sending end of the protocol, for the popup, the options page and content scripts. It
 * imports only types from protocol.ts, so a content script that uses it does not bundle zod.
 */

/** A request the background refused or failed to handle. */
export class RequestError extends Error {
  override readonly name = 'RequestError';
  readonly kind: MessageErrorKind;
  readonly issues: string[];

  constructor(error: MessageError) {
    super(error.message);
    this.kind = error.kind;
    this.issues = error.issues ?? [];
  }
}

/**
 * Sends a request to the background and returns its response value.
 * @throws RequestError when the background refuses it, rejects it as invalid or fails handling it.
 */
export async function sendRequest<T extends RequestType>(request: RequestOf<T>): Promise<ResponseOf<T>> {
  const result = (await browser.runtime.sendMessage(request)) as MessageResult<ResponseOf<T>> | undefined;
  if (result === undefined || result === null) {
    throw new RequestError({ kind: 'failed', message: `The background sent no response to the "${request.type}" request.` });
  }
  if (!result.ok) throw new RequestError(result.error);
  return result.value;
}

/**
 * The message the background sends to its open pages whenever its state changes (scan progress,
 * login, results). It has `event` instead of `type`, so it is never mistaken for a request.
 */
export interface StateChangedMessage {
  event: 'stateChanged';
  state: BackgroundState;
}

export function isStateChangedMessage(message: unknown): message is StateChangedMessage {
  return typeof message === 'object' && message !== null && (message as { event?: unknown }).event === 'stateChanged';
}

/**
 * Calls `callback` with the new state each time the background sends one, in the popup or the
 * options page (content scripts do not receive these messages). Returns a function that stops
 * listening. The listener never responds, so requests sent by other parts still reach the background.
 */
export function onStateChanged(callback: (state: BackgroundState) => void): () => void {
  const extensionOrigin = browser.runtime.getURL('/');
  const listener = (message: unknown, sender: { tab?: unknown; url?: string }): undefined => {
    // runtime.sendMessage from a content script reaches open extension pages too, so only the
    // background (an extension page without a tab) may push a state.
    if (!isFromBackground(sender, extensionOrigin)) return undefined;
    if (isStateChangedMessage(message) && looksLikeState(message.state)) callback(message.state);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Returns whether a message came from the extension's own background rather than a tab. */
export function isFromBackground(sender: { tab?: unknown; url?: string }, extensionOrigin: string): boolean {
  return sender.tab === undefined && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/**
 * Checks the shape the pages read first. The full zod schema stays out of the popup's bundle, and
 * the sender check above is what keeps forged states out.
 */
function looksLikeState(value: unknown): value is BackgroundState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<Record<keyof BackgroundState, unknown>>;
  const scan = state.scan as { phase?: unknown } | undefined;
  return typeof scan?.phase === 'string' && typeof state.settings === 'object' && state.settings !== null;
}
