import { describe, expect, it } from 'vitest';
import { AniListError, type AniListErrorKind } from '../../lib/anilist/errors';
import { describeError } from '../../lib/anilist/messages';
import { BackgroundError, describeBackgroundError } from '../../lib/background/errors';
import { decideOnFailure, errorFromStored, storedErrorOf } from '../../lib/background/failure';

const NOW = Date.UTC(2025, 0, 19, 12);
const MINUTE = 60_000;

function anilistError(kind: AniListErrorKind, details: { retryAfterSeconds?: number; operationName?: string } = {}): AniListError {
  return new AniListError(kind, `test ${kind}`, { status: 400, serverMessage: `server says ${kind}`, ...details });
}

describe('decideOnFailure', () => {
  const cases = [
    { name: 'rate limit without Retry-After', error: anilistError('rate-limited'), expected: { action: 'pause', retryAt: NOW + MINUTE } },
    { name: 'rate limit asking 5 minutes', error: anilistError('rate-limited', { retryAfterSeconds: 300 }), expected: { action: 'pause', retryAt: NOW + 5 * MINUTE } },
    { name: 'rate limit asking 10 seconds', error: anilistError('rate-limited', { retryAfterSeconds: 10 }), expected: { action: 'pause', retryAt: NOW + 10_000 } },
    { name: 'rate limit asking 5 seconds', error: anilistError('rate-limited', { retryAfterSeconds: 5 }), expected: { action: 'pause', retryAt: NOW + 5_000 } },
    { name: 'rate limit asking an hour', error: anilistError('rate-limited', { retryAfterSeconds: 3600 }), expected: { action: 'pause', retryAt: NOW + 60 * MINUTE } },
    { name: 'server error', error: anilistError('server'), expected: { action: 'pause', retryAt: NOW + 10 * MINUTE } },
    { name: 'network error', error: anilistError('network'), expected: { action: 'pause', retryAt: NOW + 10 * MINUTE } },
    { name: 'API disabled (403)', error: anilistError('api-disabled'), expected: { action: 'pause', retryAt: NOW + 30 * MINUTE } },
    { name: 'invalid token', error: anilistError('invalid-token'), expected: { action: 'logout' } },
    { name: 'user not found', error: anilistError('not-found'), expected: { action: 'fail' } },
    { name: 'private user', error: anilistError('private-user'), expected: { action: 'fail' } },
    { name: 'validation', error: anilistError('validation'), expected: { action: 'fail' } },
    { name: 'complexity', error: anilistError('complexity'), expected: { action: 'fail' } },
    { name: 'unauthorized', error: anilistError('unauthorized'), expected: { action: 'fail' } },
    { name: 'storage error', error: new DOMException('The quota has been exceeded.', 'QuotaExceededError'), expected: { action: 'fail' } },
    { name: 'thrown string', error: 'boom', expected: { action: 'fail' } },
  ];

  for (const { name, error, expected } of cases) {
    it(`decision on ${name}`, () => {
      expect(decideOnFailure(error, NOW)).toEqual(expected);
    });
  }
});

describe('stored errors', () => {
  const kinds: AniListErrorKind[] = [
    'rate-limited', 'invalid-token', 'unauthorized', 'not-found', 'private-user', 'api-disabled', 'server', 'network',
    'validation', 'complexity',
  ];

  for (const kind of kinds) {
    it(`${kind} words the same after storing`, () => {
      const original = anilistError(kind, { retryAfterSeconds: 42, operationName: 'UserList' });

      const rebuilt = errorFromStored(structuredClone(storedErrorOf(original)));

      expect(rebuilt).toBeInstanceOf(AniListError);
      expect(describeError(rebuilt, 'en')).toBe(describeError(original, 'en'));
      expect(describeError(rebuilt, 'pt-BR')).toBe(describeError(original, 'pt-BR'));
    });
  }

  it('background error words the same after storing', () => {
    const original = new BackgroundError('otherUserWhileLoggedIn', { viewer: 'Boilerplate', name: 'Warps' });

    const rebuilt = errorFromStored(structuredClone(storedErrorOf(original)));

    expect(rebuilt).toBeInstanceOf(BackgroundError);
    expect(describeBackgroundError(rebuilt, 'pt-BR')).toBe(describeBackgroundError(original, 'pt-BR'));
    expect(storedErrorOf(original).kind).toBe('otherUserWhileLoggedIn');
  });

  it('plain error keeps its message', () => {
    const stored = storedErrorOf(new Error('IndexedDB is closed'));

    expect(stored).toEqual({
      kind: 'unexpected', message: 'IndexedDB is closed', status: null, retryAfterSeconds: null, operationName: null, serverMessage: null,
    });
    expect(errorFromStored(stored)).not.toBeInstanceOf(AniListError);
    expect(errorFromStored(stored).message).toBe('IndexedDB is closed');
  });
});
