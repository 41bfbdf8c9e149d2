import { render } from '@testing-library/preact';
import { PopupApp, type PopupTab } from '../../entrypoints/popup/App';
import { createPopupModels, type PopupModels } from '../../lib/ui/popup-models';
import { FINISHED_AT, type FakeBackground } from '../ui/support/fake-background';

/** "Now" in popup tests: three minutes after the recorded scan finished. */
export const NOW = FINISHED_AT + 3 * 60_000;

/** Renders the popup against a fake background, optionally after its first state arrived. */
export async function renderPopup(fake: FakeBackground, options: { waitForState?: boolean; tab?: PopupTab; browserLanguage?: string } = {}) {
  const models: PopupModels = createPopupModels(fake.send, { browserLanguage: options.browserLanguage ?? 'en-US', pollMs: 20 });
  const loading = models.store.refresh();
  if (options.waitForState ?? true) await loading;
  const result = render(<PopupApp models={models} onOpenOptions={() => {}} now={() => NOW} initialTab={options.tab} />);
  return { models, ...result };
}
