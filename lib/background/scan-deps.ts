import type { ClientEvent } from '../anilist/client';
import type { UserList, Viewer } from '../anilist/types';
import type { Session } from '../auth/session';
import type { CacheLifetimes } from '../cache/expiry';
import type { RelationStore } from '../cache/store';
import type { ScanClient } from '../scan/run-scan';
import type { Settings } from '../settings/schema';
import type { AlarmsApi } from './alarms';
import type { StoredResult } from './results';
import type { ScanJob, ScanTarget } from './scan-job';
import type { ScanStore } from './scan-store';

/** The scan runner's dependencies on the rest of the background, and the finished scan it hands back. */

export interface ScanClientOptions {
  token: string | null;
  signal: AbortSignal;
  onEvent: (event: ClientEvent) => void;
}

/** The client calls a scan makes. */
export interface BackgroundScanClient extends ScanClient {
  fetchViewer(): Promise<Viewer>;
}

/** A scan that finished, for the work that follows it (notifications, automatic Planning adds). */
export interface FinishedScan {
  job: ScanJob;
  previous: StoredResult | null;
  result: StoredResult;
  list: UserList;
  /** True when the list was unchanged and the relations were not walked again. */
  skippedRelations: boolean;
}

export interface ScanRunnerDeps {
  store: ScanStore;
  openRelationStore(lifetimes: CacheLifetimes): Promise<RelationStore>;
  createClient(options: ScanClientOptions): BackgroundScanClient;
  alarms: AlarmsApi;
  ensureReferer(): Promise<void>;
  loadSettings(): Promise<Settings>;
  loadSession(): Promise<Session | null>;
  saveSession(session: Session): Promise<void>;
  /** Called when a scan of a typed name found the user, with the name as AniList spells it. */
  onUserFound(target: ScanTarget, canonicalName: string): Promise<void>;
  /** Starts whatever keeps the worker awake during a scan, and returns the function that stops it. */
  keepAlive(): () => void;
  /** Called after every change of the job, so the badge and the open pages update. */
  onChanged(): void;
  onFinished(scan: FinishedScan): Promise<void>;
  /** Logs out after AniList rejected the token. */
  onInvalidToken(): Promise<void>;
  now(): number;
}
