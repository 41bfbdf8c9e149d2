import { z } from 'zod';
import { MEDIA_LIST_STATUSES, MEDIA_TYPES } from '../anilist/types';
import type { NotificationRecord } from '../notifications/history';
import { MAX_USER_NAME_LENGTH, type Settings, settingsSchema } from '../settings/schema';
import type {
  AddToPlanningResult, BackgroundState, ImportBackupResult, MediaStatus, ScanSummary, StartScanResult, UpdatedEntry,
  WatchingList,
} from './state';

/**
 * The one message protocol between the background and the popup, options page and content
 * scripts. Every request is validated with zod when it arrives, because a message may come from
 * a content script running in a page the extension does not control.
 */

const mediaId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const userName = z.string().trim().min(1).max(MAX_USER_NAME_LENGTH);

/** More ids than one page of a list could add at once; the bound keeps one message small. */
export const MAX_MEDIA_IDS_PER_REQUEST = 500;
/** More episodes or chapters than any media has; the bound only rejects nonsense before AniList does. */
export const MAX_PROGRESS = 100_000;
/** A backup with a few thousand ignored media is well under 1 MB. */
export const MAX_BACKUP_TEXT_LENGTH = 2_000_000;

const requestSchemas = [
  z.strictObject({ type: z.literal('getState') }),
  z.strictObject({ type: z.literal('startScan'), userName: userName.optional() }),
  z.strictObject({ type: z.literal('cancelScan') }),
  z.strictObject({ type: z.literal('login') }),
  z.strictObject({ type: z.literal('logout') }),
  z.strictObject({
    type: z.literal('addToPlanning'),
    mediaIds: z
      .array(mediaId)
      .min(1)
      .max(MAX_MEDIA_IDS_PER_REQUEST)
      .refine((ids) => new Set(ids).size === ids.length, 'Media ids must not repeat.'),
  }),
  z.strictObject({ type: z.literal('ignore'), mediaId, title: z.string().max(1000).nullable().optional() }),
  z.strictObject({ type: z.literal('unignore'), mediaId, title: z.string().max(1000).nullable().optional() }),
  z.strictObject({ type: z.literal('getNotifications') }),
  z.strictObject({ type: z.literal('markNotificationsRead'), ids: z.array(z.string().min(1).max(2000)).max(1000).optional() }),
  z.strictObject({ type: z.literal('saveSettings'), settings: settingsSchema }),
  z.strictObject({ type: z.literal('importBackup'), text: z.string().max(MAX_BACKUP_TEXT_LENGTH), overwrite: z.boolean() }),
  z.strictObject({ type: z.literal('clearCache') }),
  z.strictObject({ type: z.literal('getMediaStatus'), mediaId }),
  z.strictObject({ type: z.literal('scanOtherUser'), userName }),
  z.strictObject({ type: z.literal('getWatching'), mediaType: z.enum(MEDIA_TYPES).optional() }),
  z
    .strictObject({
      type: z.literal('updateEntry'),
      mediaId,
      progress: z.number().int().min(0).max(MAX_PROGRESS).optional(),
      status: z.enum(MEDIA_LIST_STATUSES).optional(),
      /** In the user's score format; AniList accepts 0 to 100 and rejects more than the format allows. */
      score: z.number().min(0).max(100).optional(),
    })
    .refine(
      (request) => request.progress !== undefined || request.status !== undefined || request.score !== undefined,
      'Set at least one of progress, status and score.',
    ),
] as const;

export const requestSchema = z.discriminatedUnion('type', requestSchemas);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export const REQUEST_TYPES: readonly RequestType[] = requestSchemas.map((schema) => schema.shape.type.value);

/** The response value of each request type. */
export interface ResponseMap {
  getState: BackgroundState;
  /** `started: false` with a reason and a sentence when a scan was already running, which then goes on. */
  startScan: StartScanResult;
  /** False when no scan was running. */
  cancelScan: { cancelled: boolean };
  login: BackgroundState['login'];
  logout: null;
  addToPlanning: AddToPlanningResult;
  ignore: null;
  unignore: null;
  getNotifications: { items: NotificationRecord[]; unread: number };
  markNotificationsRead: { unread: number };
  saveSettings: Settings;
  importBackup: ImportBackupResult;
  clearCache: null;
  getMediaStatus: MediaStatus;
  scanOtherUser: ScanSummary;
  getWatching: WatchingList;
  updateEntry: UpdatedEntry;
}

export type ResponseOf<T extends RequestType> = ResponseMap[T];

export type MessageErrorKind =
  /** The message is not a request this protocol defines, or its fields are invalid. */
  | 'invalid-request'
  /** The sender may not send this request. */
  | 'forbidden'
  /** The request was valid but handling it failed. */
  | 'failed';

export interface MessageError {
  kind: MessageErrorKind;
  message: string;
  /** For `invalid-request`: one line per invalid field. */
  issues?: string[];
}

/** The envelope every response travels in, so a failure reaches the sender as data and not as a lost promise. */
export type MessageResult<T> = { ok: true; value: T } | { ok: false; error: MessageError };

export type ParseRequestResult = { ok: true; request: Request } | { ok: false; error: MessageError };

/** Validates an incoming message as a request. */
export function parseRequest(message: unknown): ParseRequestResult {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !(REQUEST_TYPES as readonly string[]).includes(type)) {
    const typeText = typeof type === 'string' ? `"${type.slice(0, 40)}"` : 'missing';
    return {
      ok: false,
      error: { kind: 'invalid-request', message: `The message type is ${typeText}, which is not a request this extension handles.` },
    };
  }

  const parsed = requestSchema.safeParse(message);
  if (parsed.success) return { ok: true, request: parsed.data };
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`);
  return {
    ok: false,
    error: { kind: 'invalid-request', message: `The "${type}" request has invalid fields: ${issues.join('; ')}`, issues },
  };
}
