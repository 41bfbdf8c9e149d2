import { describe, expect, it } from 'vitest';
import { RequestError } from '../../lib/messages/send';
import { OtherUserScanModel, PlanningModel } from '../../lib/pages/models';
import { fakeBackground, recordedScan } from './support';

describe('OtherUserScanModel', () => {
  it('starts idle without a cached scan', () => {
    const model = new OtherUserScanModel(fakeBackground(), 'Warps', new Map());
    expect(model.phase.value).toBe('idle');
    expect(model.summary.value).toBeNull();
  });

  it('starts done with a cached scan', () => {
    const cached = recordedScan('Warps');
    const model = new OtherUserScanModel(fakeBackground(), 'Warps', new Map([['warps', cached]]));
    expect(model.phase.value).toBe('done');
    expect(model.summary.value).toBe(cached);
  });

  it('scans, caches and reports', async () => {
    const summary = recordedScan('Warps');
    const cache = new Map();
    const background = fakeBackground({ scanOtherUser: async () => summary });
    const model = new OtherUserScanModel(background, 'Warps', cache);

    const scanning = model.scan();
    expect(model.phase.value).toBe('scanning');
    await scanning;

    expect(model.phase.value).toBe('done');
    expect(model.summary.value).toBe(summary);
    expect(cache.get('warps')).toBe(summary);
  });

  it('sends one request while scanning', async () => {
    const background = fakeBackground({ scanOtherUser: async () => recordedScan('Warps') });
    const model = new OtherUserScanModel(background, 'Warps', new Map());

    await Promise.all([model.scan(), model.scan()]);

    expect(background.calls.filter((call) => call.type === 'scanOtherUser')).toHaveLength(1);
  });

  it('keeps the failure', async () => {
    const failure = new RequestError({ kind: 'failed', message: 'AniList has no user with that name, so check the spelling of the user name.' });
    const model = new OtherUserScanModel(fakeBackground({ scanOtherUser: () => Promise.reject(failure) }), 'Nobody', new Map());

    await model.scan();

    expect(model.phase.value).toBe('failed');
    expect(model.error.value).toBe(failure);
  });
});

describe('PlanningModel', () => {
  it('adds once', async () => {
    const background = fakeBackground();
    const model = new PlanningModel(background, 158927);

    await model.add();
    await model.add();

    expect(model.phase.value).toBe('added');
    expect(background.calls.filter((call) => call.type === 'addToPlanning')).toEqual([{ type: 'addToPlanning', argument: 158927 }]);
  });

  const failures = [
    { name: 'listed failure', result: { added: [], failed: [{ mediaId: 158927, message: 'Log in first.' }] }, message: 'Log in first.' },
    { name: 'silent omission', result: { added: [], failed: [] }, message: 'The background did not add media 158927 to Planning.' },
  ];
  for (const { name, result, message } of failures) {
    it(`fails on a ${name}`, async () => {
      const model = new PlanningModel(fakeBackground({ addToPlanning: async () => result }), 158927);

      await model.add();

      expect(model.phase.value).toBe('failed');
      expect((model.error.value as Error).message).toBe(message);
    });
  }

  it('may retry after a failure', async () => {
    let attempts = 0;
    const background = fakeBackground({
      addToPlanning: async (mediaId) => (++attempts === 1 ? Promise.reject(new Error('Extension context invalidated.')) : { added: [mediaId], failed: [] }),
    });
    const model = new PlanningModel(background, 158927);

    await model.add();
    expect(model.phase.value).toBe('failed');
    await model.add();

    expect(model.phase.value).toBe('added');
    expect(model.error.value).toBeNull();
  });
});
