import { describe, expect, it } from 'vitest';
import {
  authorizeRequest, classifySender, isRequestAllowed, type SenderInfo, type SenderKind,
} from '../../lib/messages/permissions';
import type { Request, RequestType } from '../../lib/messages/protocol';
import { REQUEST_SAMPLES } from './samples';

const CHROME_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const FIREFOX_ORIGIN = 'moz-extension://6f0f4c2e-1b9a-4d3e-9c51-2a7d3f1e8b40/';
const TAB = { id: 7, index: 0 };

describe('classifySender', () => {
  const cases: { name: string; sender: SenderInfo; origin?: string; expected: SenderKind }[] = [
    { name: 'the Chrome popup', sender: { url: `${CHROME_ORIGIN}popup.html` }, expected: 'extension-page' },
    { name: 'the options page in a tab', sender: { url: `${CHROME_ORIGIN}options.html#ignored`, tab: TAB }, expected: 'extension-page' },
    { name: 'the Firefox popup', sender: { url: `${FIREFOX_ORIGIN}popup.html` }, origin: FIREFOX_ORIGIN, expected: 'extension-page' },
    { name: 'an origin given without a slash', sender: { url: `${CHROME_ORIGIN}popup.html` }, origin: CHROME_ORIGIN.slice(0, -1), expected: 'extension-page' },
    { name: 'a content script on a media page', sender: { url: 'https://anilist.co/anime/101922/Kimetsu-no-Yaiba/', tab: TAB }, expected: 'content-script' },
    { name: 'a content script on a profile', sender: { url: 'https://anilist.co/user/Josh/animelist', tab: TAB }, expected: 'content-script' },
    { name: 'anilist.co without a tab', sender: { url: 'https://anilist.co/anime/1' }, expected: 'other' },
    { name: 'plain http anilist.co', sender: { url: 'http://anilist.co/anime/1', tab: TAB }, expected: 'other' },
    { name: 'a look-alike host', sender: { url: 'https://anilist.co.example.net/anime/1', tab: TAB }, expected: 'other' },
    { name: 'a subdomain', sender: { url: 'https://www.anilist.co/anime/1', tab: TAB }, expected: 'other' },
    { name: 'another port', sender: { url: 'https://anilist.co:8443/anime/1', tab: TAB }, expected: 'other' },
    { name: 'another site', sender: { url: 'https://myanimelist.net/anime/38000', tab: TAB }, expected: 'other' },
    { name: "another extension's page", sender: { url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/popup.html' }, expected: 'other' },
    { name: 'a sender without URL', sender: { tab: TAB }, expected: 'other' },
    { name: 'an unparsable URL', sender: { url: 'not a url', tab: TAB }, expected: 'other' },
  ];

  for (const testCase of cases) {
    it(`classifies ${testCase.name}`, () => {
      expect(classifySender(testCase.sender, testCase.origin ?? CHROME_ORIGIN)).toBe(testCase.expected);
    });
  }
});

describe('isRequestAllowed', () => {
  const contentScriptAllowed = new Set<RequestType>(['getState', 'getMediaStatus', 'scanOtherUser']);
  const table = Object.values(REQUEST_SAMPLES) as Request[];

  for (const request of table) {
    it(`allows ${request.type} from extension pages`, () => {
      expect(isRequestAllowed('extension-page', request)).toBe(true);
    });

    it(`${contentScriptAllowed.has(request.type) ? 'allows' : 'refuses'} ${request.type} from content scripts`, () => {
      expect(isRequestAllowed('content-script', request)).toBe(contentScriptAllowed.has(request.type));
    });

    it(`refuses ${request.type} from other senders`, () => {
      expect(isRequestAllowed('other', request)).toBe(false);
    });
  }

  it('allows one planning add from content scripts', () => {
    expect(isRequestAllowed('content-script', { type: 'addToPlanning', mediaIds: [129874] })).toBe(true);
  });

  it('refuses two planning adds from content scripts', () => {
    expect(isRequestAllowed('content-script', { type: 'addToPlanning', mediaIds: [112151, 129874] })).toBe(false);
  });

  it('refuses one planning add from other senders', () => {
    expect(isRequestAllowed('other', { type: 'addToPlanning', mediaIds: [129874] })).toBe(false);
  });
});

describe('authorizeRequest', () => {
  it('allows the popup to log in', () => {
    expect(authorizeRequest({ url: `${CHROME_ORIGIN}popup.html` }, REQUEST_SAMPLES.login, CHROME_ORIGIN)).toEqual({
      allowed: true,
      kind: 'extension-page',
    });
  });

  it('refuses a content script logout', () => {
    const result = authorizeRequest({ url: 'https://anilist.co/home', tab: TAB }, REQUEST_SAMPLES.logout, CHROME_ORIGIN);
    expect(result).toEqual({
      allowed: false,
      kind: 'content-script',
      message: 'The "logout" request is not allowed from a content script on anilist.co.',
    });
  });

  it('refuses a foreign page', () => {
    const result = authorizeRequest({ url: 'https://example.com/', tab: TAB }, REQUEST_SAMPLES.getState, CHROME_ORIGIN);
    expect(result).toMatchObject({ allowed: false, kind: 'other' });
  });
});
