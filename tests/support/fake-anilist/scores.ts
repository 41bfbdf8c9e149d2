/**
 * Conversions between AniList score formats. AniList stores scores on the 100-point scale and
 * converts them to the owner's format, or to the format asked for in `score(format:)`.
 */

export const DEFAULT_SCORE_FORMAT = 'POINT_100';

// NOTE: the rounding of POINT_10, POINT_5 and POINT_3 and the POINT_3 thresholds are estimates;
// no recorded response shows them.
const POINT_3_TO_RAW: Record<number, number> = { 1: 35, 2: 60, 3: 85 };

/** Converts a score in `format` to the 100-point scale. */
export function scoreToRaw(score: number, format: string): number {
  switch (format) {
    case 'POINT_10_DECIMAL':
    case 'POINT_10':
      return score * 10;
    case 'POINT_5':
      return score * 20;
    case 'POINT_3':
      return POINT_3_TO_RAW[Math.round(score)] ?? 0;
    default:
      return score;
  }
}

/** Converts a 100-point score to `format`. Zero stays zero, since it means "not scored". */
export function scoreFromRaw(raw: number, format: string): number {
  if (raw === 0) return 0;
  switch (format) {
    case 'POINT_10_DECIMAL':
      return Math.round(raw) / 10;
    case 'POINT_10':
      return Math.round(raw / 10);
    case 'POINT_5':
      return Math.round(raw / 20);
    case 'POINT_3':
      if (raw >= 61) return 3;
      return raw >= 36 ? 2 : 1;
    default:
      return Math.round(raw);
  }
}

/** Converts a score between two formats. */
export function convertScore(score: number, from: string, to: string): number {
  if (from === to) return score;
  return scoreFromRaw(scoreToRaw(score, from), to);
}
