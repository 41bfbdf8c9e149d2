import { render } from 'preact';
import { browser } from 'wxt/browser';
import { onStateChanged, sendRequest } from '../../lib/messages/send';
import { createPopupModels } from '../../lib/ui/popup-models';
import { createStateSnapshot } from '../../lib/ui/state-snapshot';
import { PopupApp } from './App';

const models = createPopupModels(sendRequest, {
  browserLanguage: browser.i18n?.getUILanguage?.() ?? navigator.language,
  subscribe: onStateChanged,
  snapshot: createStateSnapshot(localStorage),
});

// The first paint uses the popup's copy of the last state, then the background's response replaces
// it. Neither waits for AniList.
void models.store.refresh();

const root = document.getElementById('app');
if (root === null) throw new Error('popup.html has no #app element.');
render(<PopupApp models={models} onOpenOptions={() => void browser.runtime.openOptionsPage()} />, root);
addEventListener('pagehide', () => models.store.dispose());
