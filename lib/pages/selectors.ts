/**
 * Every anilist.co selector the content script uses. anilist.co renders its pages with Vue on
 * the client, and these class names are the ones maintained userscripts (Automail,
 * AniList-Extras, 2024) select on. Vue's scoped-style attributes (`data-v-xxxxxxxx`) change
 * with every site build, so no selector uses them. `tests/pages/selectors.test.ts` runs each
 * one against the fixture pages in `tests/fixtures/pages/`.
 */
export const SELECTORS = {
  /** The element whose children the Vue router swaps on navigation. */
  pageContent: '.page-content',

  /** The root of a user's pages (overview, lists, stats, ...), below the banner and tab bar. */
  userPage: '.user.user-page-unscoped',
  /** The columns of the profile overview grid; the panel goes into the last one. */
  profileOverviewSection: '.user-page-unscoped .overview > .section',

  /** The root of an anime or manga list page; its classes name the view and score format. */
  mediaList: '.user-page-unscoped .medialist',
  /** The title link of one list entry, in the table, compact and cards views alike. */
  listEntryTitleLink: '.medialist .list-entries .row .title > a[href]',
  /** The list entry row around a title link. */
  listEntryRow: '.entry.row, .entry-card.row',

  /** The root of a media page. */
  mediaPage: '.media.media-page-unscoped',
  /** The main column of a media page's overview tab: relations, characters, staff, ... */
  mediaOverview: '.media-page-unscoped .content.container > .overview',
  /** A link to another media inside the overview's Relations section. */
  relationLink: '.media-page-unscoped .overview .relations a[href^="/anime/"], .media-page-unscoped .overview .relations a[href^="/manga/"]',
  /** The card of one related media, around its links. */
  relationCard: '.media-preview-card',
} as const;

export type SelectorName = keyof typeof SELECTORS;

/** Body classes that pick AniList's theme; the light theme has none. */
export const THEME_CLASSES = {
  dark: 'site-theme-dark',
  contrast: 'site-theme-contrast',
} as const;
