import type { RequestOf, RequestType, ResponseOf } from '../messages/protocol';

/**
 * The way screens reach the background: `sendRequest` from lib/messages/dispatch in the extension,
 * and an in-memory background in component tests.
 */
export type SendRequest = <T extends RequestType>(request: RequestOf<T>) => Promise<ResponseOf<T>>;

/** Returns the message of a thrown value, for "That did not work: …". */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
