import { describe, expect, it } from 'vitest';
import type { Session } from '../../lib/auth/session';
import { loginStateOf } from '../../lib/messages/state';

const NOW = Date.UTC(2024, 6, 8);
const DAY_MS = 24 * 60 * 60 * 1000;

const SESSION: Session = {
  token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI1ODgyMTI4In0.c2ln',
  expiresAt: NOW + 10 * DAY_MS,
  viewer: {
    id: 5882128,
    name: 'Sequelist',
    avatar: null,
    titleLanguage: 'ENGLISH',
    displayAdultContent: true,
    scoreFormat: 'POINT_100',
  },
};

describe('loginStateOf', () => {
  it('returns null while logged out', () => {
    expect(loginStateOf(null, NOW)).toBeNull();
  });

  it('copies viewer and expiry', () => {
    expect(loginStateOf(SESSION, NOW)).toEqual({ viewer: SESSION.viewer, expiresAt: SESSION.expiresAt, expiry: 'expiring-soon' });
  });

  it('leaves the token out', () => {
    expect(JSON.stringify(loginStateOf(SESSION, NOW))).not.toContain(SESSION.token);
  });

  it('reports an expired token', () => {
    expect(loginStateOf(SESSION, SESSION.expiresAt + 1)?.expiry).toBe('expired');
  });
});
