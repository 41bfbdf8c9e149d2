import type { Request, RequestType } from './protocol';

/**
 * Permissions by kind of sender. The popup and options pages run in the
 * extension's own origin and may send anything. Content scripts run inside anilist.co pages, which
 * the extension does not control, so they get the reads a page panel needs and one write: adding
 * the single media of the page to the Planning list.
 */

export type SenderKind = 'extension-page' | 'content-script' | 'other';

/** The parts of `runtime.MessageSender` the classification reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

export const ANILIST_ORIGIN = 'https://anilist.co';

/**
 * Returns `scheme://host[:port]`. URL.origin is "null" for extension schemes in some runtimes
 * (Node among them), so it is built from the parts instead.
 */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * Sorts a message's sender by where it runs.
 * @param extensionOrigin this extension's origin, such as `browser.runtime.getURL('')`; a trailing
 * path is ignored.
 */
export function classifySender(sender: SenderInfo, extensionOrigin: string): SenderKind {
  const ownOrigin = originOf(extensionOrigin);
  const senderOrigin = sender.url === undefined ? null : originOf(sender.url);
  if (ownOrigin === null || senderOrigin === null) return 'other';

  // An extension page opened in a tab (the options page) has `tab` set too; its URL decides.
  if (senderOrigin === ownOrigin) return 'extension-page';
  if (sender.tab !== undefined && sender.tab !== null && senderOrigin === ANILIST_ORIGIN) return 'content-script';
  return 'other';
}

/** Requests a content script may send, whatever their fields. */
const CONTENT_SCRIPT_READS: ReadonlySet<RequestType> = new Set(['getState', 'getMediaStatus', 'scanOtherUser']);

/** Tells whether a sender of `kind` may send `request`. */
export function isRequestAllowed(kind: SenderKind, request: Request): boolean {
  switch (kind) {
    case 'extension-page':
      return true;
    case 'content-script':
      if (CONTENT_SCRIPT_READS.has(request.type)) return true;
      return request.type === 'addToPlanning' && request.mediaIds.length === 1;
    case 'other':
      return false;
  }
}

export type AuthorizeResult = { allowed: true; kind: SenderKind } | { allowed: false; kind: SenderKind; message: string };

/** Classifies the sender and checks the request against its permissions, with a message for a refusal. */
export function authorizeRequest(sender: SenderInfo, request: Request, extensionOrigin: string): AuthorizeResult {
  const kind = classifySender(sender, extensionOrigin);
  if (isRequestAllowed(kind, request)) return { allowed: true, kind };
  const where = kind === 'content-script' ? 'a content script on anilist.co' : 'a sender outside the extension';
  return { allowed: false, kind, message: `The "${request.type}" request is not allowed from ${where}.` };
}
