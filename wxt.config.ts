import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifest: ({ browser }) => ({
    name: 'Sequel Finder for AniList',
    description: 'Finds the sequels missing from your AniList anime and manga lists.',
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
      // The GraphQL API. The Referer rule needs host access to modify its requests.
      'https://graphql.anilist.co/*',
      // The OAuth authorize page, and the pages the content scripts run on.
      'https://anilist.co/*',
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
  }),
});
