import { displayTitle } from '../lib/anilist/title';
import type { AniListUser, Media, MediaType } from '../lib/anilist/types';
import type { FinderResult, FinderTotals, MissingSequel } from '../lib/sequels/types';

/** The one object `--json` prints. Its shape is a public interface: change it only additively. */
export interface JsonReport {
  user: { id: number; name: string };
  type: MediaType;
  missing: Array<{
    id: number;
    title: string;
    format: string | null;
    status: string | null;
    relation: string;
    depth: number;
    from: Array<{ id: number; title: string; listStatus: string }>;
    via: number[];
    franchise: string;
    availability: string;
  }>;
  totals: FinderResult['totals'];
  requests: number;
}

/** Builds the `--json` object. `requests` is the number of HTTP requests the client sent. */
export function buildJsonReport(user: AniListUser, type: MediaType, result: FinderResult, requests: number): JsonReport {
  return {
    user: { id: user.id, name: user.name },
    type,
    missing: result.missing.map((sequel) => ({
      id: sequel.media.id,
      title: displayTitle(sequel.media),
      format: sequel.media.format,
      status: sequel.media.status,
      relation: sequel.relation,
      depth: sequel.depth,
      from: sequel.from.map((source) => ({
        id: source.mediaId,
        title: displayTitle(source.media),
        listStatus: source.listStatus,
      })),
      via: sequel.via,
      franchise: sequel.franchise,
      availability: sequel.availability,
    })),
    totals: result.totals,
    requests,
  };
}

const CSV_COLUMNS = ['id', 'title', 'format', 'status', 'relation', 'depth', 'availability', 'franchise', 'from', 'via', 'url'];

/** Formats the missing sequels as RFC 4180 CSV with a header row. */
export function formatCsv(missing: readonly MissingSequel[]): string {
  const rows = missing.map((sequel) => [
    sequel.media.id,
    displayTitle(sequel.media),
    sequel.media.format ?? '',
    sequel.media.status ?? '',
    sequel.relation,
    sequel.depth,
    sequel.availability,
    sequel.franchise,
    sequel.from.map((source) => `${displayTitle(source.media)} (${source.listStatus})`).join('; '),
    sequel.via.join(' '),
    mediaUrl(sequel.media),
  ]);
  return [CSV_COLUMNS, ...rows].map((row) => row.map((cell) => csvCell(String(cell))).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Formats a readable report for a terminal: one franchise per block, then the totals. */
export function formatText(user: AniListUser, type: MediaType, result: FinderResult): string {
  const listName = type === 'MANGA' ? 'manga' : 'anime';
  if (result.missing.length === 0) return `${user.name} is all caught up on ${listName}: no missing sequels.\n`;

  const lines: string[] = [`Missing from ${user.name}'s ${listName} list:`];
  let franchise: string | null = null;
  for (const sequel of result.missing) {
    if (sequel.franchise !== franchise) {
      franchise = sequel.franchise;
      lines.push('');
    }
    const source = sequel.from[0];
    const after = source ? ` after ${displayTitle(source.media)} (${source.listStatus.toLowerCase()})` : '';
    const through = sequel.via.length > 0 ? `, through ${sequel.via.map((id) => `#${id}`).join(', ')}` : '';
    lines.push(`${displayTitle(sequel.media)}  [${sequel.media.format ?? 'unknown format'}, ${sequel.availability}]`);
    lines.push(`  ${sequel.relation.toLowerCase()}${after}${through}  ${mediaUrl(sequel.media)}`);
  }

  lines.push('', formatTotals(result.totals, type));
  return lines.join('\n') + '\n';
}

function formatTotals(totals: FinderTotals, type: MediaType): string {
  const counts = `${totals.missing} missing: ${totals.byAvailability.available} available, ${totals.byAvailability.announced} announced.`;
  if (totals.catchUpUnits === 0) return counts;
  const unit = type === 'MANGA' ? 'chapter' : 'episode';
  const units = `${totals.catchUpUnits} ${totals.catchUpUnits === 1 ? unit : `${unit}s`} of available sequels`;
  // Minutes are 0 when AniList gave no episode durations, and then no time is shown.
  const hours = totals.catchUpMinutes > 0 ? `, about ${Math.round(totals.catchUpMinutes / 6) / 10} hours` : '';
  return `${counts} ${units} to catch up${hours}.`;
}

/** Returns the media's AniList page, built from its id when the response carried no siteUrl. */
function mediaUrl(media: Media): string {
  return media.siteUrl ?? `https://anilist.co/${media.type === 'MANGA' ? 'manga' : 'anime'}/${media.id}`;
}
