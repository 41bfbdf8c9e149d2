import { describe, expect, it } from 'vitest';
import {
  MAX_MEDIA_IDS_PER_REQUEST, type MessageError, parseRequest, REQUEST_TYPES,
} from '../../lib/messages/protocol';
import { defaultSettings } from '../../lib/settings/schema';
import { REQUEST_SAMPLES } from './samples';

function errorOf(message: unknown): MessageError {
  const result = parseRequest(message);
  if (result.ok) throw new Error(`expected ${JSON.stringify(message)} to be rejected`);
  return result.error;
}

describe('parseRequest', () => {
  it('knows every request type', () => {
    expect([...REQUEST_TYPES].sort()).toEqual(Object.keys(REQUEST_SAMPLES).sort());
  });

  for (const [type, sample] of Object.entries(REQUEST_SAMPLES)) {
    it(`accepts ${type}`, () => {
      expect(parseRequest(structuredClone(sample))).toEqual({ ok: true, request: sample });
    });
  }

  const optionalFields = [
    { name: 'startScan without a user', message: { type: 'startScan' } },
    { name: 'ignore without a title', message: { type: 'ignore', mediaId: 1 } },
    { name: 'ignore with a null title', message: { type: 'ignore', mediaId: 1, title: null } },
    { name: 'markNotificationsRead of all', message: { type: 'markNotificationsRead' } },
    { name: 'getWatching without a type', message: { type: 'getWatching' } },
    { name: 'updateEntry of progress only', message: { type: 'updateEntry', mediaId: 1, progress: 0 } },
    { name: 'updateEntry of score only', message: { type: 'updateEntry', mediaId: 1, score: 0 } },
    { name: 'addToPlanning of the maximum', message: { type: 'addToPlanning', mediaIds: Array.from({ length: MAX_MEDIA_IDS_PER_REQUEST }, (_, i) => i + 1) } },
  ];
  for (const testCase of optionalFields) {
    it(`accepts ${testCase.name}`, () => {
      expect(parseRequest(testCase.message).ok).toBe(true);
    });
  }

  it('trims user names', () => {
    const result = parseRequest({ type: 'scanOtherUser', userName: '  Josh ' });
    expect(result).toEqual({ ok: true, request: { type: 'scanOtherUser', userName: 'Josh' } });
  });
});

describe('parseRequest rejections', () => {
  const unknownTypes = [
    { name: 'null', message: null },
    { name: 'a string', message: 'getState' },
    { name: 'no type', message: { mediaId: 1 } },
    { name: 'a numeric type', message: { type: 3 } },
    { name: 'an unknown type', message: { type: 'deleteAccount' } },
    { name: 'a prototype key as type', message: { type: 'toString' } },
  ];
  for (const testCase of unknownTypes) {
    it(`rejects ${testCase.name}`, () => {
      const error = errorOf(testCase.message);
      expect(error.kind).toBe('invalid-request');
      expect(error.issues).toBeUndefined();
    });
  }

  const invalidFields = [
    { name: 'an extra field', message: { type: 'getState', token: 'x' }, path: '(message)' },
    { name: 'an empty id list', message: { type: 'addToPlanning', mediaIds: [] }, path: 'mediaIds' },
    { name: 'repeated ids', message: { type: 'addToPlanning', mediaIds: [5, 5] }, path: 'mediaIds' },
    { name: 'too many ids', message: { type: 'addToPlanning', mediaIds: Array.from({ length: MAX_MEDIA_IDS_PER_REQUEST + 1 }, (_, i) => i + 1) }, path: 'mediaIds' },
    { name: 'a fractional id', message: { type: 'addToPlanning', mediaIds: [1.5] }, path: 'mediaIds.0' },
    { name: 'a text media id', message: { type: 'getMediaStatus', mediaId: '101922' }, path: 'mediaId' },
    { name: 'a zero media id', message: { type: 'ignore', mediaId: 0 }, path: 'mediaId' },
    { name: 'a blank user name', message: { type: 'scanOtherUser', userName: '   ' }, path: 'userName' },
    { name: 'a missing user name', message: { type: 'scanOtherUser' }, path: 'userName' },
    { name: 'numeric notification ids', message: { type: 'markNotificationsRead', ids: [1] }, path: 'ids.0' },
    { name: 'invalid settings', message: { type: 'saveSettings', settings: { ...defaultSettings(), scanIntervalMinutes: 1 } }, path: 'settings.scanIntervalMinutes' },
    { name: 'an updateEntry changing nothing', message: { type: 'updateEntry', mediaId: 1 }, path: '(message)' },
    { name: 'a negative progress', message: { type: 'updateEntry', mediaId: 1, progress: -1 }, path: 'progress' },
    { name: 'a fractional progress', message: { type: 'updateEntry', mediaId: 1, progress: 2.5 }, path: 'progress' },
    { name: 'a score over 100', message: { type: 'updateEntry', mediaId: 1, score: 101 }, path: 'score' },
    { name: 'an unknown list status', message: { type: 'updateEntry', mediaId: 1, status: 'WATCHING' }, path: 'status' },
    { name: 'an unknown media type', message: { type: 'getWatching', mediaType: 'NOVEL' }, path: 'mediaType' },
    { name: 'an import without overwrite', message: { type: 'importBackup', text: '{}' }, path: 'overwrite' },
  ];
  for (const testCase of invalidFields) {
    it(`rejects ${testCase.name}`, () => {
      const error = errorOf(testCase.message);
      expect(error.kind).toBe('invalid-request');
      expect(error.issues?.some((issue) => issue.startsWith(`${testCase.path}:`))).toBe(true);
      expect(error.message).toContain(`"${(testCase.message as { type: string }).type}"`);
    });
  }
});
