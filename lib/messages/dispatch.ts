import { browser } from 'wxt/browser';
import { authorizeRequest, type SenderInfo, type SenderKind } from './permissions';
import {
  type MessageResult, parseRequest, type RequestOf, type RequestType, type ResponseOf,
} from './protocol';
import { isStateChangedMessage, type StateChangedMessage } from './send';
import type { BackgroundState } from './state';

/**
 * Both ends of the protocol: the background's dispatcher, which validates, authorizes and routes
 * each request to its handler, and `sendRequest` (from send.ts), which the other parts call.
 */

export interface RequestContext {
  senderKind: SenderKind;
}

/** One handler per request type; the background supplies them. */
export type RequestHandlers = {
  [T in RequestType]: (request: RequestOf<T>, context: RequestContext) => Promise<ResponseOf<T>> | ResponseOf<T>;
};

/**
 * Validates, authorizes and handles one incoming message. It never throws: every failure comes
 * back as `{ ok: false, error }`, so the sender always receives a response.
 */
export async function dispatchMessage(
  message: unknown,
  sender: SenderInfo,
  extensionOrigin: string,
  handlers: RequestHandlers,
): Promise<MessageResult<unknown>> {
  const parsed = parseRequest(message);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { request } = parsed;

  const authorization = authorizeRequest(sender, request, extensionOrigin);
  if (!authorization.allowed) {
    console.warn(`Refused a "${request.type}" request from ${sender.url ?? 'a sender without URL'}.`);
    return { ok: false, error: { kind: 'forbidden', message: authorization.message } };
  }

  try {
    const handler = handlers[request.type] as (request: RequestOf<RequestType>, context: RequestContext) => unknown;
    const value = await handler(request, { senderKind: authorization.kind });
    return { ok: true, value: value ?? null };
  } catch (error) {
    console.error(`Handling the "${request.type}" request failed.`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { kind: 'failed', message: detail } };
  }
}

/**
 * Registers the background's message listener and returns a function that removes it. The
 * listener responds through `sendResponse` and returns true, which both Chrome and Firefox
 * accept for an asynchronous response.
 */
export function listenForRequests(handlers: RequestHandlers, extensionOrigin = browser.runtime.getURL('/')): () => void {
  const listener = (message: unknown, sender: SenderInfo, sendResponse: (response: unknown) => void): true | undefined => {
    // Another page's state broadcast is not a request, and answering it would be noise.
    if (isStateChangedMessage(message)) return undefined;
    void dispatchMessage(message, sender, extensionOrigin, handlers).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export { RequestError, sendRequest, onStateChanged, type StateChangedMessage } from './send';

/**
 * Sends the background's new state to every open extension page. Having no page open is normal,
 * so the "Receiving end does not exist" rejection that Chrome gives then is ignored.
 */
export async function broadcastState(state: BackgroundState): Promise<void> {
  const message: StateChangedMessage = { event: 'stateChanged', state };
  try {
    await browser.runtime.sendMessage(message);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (!/receiving end does not exist|could not establish connection/i.test(text)) {
      console.warn('Sending the background state to the open pages failed.', error);
    }
  }
}
