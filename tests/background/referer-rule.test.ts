import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import {
  REFERER_RULE_ID,
  buildRefererRule,
  extensionHostOf,
  installRefererRule,
} from '../../entrypoints/background/referer-rule';

const CHROMIUM_ID = 'abcdefghijklmnopabcdefghijklmnop';
const FIREFOX_UUID = '2d4b1a8e-5c3f-4e1b-9a7d-0f6e8c2b1a3d';

type UpdateRuleOptions = Browser.declarativeNetRequest.UpdateRuleOptions;

/** Records every updateSessionRules call and keeps the resulting rule set, as the browser does. */
function recordingDnr() {
  const calls: UpdateRuleOptions[] = [];
  const rules = new Map<number, Browser.declarativeNetRequest.Rule>();
  return {
    calls,
    rules,
    async updateSessionRules(options: UpdateRuleOptions): Promise<void> {
      calls.push(options);
      for (const id of options.removeRuleIds ?? []) rules.delete(id);
      for (const rule of options.addRules ?? []) {
        if (rules.has(rule.id)) throw new Error(`Rule with id ${rule.id} already exists.`);
        rules.set(rule.id, rule);
      }
    },
  };
}

describe('buildRefererRule', () => {
  const cases = [
    { name: 'Chromium extension id', host: CHROMIUM_ID },
    { name: 'Firefox internal UUID', host: FIREFOX_UUID },
  ];

  for (const { name, host } of cases) {
    it(`rule for ${name}`, () => {
      const rule = buildRefererRule(host);

      expect(rule.id).toBe(REFERER_RULE_ID);
      expect(rule.action.type).toBe('modifyHeaders');
      expect(rule.action.requestHeaders).toEqual([
        { header: 'Referer', operation: 'set', value: 'https://anilist.co/' },
      ]);
      expect(rule.action.responseHeaders).toBeUndefined();
      expect(rule.condition.urlFilter).toBe('||graphql.anilist.co/');
      expect(rule.condition.initiatorDomains).toEqual([host]);
      expect(rule.condition.resourceTypes).toEqual(['xmlhttprequest', 'other']);
      expect(rule.condition.excludedInitiatorDomains).toBeUndefined();
    });
  }

  it('empty extension host rejected', () => {
    expect(() => buildRefererRule('')).toThrow(/extension host is empty/);
  });
});

describe('extensionHostOf', () => {
  const cases = [
    { name: 'chrome-extension URL', base: `chrome-extension://${CHROMIUM_ID}/`, expected: CHROMIUM_ID },
    { name: 'moz-extension URL', base: `moz-extension://${FIREFOX_UUID}/`, expected: FIREFOX_UUID },
  ];

  for (const { name, base, expected } of cases) {
    it(`host of ${name}`, () => {
      const runtime = { getURL: (path: string) => new URL(path, base).href };

      expect(extensionHostOf(runtime)).toBe(expected);
    });
  }
});

describe('installRefererRule', () => {
  it('first install adds one rule', async () => {
    const dnr = recordingDnr();

    await installRefererRule(dnr, CHROMIUM_ID);

    expect(dnr.calls).toHaveLength(1);
    expect(dnr.calls[0]?.removeRuleIds).toEqual([REFERER_RULE_ID]);
    expect(dnr.calls[0]?.addRules).toEqual([buildRefererRule(CHROMIUM_ID)]);
    expect([...dnr.rules.values()]).toEqual([buildRefererRule(CHROMIUM_ID)]);
  });

  it('repeated install keeps one rule', async () => {
    const dnr = recordingDnr();

    await installRefererRule(dnr, CHROMIUM_ID);
    await installRefererRule(dnr, CHROMIUM_ID);
    await installRefererRule(dnr, CHROMIUM_ID);

    expect(dnr.calls).toHaveLength(3);
    expect(dnr.rules.size).toBe(1);
    expect(dnr.rules.get(REFERER_RULE_ID)).toEqual(buildRefererRule(CHROMIUM_ID));
  });

  it('install replaces a stale rule', async () => {
    const dnr = recordingDnr();
    const stale = { ...buildRefererRule('oldextensionidoldextensionidold'), priority: 5 };
    dnr.rules.set(REFERER_RULE_ID, stale);

    await installRefererRule(dnr, CHROMIUM_ID);

    expect(dnr.rules.size).toBe(1);
    expect(dnr.rules.get(REFERER_RULE_ID)).toEqual(buildRefererRule(CHROMIUM_ID));
  });

  it('browser error propagates', async () => {
    const dnr = {
      async updateSessionRules(): Promise<void> {
        throw new Error('Rule with id 1 does not have a valid condition.');
      },
    };

    await expect(installRefererRule(dnr, CHROMIUM_ID)).rejects.toThrow(/valid condition/);
  });
});
