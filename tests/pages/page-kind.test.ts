import { describe, expect, it } from 'vitest';
import { detectPage, mediaOfLink, type PageKind, samePage } from '../../lib/pages/page-kind';

/** Real anilist.co URL shapes, each with the page kind it must be detected as. */
const PAGES: { url: string; expected: PageKind }[] = [
  // Profile overview
  { url: 'https://anilist.co/user/Josh/', expected: { kind: 'profile', userName: 'Josh' } },
  { url: 'https://anilist.co/user/Josh', expected: { kind: 'profile', userName: 'Josh' } },
  { url: 'https://anilist.co/user/Boilerplate/?ref=nav#activity', expected: { kind: 'profile', userName: 'Boilerplate' } },
  // Lists
  { url: 'https://anilist.co/user/Josh/animelist', expected: { kind: 'list', userName: 'Josh', mediaType: 'ANIME', listName: null } },
  { url: 'https://anilist.co/user/Josh/animelist/', expected: { kind: 'list', userName: 'Josh', mediaType: 'ANIME', listName: null } },
  {
    url: 'https://anilist.co/user/Josh/animelist/Completed',
    expected: { kind: 'list', userName: 'Josh', mediaType: 'ANIME', listName: 'Completed' },
  },
  {
    url: 'https://anilist.co/user/Josh/animelist/Completed%20TV',
    expected: { kind: 'list', userName: 'Josh', mediaType: 'ANIME', listName: 'Completed TV' },
  },
  { url: 'https://anilist.co/user/Josh/mangalist', expected: { kind: 'list', userName: 'Josh', mediaType: 'MANGA', listName: null } },
  // Media pages
  { url: 'https://anilist.co/anime/21/ONE-PIECE/', expected: { kind: 'media', mediaType: 'ANIME', mediaId: 21, tab: null } },
  { url: 'https://anilist.co/anime/21', expected: { kind: 'media', mediaType: 'ANIME', mediaId: 21, tab: null } },
  { url: 'https://anilist.co/anime/21/', expected: { kind: 'media', mediaType: 'ANIME', mediaId: 21, tab: null } },
  {
    url: 'https://anilist.co/anime/101922/Kimetsu-no-Yaiba/characters',
    expected: { kind: 'media', mediaType: 'ANIME', mediaId: 101922, tab: 'characters' },
  },
  { url: 'https://anilist.co/manga/30013/ONE-PIECE/', expected: { kind: 'media', mediaType: 'MANGA', mediaId: 30013, tab: null } },
  { url: 'https://anilist.co/manga/30013/ONE-PIECE/staff', expected: { kind: 'media', mediaType: 'MANGA', mediaId: 30013, tab: 'staff' } },
  // Everything else
  { url: 'https://anilist.co/', expected: { kind: 'other' } },
  { url: 'https://anilist.co/home', expected: { kind: 'other' } },
  { url: 'https://anilist.co/search/anime', expected: { kind: 'other' } },
  { url: 'https://anilist.co/user/Josh/favorites', expected: { kind: 'other' } },
  { url: 'https://anilist.co/user/Josh/stats/anime/overview', expected: { kind: 'other' } },
  { url: 'https://anilist.co/user/Josh/social', expected: { kind: 'other' } },
  { url: 'https://anilist.co/user/Josh/animelist/Completed/extra', expected: { kind: 'other' } },
  { url: 'https://anilist.co/user/', expected: { kind: 'other' } },
  { url: 'https://anilist.co/user/%E0%A4%A/', expected: { kind: 'other' } },
  { url: 'https://anilist.co/user/a%20b/', expected: { kind: 'other' } },
  { url: 'https://anilist.co/character/40/Luffy-Monkey/', expected: { kind: 'other' } },
  { url: 'https://anilist.co/staff/95015/', expected: { kind: 'other' } },
  { url: 'https://anilist.co/studio/21/', expected: { kind: 'other' } },
  { url: 'https://anilist.co/forum/thread/1', expected: { kind: 'other' } },
  { url: 'https://anilist.co/activity/123', expected: { kind: 'other' } },
  { url: 'https://anilist.co/anime/', expected: { kind: 'other' } },
  { url: 'https://anilist.co/anime/0/', expected: { kind: 'other' } },
  { url: 'https://anilist.co/anime/abc/', expected: { kind: 'other' } },
  { url: 'https://anilist.co/anime/99999999999999999/', expected: { kind: 'other' } },
  { url: 'https://anilist.co/anime/21/ONE-PIECE/characters/extra', expected: { kind: 'other' } },
  { url: 'http://anilist.co/user/Josh/', expected: { kind: 'other' } },
  { url: 'https://www.anilist.co/user/Josh/', expected: { kind: 'other' } },
  { url: 'https://anichart.net/user/Josh/', expected: { kind: 'other' } },
  { url: 'not a url', expected: { kind: 'other' } },
];

const KINDS: PageKind['kind'][] = ['profile', 'list', 'media', 'other'];

describe('detectPage', () => {
  for (const { url, expected } of PAGES) {
    it(`detects ${url}`, () => {
      expect(detectPage(url)).toEqual(expected);
    });
  }

  // Every URL against every kind: exactly the expected kind matches.
  for (const kind of KINDS) {
    it(`matches only ${kind} URLs as ${kind}`, () => {
      const detected = PAGES.filter(({ url }) => detectPage(url).kind === kind).map(({ url }) => url);
      const expected = PAGES.filter((page) => page.expected.kind === kind).map(({ url }) => url);
      expect(detected).toEqual(expected);
    });
  }

  it('accepts a URL object', () => {
    expect(detectPage(new URL('https://anilist.co/user/Josh/mangalist'))).toEqual({
      kind: 'list', userName: 'Josh', mediaType: 'MANGA', listName: null,
    });
  });
});

describe('mediaOfLink', () => {
  const cases: { href: string | null; expected: ReturnType<typeof mediaOfLink> }[] = [
    { href: '/anime/101922/Kimetsu-no-Yaiba/', expected: { mediaType: 'ANIME', mediaId: 101922 } },
    { href: '/manga/108556/SPY-FAMILY/', expected: { mediaType: 'MANGA', mediaId: 108556 } },
    { href: 'https://anilist.co/anime/21', expected: { mediaType: 'ANIME', mediaId: 21 } },
    { href: '/user/Josh/', expected: null },
    { href: 'https://example.com/anime/21/', expected: null },
    { href: '', expected: null },
    { href: null, expected: null },
  ];

  for (const { href, expected } of cases) {
    it(`reads ${JSON.stringify(href)}`, () => {
      expect(mediaOfLink(href)).toEqual(expected);
    });
  }
});

describe('samePage', () => {
  const cases = [
    { a: 'https://anilist.co/user/Josh/', b: 'https://anilist.co/user/Josh', same: true },
    { a: 'https://anilist.co/user/Josh/', b: 'https://anilist.co/user/Josh/#activity', same: true },
    { a: 'https://anilist.co/user/Josh/', b: 'https://anilist.co/user/Josh/animelist', same: false },
    { a: 'https://anilist.co/search/anime?genre=Action', b: 'https://anilist.co/search/anime?genre=Drama', same: false },
  ];

  for (const { a, b, same } of cases) {
    it(`compares ${a} with ${b}`, () => {
      expect(samePage(a, b)).toBe(same);
    });
  }
});
