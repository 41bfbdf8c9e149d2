import { type AccountModel, createAccountModel } from './account-model';
import { type BackgroundStore, type BackgroundStoreOptions, createBackgroundStore } from './background-store';
import { createNotificationsModel, type NotificationsModel } from './notifications-model';
import type { SendRequest } from './requests';
import { createSequelsModel, type SequelsModel } from './sequels-model';
import { createWatchingModel, type WatchingModel } from './watching-model';

/** Every model of the popup, created once when it opens. */
export interface PopupModels {
  store: BackgroundStore;
  account: AccountModel;
  sequels: SequelsModel;
  notifications: NotificationsModel;
  watching: WatchingModel;
}

export function createPopupModels(send: SendRequest, options: BackgroundStoreOptions): PopupModels {
  const store = createBackgroundStore(send, options);
  return {
    store,
    account: createAccountModel(store, send),
    sequels: createSequelsModel(store, send),
    notifications: createNotificationsModel(store, send),
    watching: createWatchingModel(send),
  };
}
