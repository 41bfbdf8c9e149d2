import { ensureRefererRule } from './referer-rule';

export default defineBackground(() => {
  // Listeners must be registered synchronously here, at the top of the worker start, so Chrome
  // can deliver the event that woke the worker. The scan, login and alarms are added later.
  ensureRefererRule().catch(() => {
    // ensureRefererRule logged the error, and the next call retries the install.
  });
});
