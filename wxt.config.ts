import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';
import remToPx from 'postcss-rem-to-responsive-pixel';

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifest: ({ browser }) => ({
    // Both texts come from public/_locales, so each browser shows them in its own language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The toolbar button carries the badge even before a popup page exists.
    action: { default_title: '__MSG_extName__' },
    permissions: [
      // Sets `Referer: https://anilist.co/` on the extension's own GraphQL requests, which AniList
      // rejects without it. Acts only on hosts listed in host_permissions, with no install warning.
      'declarativeNetRequestWithHostAccess',
      // Settings, the login token and the scan cache.
      'storage',
      // Scheduled rescans of the user's lists.
      'alarms',
      // Notices of newly found sequels.
      'notifications',
      // The AniList OAuth login through identity.launchWebAuthFlow.
      'identity',
    ],
    host_permissions: [
      // The GraphQL API. The Referer rule needs host access to modify its requests. There is no
      // host access to anilist.co itself: content scripts are injected through their matches, the
      // login window needs none, and without it the rule cannot touch requests that anilist.co's
      // own pages start.
      'https://graphql.anilist.co/*',
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // TODO: register the add-on on addons.mozilla.org and put its real id here.
              id: 'sequel-finder@sequel-finder.invalid',
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact(), tailwindcss()],
    css: {
      postcss: {
        plugins: [
          // The anilist.co panels live in shadow roots, where rem follows anilist.co's root font size
          // and not the 16px Tailwind's sizes are made for, so their CSS is turned into px.
          remToPx({
            rootValue: 16,
            propList: ['*'],
            transformUnit: 'px',
            exclude: (file: string) => !file.replaceAll('\\', '/').includes('/components/page/'),
          }),
        ],
      },
    },
  }),
});
