import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { createPageBackground } from '../../lib/pages/background-client';
import type { OtherScanCache } from '../../lib/pages/models';
import { createNearViewportWatcher } from '../../lib/pages/near-viewport';
import { readTheme, watchTheme } from '../../lib/pages/theme';
import { createShadowMount } from './mount';
import { createPageRouter } from './router';

/**
 * The content script on every anilist.co page. It routes each page view (the site is a Vue
 * single-page app) to the feature for its kind: profile-panel.tsx, list-markers.tsx or
 * media-note.tsx. It never receives the AniList token, because it only sends the reads and the
 * single Add to Planning that lib/messages/permissions.ts allows content scripts.
 */
export default defineContentScript({
  matches: ['https://anilist.co/*'],
  // At document_end the body exists and the site's own scripts are only starting, so the request
  // for the background state overlaps with the site loading its data.
  runAt: 'document_end',
  // The panel CSS is bundled as a string (see mount.ts), so WXT injects none of its own.
  cssInjectionMode: 'manual',
  main(ctx) {
    const theme = signal(readTheme(document.body));
    watchTheme(document.body, (next) => (theme.value = next), ctx.signal);

    const background = createPageBackground();
    const mount = createShadowMount(ctx);
    const otherScans: OtherScanCache = new Map();
    const browserLanguage = browser.i18n?.getUILanguage?.() ?? navigator.language;

    const router = createPageRouter((url) => {
      const state = background.getState();
      // A feature that returns early (a media page's Characters tab) never awaits the state, and
      // a rejection there must not surface as an unhandled one.
      state.catch(() => undefined);
      return { url, background, state, theme, mount, otherScans, browserLanguage, watchNearViewport: createNearViewportWatcher };
    });
    router.navigate(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', (event) => router.navigate(event.newUrl.href));
    ctx.onInvalidated(() => router.stop());
  },
});
