import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Chromium. Files run one at a time, because
// each launches its own Chromium and two at once compete for a small machine's cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
