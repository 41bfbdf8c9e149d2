import { z } from 'zod';
import { SCORE_FORMATS, TITLE_LANGUAGES, type Viewer } from '../anilist/types';
import { openSequelFinderDb } from '../cache/db';
import { AUTH_STORE, type AuthDb } from './db-upgrade';

/**
 * The stored login: the AniList token, when it expires and whose it is. It is kept in the `auth`
 * store of the extension's IndexedDB database, never in `browser.storage.local`, because content
 * scripts can read storage.local.
 */
export interface Session {
  token: string;
  /** When the token stops working, in ms since the epoch. */
  expiresAt: number;
  viewer: Viewer;
}

const SESSION_KEY = 'session';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long before its expiry a token counts as expiring soon, so the popup can prompt for a new login. */
export const EXPIRING_SOON_MS = 14 * DAY_MS;

const storedViewerSchema: z.ZodType<Viewer> = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  avatar: z.string().nullable(),
  titleLanguage: z.enum(TITLE_LANGUAGES),
  displayAdultContent: z.boolean(),
  scoreFormat: z.enum(SCORE_FORMATS),
});

export const sessionSchema: z.ZodType<Session> = z.object({
  token: z.string().min(1),
  expiresAt: z.number().int().positive(),
  viewer: storedViewerSchema,
});

export interface SessionDbOptions {
  /** Database name; tests use their own. */
  name?: string;
  /** The IndexedDB factory; defaults to the global `indexedDB`. */
  indexedDB?: IDBFactory;
}

async function withAuthDb<T>(options: SessionDbOptions, action: (db: AuthDb) => Promise<T>): Promise<T> {
  const db = (await openSequelFinderDb({
    name: options.name,
    indexedDB: options.indexedDB,
  })) as unknown as AuthDb;
  try {
    return await action(db);
  } finally {
    db.close();
  }
}

/** Stores the session, replacing any earlier one. */
export async function saveSession(session: Session, options: SessionDbOptions = {}): Promise<void> {
  const valid = sessionSchema.parse(session);
  await withAuthDb(options, async (db) => {
    await db.put(AUTH_STORE, valid, SESSION_KEY);
  });
}

/**
 * Reads the stored session, or null when there is none. A stored value that does not parse (written
 * by another build, or damaged) is deleted and read as null, so the user is asked to log in again.
 */
export async function loadSession(options: SessionDbOptions = {}): Promise<Session | null> {
  return withAuthDb(options, async (db) => {
    const stored = await db.get(AUTH_STORE, SESSION_KEY);
    if (stored === undefined) return null;

    const parsed = sessionSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    // Only paths and messages are logged, never the stored value, which may hold the token.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    console.warn('The stored AniList login is invalid and was deleted; log in again.', problems);
    await db.delete(AUTH_STORE, SESSION_KEY);
    return null;
  });
}

/** Deletes the stored session (logout). Deleting when none is stored is not an error. */
export async function clearSession(options: SessionDbOptions = {}): Promise<void> {
  await withAuthDb(options, async (db) => {
    await db.delete(AUTH_STORE, SESSION_KEY);
  });
}

export type TokenExpiryState = 'valid' | 'expiring-soon' | 'expired';

/** Classifies the session's token at `now` (ms since the epoch). */
export function tokenExpiryState(session: Pick<Session, 'expiresAt'>, now: number): TokenExpiryState {
  const remaining = session.expiresAt - now;
  if (remaining <= 0) return 'expired';
  if (remaining <= EXPIRING_SOON_MS) return 'expiring-soon';
  return 'valid';
}
