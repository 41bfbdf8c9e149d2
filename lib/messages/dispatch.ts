import { browser } from 'wxt/browser';
import { authorizeRequest, type SenderInfo, type SenderKind } from './permissions';
import {
  type MessageError, type MessageErrorKind, type MessageResult, parseRequest, type RequestOf, type RequestType,
  type ResponseOf,
} from './protocol';

/**
 * Both ends of the protocol: the background's dispatcher, which validates, authorizes and routes
 * each request to its handler, and `sendRequest`, which the other parts call.
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
  const listener = (message: unknown, sender: SenderInfo, sendResponse: (response: unknown) => void): true => {
    void dispatchMessage(message, sender, extensionOrigin, handlers).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

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
