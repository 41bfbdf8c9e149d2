import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifest: {
    name: 'Sequel Finder for AniList',
    description: 'Finds the sequels missing from your AniList anime and manga lists.',
    permissions: ['storage'],
  },
  vite: () => ({
    plugins: [preact(), tailwindcss()],
  }),
});
