import { AniListError } from '../lib/anilist/errors';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_USER_UNAVAILABLE = 3;
export const EXIT_ANILIST_UNAVAILABLE = 4;

/** A failure the command line tool explains itself: `message` is shown as is, and `exitCode` is returned. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(message: string, readonly exitCode: number = EXIT_FAILURE) {
    super(message);
  }
}

/** Maps an error to the exit code that `--help` documents. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  if (!(error instanceof AniListError)) return EXIT_FAILURE;
  switch (error.kind) {
    case 'not-found':
    case 'private-user':
      return EXIT_USER_UNAVAILABLE;
    case 'api-disabled':
    case 'server':
    case 'network':
    case 'rate-limited':
      return EXIT_ANILIST_UNAVAILABLE;
    default:
      return EXIT_FAILURE;
  }
}
