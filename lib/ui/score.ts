import type { ScoreFormat } from '../anilist/types';
import { formatNumber, type Locale } from '../i18n/locale';

/** How a score is entered in one of AniList's score formats. 0 always means "no score". */
export interface ScoreScale {
  max: number;
  step: number;
  /** For the small scales: every value with its symbol, picked from a list instead of typed. */
  choices: { value: number; label: string }[] | null;
}

const SMILEYS = ['', '☹️', '😐', '🙂'];

export function scoreScale(format: ScoreFormat): ScoreScale {
  switch (format) {
    case 'POINT_100':
      return { max: 100, step: 1, choices: null };
    case 'POINT_10_DECIMAL':
      return { max: 10, step: 0.1, choices: null };
    case 'POINT_10':
      return { max: 10, step: 1, choices: null };
    case 'POINT_5':
      return {
        max: 5,
        step: 1,
        choices: [1, 2, 3, 4, 5].map((value) => ({ value, label: '★'.repeat(value) })),
      };
    case 'POINT_3':
      return { max: 3, step: 1, choices: [1, 2, 3].map((value) => ({ value, label: SMILEYS[value] ?? String(value) })) };
  }
}

/**
 * Reads a typed score: a number from 0 to the scale's maximum, rounded to its step (a comma
 * works as the decimal separator). Returns null for anything else.
 */
export function parseScore(text: string, format: ScoreFormat): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '' || !/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  const { max, step } = scoreScale(format);
  if (value < 0 || value > max) return null;
  const rounded = Math.round(value / step) * step;
  return Number(rounded.toFixed(step < 1 ? 1 : 0));
}

/** Shows a score in its format: "85", "7,5" in pt-BR, "★★★", a smiley, or "–" for no score. */
export function formatScore(score: number, format: ScoreFormat, locale: Locale): string {
  if (score <= 0) return '–';
  const scale = scoreScale(format);
  if (scale.choices !== null) return scale.choices.find((choice) => choice.value === Math.round(score))?.label ?? String(score);
  return formatNumber(score, locale, { maximumFractionDigits: format === 'POINT_10_DECIMAL' ? 1 : 0 });
}
