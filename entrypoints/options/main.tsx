import { render } from 'preact';
import { browser } from 'wxt/browser';
import { listIgnored, onIgnoredChanged } from '../../lib/ignored/store';
import { onStateChanged, sendRequest } from '../../lib/messages/send';
import { createAccountModel } from '../../lib/ui/account-model';
import { createBackgroundStore } from '../../lib/ui/background-store';
import { createOptionsModel } from '../../lib/ui/options-model';
import { OptionsApp } from './App';

const store = createBackgroundStore(sendRequest, {
  browserLanguage: browser.i18n?.getUILanguage?.() ?? navigator.language,
  subscribe: onStateChanged,
});
const model = createOptionsModel(store, sendRequest, { list: listIgnored, subscribe: onIgnoredChanged });
const account = createAccountModel(store, sendRequest);
void store.refresh();

const root = document.getElementById('app');
if (root === null) throw new Error('options.html has no #app element.');
render(<OptionsApp model={model} account={account} />, root);
addEventListener('pagehide', () => model.dispose());
