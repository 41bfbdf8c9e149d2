import { describe, expect, it } from 'vitest';
import type { ScoreFormat } from '../../lib/anilist/types';
import { formatScore, parseScore, scoreScale } from '../../lib/ui/score';

describe('parseScore', () => {
  const cases: { format: ScoreFormat; text: string; expected: number | null }[] = [
    { format: 'POINT_100', text: '85', expected: 85 },
    { format: 'POINT_100', text: '101', expected: null },
    { format: 'POINT_100', text: '84.6', expected: 85 },
    { format: 'POINT_10_DECIMAL', text: '7.5', expected: 7.5 },
    { format: 'POINT_10_DECIMAL', text: '7,25', expected: 7.3 },
    { format: 'POINT_10_DECIMAL', text: '10.1', expected: null },
    { format: 'POINT_10', text: '8', expected: 8 },
    { format: 'POINT_10', text: '7.6', expected: 8 },
    { format: 'POINT_5', text: '6', expected: null },
    { format: 'POINT_3', text: '3', expected: 3 },
    { format: 'POINT_100', text: '-5', expected: null },
    { format: 'POINT_100', text: 'abc', expected: null },
    { format: 'POINT_100', text: '', expected: null },
    { format: 'POINT_100', text: '0', expected: 0 },
  ];
  for (const { format, text, expected } of cases) {
    it(`${format} reads "${text}"`, () => {
      expect(parseScore(text, format)).toBe(expected);
    });
  }
});

describe('formatScore', () => {
  const cases: { format: ScoreFormat; score: number; locale: 'en' | 'pt-BR'; expected: string }[] = [
    { format: 'POINT_100', score: 85, locale: 'en', expected: '85' },
    { format: 'POINT_10_DECIMAL', score: 7.5, locale: 'en', expected: '7.5' },
    { format: 'POINT_10_DECIMAL', score: 7.5, locale: 'pt-BR', expected: '7,5' },
    { format: 'POINT_5', score: 3, locale: 'en', expected: '★★★' },
    { format: 'POINT_3', score: 3, locale: 'en', expected: '🙂' },
    { format: 'POINT_3', score: 1, locale: 'en', expected: '☹️' },
    { format: 'POINT_10', score: 0, locale: 'en', expected: '–' },
  ];
  for (const { format, score, locale, expected } of cases) {
    it(`${format} shows ${score} in ${locale}`, () => {
      expect(formatScore(score, format, locale)).toBe(expected);
    });
  }

  it('small scales offer choices', () => {
    expect(scoreScale('POINT_5').choices?.map((choice) => choice.value)).toEqual([1, 2, 3, 4, 5]);
    expect(scoreScale('POINT_100').choices).toBeNull();
  });
});
