import { describe, expect, it } from 'vitest';
import type { ScanStatus } from '../../lib/messages/state';
import { relativeTime } from '../../lib/ui/relative-time';
import { progressFraction, secondsLeft } from '../../lib/ui/scan-progress';

const NOW = Date.UTC(2024, 6, 8, 12);
const MINUTE = 60_000;

describe('relativeTime', () => {
  const cases: { offset: number; locale: 'en' | 'pt-BR'; expected: string }[] = [
    { offset: -20_000, locale: 'en', expected: 'now' },
    { offset: -3 * MINUTE, locale: 'en', expected: '3 minutes ago' },
    { offset: -3 * MINUTE, locale: 'pt-BR', expected: 'há 3 minutos' },
    { offset: -2 * 60 * MINUTE, locale: 'en', expected: '2 hours ago' },
    { offset: -26 * 60 * MINUTE, locale: 'en', expected: 'yesterday' },
    { offset: -26 * 60 * MINUTE, locale: 'pt-BR', expected: 'ontem' },
    { offset: 5 * 24 * 60 * MINUTE, locale: 'en', expected: 'in 5 days' },
  ];
  for (const { offset, locale, expected } of cases) {
    it(`${offset} ms in ${locale}`, () => {
      expect(relativeTime(NOW + offset, NOW, locale)).toBe(expected);
    });
  }
});

type ActiveScan = Extract<ScanStatus, { phase: 'running' }>;

function running(changes: Partial<ActiveScan> & { progress: ActiveScan['progress'] }): ActiveScan {
  return {
    phase: 'running',
    userName: 'Boilerplate',
    startedAt: NOW,
    requestsDone: 0,
    estimatedRemainingRequests: null,
    wait: null,
    ...changes,
  };
}

describe('progressFraction', () => {
  const cases: { name: string; scan: ActiveScan; expected: number | null }[] = [
    { name: 'reading the list', scan: running({ progress: { phase: 'list', relationsNeeded: 0, relationsFromCache: 0, relationsFetched: 0 } }), expected: null },
    {
      name: 'relations counted',
      scan: running({ progress: { phase: 'relations', relationsNeeded: 40, relationsFromCache: 10, relationsFetched: 10 } }),
      expected: 0.5,
    },
    {
      name: 'request estimate wins',
      scan: running({
        progress: { phase: 'relations', relationsNeeded: 40, relationsFromCache: 10, relationsFetched: 10 },
        requestsDone: 3,
        estimatedRemainingRequests: 1,
      }),
      expected: 0.75,
    },
    { name: 'done', scan: running({ progress: { phase: 'done', relationsNeeded: 4, relationsFromCache: 4, relationsFetched: 0 } }), expected: 1 },
  ];
  for (const { name, scan, expected } of cases) {
    it(`fraction while ${name}`, () => {
      expect(progressFraction(scan)).toBe(expected);
    });
  }

  it('seconds left round up', () => {
    expect(secondsLeft(NOW + 12_100, NOW)).toBe(13);
    expect(secondsLeft(NOW - 500, NOW)).toBe(0);
  });
});
