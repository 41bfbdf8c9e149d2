import { browser } from 'wxt/browser';
import { createBackground } from '../../lib/background/service';
import { onIgnoredChanged } from '../../lib/ignored/store';
import { listenForRequests } from '../../lib/messages/dispatch';
import { onSettingsChanged } from '../../lib/settings/store';
import { browserDeps } from './deps';
import { ensureRefererRule } from './referer-rule';

export default defineBackground(() => {
  const background = createBackground(browserDeps());
  const report = (action: string) => (error: unknown) => console.error(`${action} failed.`, error);

  // Every listener is registered synchronously here, at the top of the worker start, so Chrome
  // can deliver the event that woke the worker. The work each one starts is asynchronous.
  listenForRequests(background.handlers);
  browser.alarms.onAlarm.addListener((alarm) => {
    background.onAlarm(alarm.name).catch(report(`Handling the alarm "${alarm.name}"`));
  });
  browser.runtime.onInstalled.addListener(() => {
    background.onInstalled().catch(report('Setting up after install'));
  });
  browser.runtime.onStartup.addListener(() => {
    background.onStartup().catch(report('Setting up after the browser start'));
  });
  browser.notifications.onClicked.addListener((notificationId) => {
    background.onNotificationClicked(notificationId).catch(report('Opening the clicked notification'));
  });
  onSettingsChanged((settings) => {
    background.onSettingsChanged(settings).catch(report('Applying the changed settings'));
  });
  onIgnoredChanged(() => background.onIgnoredChanged());

  ensureRefererRule().catch(() => {
    // ensureRefererRule logged the error, and the next call retries the install.
  });
  background.onWorkerStart().catch(report('Starting the background'));
});
