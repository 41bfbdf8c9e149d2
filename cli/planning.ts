import type { AniListClient } from '../lib/anilist/client';
import { displayTitle } from '../lib/anilist/title';
import type { Media } from '../lib/anilist/types';
import { confirm } from './confirm';
import { CliError, EXIT_OK, EXIT_USAGE, exitCodeFor } from './exit-codes';
import { describeCliError, type ErrorContext } from './messages';
import type { ProgressLine, TextOutput } from './progress';

/** Titles named in the question before "and N more". */
const TITLES_IN_QUESTION = 5;

/**
 * Checks that the access token belongs to the user whose list is scanned, because adding another
 * user's missing sequels to the token owner's Planning list is never what `--add-to-planning` means.
 * AniList user names are unique regardless of case.
 */
export async function checkTokenOwner(client: AniListClient, user: string): Promise<void> {
  const viewer = await client.fetchViewer();
  if (viewer.name.toLowerCase() === user.toLowerCase()) return;
  throw new CliError(
    `The access token belongs to the AniList user "${viewer.name}", not "${user}": ` +
      `pass ${user}'s token to add to their list, or scan "${viewer.name}" instead.`,
    EXIT_USAGE,
  );
}

export interface AddToPlanningInput {
  client: AniListClient;
  media: Media[];
  /** When false, the user confirms on the terminal first. */
  yes: boolean;
  stdin: NodeJS.ReadableStream;
  stderr: TextOutput;
  progress: ProgressLine;
  errorContext: ErrorContext;
}

/** Adds each media to the token owner's Planning list, asking first unless `yes`. Returns the exit code. */
export async function addToPlanning(input: AddToPlanningInput): Promise<number> {
  const { client, media, stderr, progress } = input;
  if (media.length === 0) {
    stderr.write('Nothing to add to Planning: no sequels are missing.\n');
    return EXIT_OK;
  }

  if (!input.yes) {
    const titles = media.slice(0, TITLES_IN_QUESTION).map((item) => displayTitle(item)).join(', ');
    const more = media.length > TITLES_IN_QUESTION ? ` and ${media.length - TITLES_IN_QUESTION} more` : '';
    if (!(await confirm(`Add ${media.length} ${media.length === 1 ? 'sequel' : 'sequels'} to your Planning list (${titles}${more})?`, input.stdin, stderr))) {
      stderr.write('Nothing was added.\n');
      return EXIT_OK;
    }
  }

  let added = 0;
  let failure: { item: Media; error: unknown } | null = null;
  for (const item of media) {
    progress.showPhase(`adding to Planning (${added} of ${media.length} added)`);
    try {
      await client.saveToPlanning(item.id);
    } catch (error) {
      failure = { item, error };
      break;
    }
    added += 1;
  }
  progress.finish();

  if (failure) {
    const reason = describeCliError(failure.error, input.errorContext);
    const title = `${displayTitle(failure.item)} (#${failure.item.id})`;
    stderr.write(`sequel-finder: Adding ${title} to Planning failed after ${added} of ${media.length} were added. ${reason}\n`);
    return exitCodeFor(failure.error);
  }
  stderr.write(`Added ${added} ${added === 1 ? 'sequel' : 'sequels'} to your Planning list.\n`);
  return EXIT_OK;
}
