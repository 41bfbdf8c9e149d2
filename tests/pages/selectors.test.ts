// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SELECTORS, type SelectorName } from '../../lib/pages/selectors';
import { showFixturePage } from './support';

/** How many elements each selector finds on each fixture page (built from notes on the real DOM). */
const EXPECTED: Record<string, Record<SelectorName, number>> = {
  'profile.html': {
    pageContent: 1, userPage: 1, profileOverviewSection: 2, mediaList: 0, listEntryTitleLink: 0, listEntryRow: 0,
    mediaPage: 0, mediaOverview: 0, relationLink: 0, relationCard: 0,
  },
  'animelist-table.html': {
    pageContent: 1, userPage: 1, profileOverviewSection: 0, mediaList: 1, listEntryTitleLink: 15, listEntryRow: 15,
    mediaPage: 0, mediaOverview: 0, relationLink: 0, relationCard: 0,
  },
  'animelist-cards.html': {
    pageContent: 1, userPage: 1, profileOverviewSection: 0, mediaList: 1, listEntryTitleLink: 4, listEntryRow: 4,
    mediaPage: 0, mediaOverview: 0, relationLink: 0, relationCard: 0,
  },
  'media-142838.html': {
    pageContent: 1, userPage: 0, profileOverviewSection: 0, mediaList: 0, listEntryTitleLink: 0, listEntryRow: 0,
    mediaPage: 1, mediaOverview: 1, relationLink: 8, relationCard: 4,
  },
  'media-158927.html': {
    pageContent: 1, userPage: 0, profileOverviewSection: 0, mediaList: 0, listEntryTitleLink: 0, listEntryRow: 0,
    mediaPage: 1, mediaOverview: 1, relationLink: 6, relationCard: 3,
  },
};

describe('SELECTORS on fixture pages', () => {
  for (const [page, counts] of Object.entries(EXPECTED)) {
    for (const [name, count] of Object.entries(counts) as [SelectorName, number][]) {
      it(`${name} finds ${count} on ${page}`, () => {
        showFixturePage(page);
        expect(document.querySelectorAll(SELECTORS[name])).toHaveLength(count);
      });
    }
  }

  it('list rows hold their title links', () => {
    showFixturePage('animelist-table.html');
    const links = [...document.querySelectorAll(SELECTORS.listEntryTitleLink)];
    const rows = links.map((link) => link.closest(SELECTORS.listEntryRow));
    expect(rows.every((row) => row !== null)).toBe(true);
    expect(new Set(rows).size).toBe(links.length);
  });

  it('relation links sit in relation cards', () => {
    showFixturePage('media-142838.html');
    const cards = [...document.querySelectorAll(SELECTORS.relationLink)].map((link) => link.closest(SELECTORS.relationCard));
    expect(cards.every((card) => card !== null)).toBe(true);
  });

  it('overview column is the last section', () => {
    showFixturePage('profile.html');
    const sections = document.querySelectorAll(SELECTORS.profileOverviewSection);
    expect(sections.item(sections.length - 1).querySelector('.activity-feed-wrap')).not.toBeNull();
  });
});
