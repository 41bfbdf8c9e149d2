import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyBadge, BADGE_COLORS, badgeCount, badgeViewOf } from '../../lib/background/badge';
import type { BackgroundState, ScanStatus, ScanSummary } from '../../lib/messages/state';
import { defaultSettings } from '../../lib/settings/schema';

const NOW = Date.UTC(2025, 0, 19, 12);
const PROGRESS = { phase: 'relations' as const, relationsNeeded: 10, relationsFromCache: 0, relationsFetched: 0 };

function summary(available: number, announced = 0): ScanSummary {
  return {
    userName: 'Boilerplate',
    mediaType: 'ANIME',
    finishedAt: NOW,
    missing: [],
    totals: { missing: available + announced, byAvailability: { available, announced }, byFormat: {}, catchUpMinutes: 0, catchUpUnits: 0 },
  };
}

function state(changes: Partial<BackgroundState>): BackgroundState {
  return {
    login: null,
    scan: { phase: 'idle' },
    lastScan: null,
    settings: defaultSettings(),
    unreadNotifications: 0,
    reloginRequested: null,
    loginAvailable: true,
    nextCheckAt: null,
    ...changes,
  };
}

const PAUSED: ScanStatus = {
  phase: 'paused', userName: 'Boilerplate', startedAt: NOW, pausedAt: NOW, retryAt: Date.UTC(2025, 0, 19, 12, 40), progress: PROGRESS,
  requestsDone: 2, error: { kind: 'server', message: 'AniList is down.' },
};

describe('badgeViewOf', () => {
  const cases = [
    { name: 'no scan yet', state: state({}), expected: { text: '', color: BADGE_COLORS.normal, title: 'Sequel Finder for AniList' } },
    { name: 'nothing available', state: state({ lastScan: summary(0, 4) }), expected: { text: '', color: BADGE_COLORS.normal, title: 'Sequel Finder for AniList' } },
    { name: 'one available', state: state({ lastScan: summary(1, 4) }), expected: { text: '1', color: BADGE_COLORS.normal, title: 'Sequel Finder: 1 missing sequel is out now' } },
    { name: 'six available', state: state({ lastScan: summary(6, 4) }), expected: { text: '6', color: BADGE_COLORS.normal, title: 'Sequel Finder: 6 missing sequels are out now' } },
    { name: 'over 999', state: state({ lastScan: summary(1200) }), expected: { text: '999+', color: BADGE_COLORS.normal, title: 'Sequel Finder: 1,200 missing sequels are out now' } },
    {
      name: 'scan running',
      state: state({ lastScan: summary(6), scan: { phase: 'running', userName: 'Boilerplate', startedAt: NOW, progress: PROGRESS, requestsDone: 1, estimatedRemainingRequests: 1, wait: null } }),
      expected: { text: '6', color: BADGE_COLORS.normal, title: 'Sequel Finder: scanning the list of Boilerplate…' },
    },
    {
      name: 'scan failed',
      state: state({ scan: { phase: 'failed', userName: 'Nobody', finishedAt: NOW, error: { kind: 'not-found', message: 'AniList has no user with that name.' } } }),
      expected: { text: '!', color: BADGE_COLORS.error, title: 'Sequel Finder: the last scan failed. AniList has no user with that name.' },
    },
    { name: 'login rejected', state: state({ lastScan: summary(6), reloginRequested: { userName: 'Boilerplate', at: NOW } }), expected: { text: '!', color: BADGE_COLORS.error, title: 'Sequel Finder: log in to AniList again.' } },
  ];

  for (const testCase of cases) {
    it(`badge when ${testCase.name}`, () => {
      expect(badgeViewOf(testCase.state, 'en')).toEqual(testCase.expected);
    });
  }

  it('paused scan names retry time', () => {
    const view = badgeViewOf(state({ lastScan: summary(6), scan: PAUSED }), 'en');

    expect(view.text).toBe('6');
    expect(view.color).toBe(BADGE_COLORS.paused);
    expect(view.title).toMatch(/^Sequel Finder: the scan is paused until .+\. AniList is down\.$/);
  });

  it('title in Portuguese', () => {
    expect(badgeViewOf(state({ lastScan: summary(2) }), 'pt-BR').title).toBe('Sequel Finder: 2 continuações faltando já saíram');
  });
});

describe('badgeCount', () => {
  it.each([
    [0, ''], [-1, ''], [7, '7'], [999, '999'], [1000, '999+'],
  ])('count %i shows "%s"', (count, expected) => {
    expect(badgeCount(count)).toBe(expected);
  });
});

describe('applyBadge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('sets text, color and title', async () => {
    await applyBadge(fakeBrowser.action, { text: '6', color: BADGE_COLORS.paused, title: 'Sequel Finder: paused' });

    expect(await fakeBrowser.action.getBadgeText({})).toBe('6');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([232, 163, 61, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe('Sequel Finder: paused');
  });
});
