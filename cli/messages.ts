import { AniListError } from '../lib/anilist/errors';
import { describeError } from '../lib/anilist/messages';
import { CliError } from './exit-codes';

export interface ErrorContext {
  /** The user name given on the command line, or null when none was given. */
  user: string | null;
  apiUrl: string;
}

/**
 * Describes an error for the terminal. Errors about the user, the token and the connection name
 * the value and the flag to change, because the extension's messages are written for its login
 * screen. Every other error uses the extension's wording.
 */
export function describeCliError(error: unknown, context: ErrorContext): string {
  if (error instanceof CliError) return error.message;
  if (!(error instanceof AniListError)) return describeError(error);

  const user = context.user === null ? 'that name' : `"${context.user}"`;
  switch (error.kind) {
    case 'not-found':
      if (error.operationName !== 'UserList') return describeError(error);
      return `AniList has no user named ${user}: check the spelling of the user name.`;
    case 'private-user':
      return `The list of ${user} is private: pass that user's access token with --token or ANILIST_TOKEN.`;
    case 'invalid-token':
      return 'AniList rejected the access token (--token or ANILIST_TOKEN) as invalid or expired: create a new token and pass it again.';
    case 'unauthorized':
      return 'AniList requires an access token for this request: pass --token or set ANILIST_TOKEN.';
    case 'network':
      return `Could not reach the AniList API at ${context.apiUrl} (${rootCause(error)}): check your internet connection and --api-url, then try again.`;
    default:
      return describeError(error);
  }
}

/** Returns the message of the innermost cause, e.g. "connect ECONNREFUSED 127.0.0.1:9" under fetch's "fetch failed". */
function rootCause(error: Error): string {
  let current: Error = error;
  while (current.cause instanceof Error) current = current.cause;
  return current.message;
}
