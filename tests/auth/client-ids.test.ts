import { afterEach, describe, expect, it, vi } from 'vitest';
import { anilistClientId, clientIdBrowser, MissingClientIdError } from '../../lib/auth/client-ids';

const BOTH = { WXT_ANILIST_CLIENT_ID_CHROME: '21811', WXT_ANILIST_CLIENT_ID_FIREFOX: '22489' };

function missingIdError(run: () => unknown): MissingClientIdError {
  try {
    run();
  } catch (error) {
    if (error instanceof MissingClientIdError) return error;
    throw error;
  }
  throw new Error('expected a MissingClientIdError, but the call returned');
}

describe('anilistClientId', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const picks = [
    { browser: 'chrome', expected: '21811' },
    { browser: 'edge', expected: '21811' },
    { browser: 'firefox', expected: '22489' },
    { browser: 'Firefox', expected: '22489' },
  ];
  for (const pick of picks) {
    it(`picks the ${pick.browser} id`, () => {
      expect(anilistClientId(pick.browser, BOTH)).toBe(pick.expected);
    });
  }

  it('trims surrounding whitespace', () => {
    expect(anilistClientId('chrome', { WXT_ANILIST_CLIENT_ID_CHROME: ' 21811\n' })).toBe('21811');
  });

  it('reads import.meta.env by default', () => {
    vi.stubEnv('WXT_ANILIST_CLIENT_ID_FIREFOX', '30001');
    expect(anilistClientId('firefox')).toBe('30001');
  });

  it('rejects a missing id with README pointer', () => {
    const error = missingIdError(() => anilistClientId('firefox', { WXT_ANILIST_CLIENT_ID_CHROME: '21811' }));
    expect(error.message).toContain("This build has no AniList client id: see docs/ANILIST-CLIENT.md on registering a client");
    expect(error.message).toContain('WXT_ANILIST_CLIENT_ID_FIREFOX');
  });

  it('rejects an empty id', () => {
    const error = missingIdError(() => anilistClientId('chrome', { WXT_ANILIST_CLIENT_ID_CHROME: '' }));
    expect(error.message).toContain('WXT_ANILIST_CLIENT_ID_CHROME');
  });

  it('rejects an id that is not a number', () => {
    const error = missingIdError(() => anilistClientId('chrome', { WXT_ANILIST_CLIENT_ID_CHROME: 'my-client' }));
    expect(error.message).toContain('"my-client"');
  });

  it('rejects an unsupported browser', () => {
    const error = missingIdError(() => anilistClientId('safari', BOTH));
    expect(error.message).toContain('"safari"');
  });
});

describe('clientIdBrowser', () => {
  const cases = [
    { browser: 'chrome', expected: 'chrome' },
    { browser: 'edge', expected: 'chrome' },
    { browser: 'firefox', expected: 'firefox' },
    { browser: 'safari', expected: null },
    { browser: '', expected: null },
  ] as const;
  for (const testCase of cases) {
    it(`maps "${testCase.browser}"`, () => {
      expect(clientIdBrowser(testCase.browser)).toBe(testCase.expected);
    });
  }
});
