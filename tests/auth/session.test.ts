import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTH_STORE } from '../../lib/auth/db-upgrade';
import {
  clearSession, EXPIRING_SOON_MS, loadSession, saveSession, type Session, tokenExpiryState,
} from '../../lib/auth/session';
import { DB_VERSION, openSequelFinderDb, UPGRADE_STEPS } from '../../lib/cache/db';
import { loadModbMedia } from '../support/recorded';

const NOW = Date.UTC(2024, 6, 8);
const DAY_MS = 24 * 60 * 60 * 1000;

const SESSION: Session = {
  token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI1ODgyMTI4In0.c2ln',
  expiresAt: NOW + 365 * DAY_MS,
  viewer: {
    id: 5882128,
    name: 'Sequelist',
    avatar: 'https://s4.anilist.co/file/anilistcdn/user/avatar/large/default.png',
    titleLanguage: 'ROMAJI',
    displayAdultContent: false,
    scoreFormat: 'POINT_10_DECIMAL',
  },
};

let dbCounter = 0;
function freshDbName(): string {
  dbCounter += 1;
  return `session-test-${dbCounter}`;
}

describe('session store', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('loads null when nothing is stored', async () => {
    expect(await loadSession({ name: freshDbName() })).toBeNull();
  });

  it('round-trips a saved session', async () => {
    const name = freshDbName();
    await saveSession(SESSION, { name });
    expect(await loadSession({ name })).toEqual(SESSION);
  });

  it('replaces the earlier session', async () => {
    const name = freshDbName();
    await saveSession(SESSION, { name });
    const next = { ...SESSION, token: 'second-token', viewer: { ...SESSION.viewer, name: 'Renamed' } };
    await saveSession(next, { name });
    expect(await loadSession({ name })).toEqual(next);
  });

  it('clears the session', async () => {
    const name = freshDbName();
    await saveSession(SESSION, { name });
    await clearSession({ name });
    expect(await loadSession({ name })).toBeNull();
  });

  it('clears when nothing is stored', async () => {
    await expect(clearSession({ name: freshDbName() })).resolves.toBeUndefined();
  });

  it('rejects saving an empty token', async () => {
    const name = freshDbName();
    await expect(saveSession({ ...SESSION, token: '' }, { name })).rejects.toThrow();
    expect(await loadSession({ name })).toBeNull();
  });

  it('deletes an invalid stored session', async () => {
    const name = freshDbName();
    await saveSession(SESSION, { name });
    const raw = await openDB(name);
    await raw.put(AUTH_STORE, { token: SESSION.token, expiresAt: 'never' }, 'session');
    raw.close();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    expect(await loadSession({ name })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(SESSION.token);

    const check = await openDB(name);
    expect(await check.get(AUTH_STORE, 'session')).toBeUndefined();
    check.close();
  });

  it('upgrades a version 1 database keeping relations', async () => {
    const name = freshDbName();
    const record = loadModbMedia(101922);
    const v1 = await openSequelFinderDb({ name, steps: UPGRADE_STEPS.slice(0, 1) });
    await v1.put('relations', record);
    v1.close();

    await saveSession(SESSION, { name });

    const upgraded = await openDB(name);
    expect(upgraded.version).toBe(DB_VERSION);
    expect([...upgraded.objectStoreNames]).toEqual(expect.arrayContaining(['auth', 'meta', 'relations']));
    expect(await upgraded.get('relations', 101922)).toEqual(record);
    upgraded.close();
    expect(await loadSession({ name })).toEqual(SESSION);
  });
});

describe('tokenExpiryState', () => {
  const cases = [
    { name: 'a year left', expiresAt: NOW + 365 * DAY_MS, expected: 'valid' },
    { name: 'one ms more than 14 days', expiresAt: NOW + EXPIRING_SOON_MS + 1, expected: 'valid' },
    { name: 'exactly 14 days left', expiresAt: NOW + EXPIRING_SOON_MS, expected: 'expiring-soon' },
    { name: 'one hour left', expiresAt: NOW + 60 * 60 * 1000, expected: 'expiring-soon' },
    { name: 'expiring this instant', expiresAt: NOW, expected: 'expired' },
    { name: 'expired yesterday', expiresAt: NOW - DAY_MS, expected: 'expired' },
  ] as const;

  for (const testCase of cases) {
    it(`classifies ${testCase.name}`, () => {
      expect(tokenExpiryState({ expiresAt: testCase.expiresAt }, NOW)).toBe(testCase.expected);
    });
  }
});
