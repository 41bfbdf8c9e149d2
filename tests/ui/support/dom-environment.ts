import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach } from 'vitest';

/**
 * A happy-dom document for component tests; import it first in a test file.
 *
 * Registered on Node's globals instead of through `@vitest-environment happy-dom`, because that
 * environment applies Vite's browser transform, which rewrites `new URL(path, import.meta.url)`
 * against the fake page's http origin, and the fixture loaders then cannot find their files.
 */
if (!GlobalRegistrator.isRegistered) GlobalRegistrator.register({ url: 'http://localhost/', width: 1024, height: 768 });

afterEach(() => {
  document.body.innerHTML = '';
});

/** Height of the sequel list's scrolling element; happy-dom lays nothing out, so every size would be 0. */
export const LIST_VIEWPORT_PX = 600;
/** Height every rendered list row reports. */
export const ROW_PX = 120;

Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.getAttribute('data-testid') === 'sequel-list' ? LIST_VIEWPORT_PX : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.hasAttribute('data-index') ? ROW_PX : 0;
  },
});
