// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readTheme, type SiteTheme, watchTheme } from '../../lib/pages/theme';
import { settle } from './support';

afterEach(() => {
  document.body.className = '';
});

describe('readTheme', () => {
  const cases: { classes: string; expected: SiteTheme }[] = [
    { classes: '', expected: 'light' },
    { classes: 'site-theme-dark', expected: 'dark' },
    { classes: 'site-theme-contrast', expected: 'contrast' },
    { classes: 'scroll-lock site-theme-dark', expected: 'dark' },
    { classes: 'dark-mode theme-dark', expected: 'light' },
  ];

  for (const { classes, expected } of cases) {
    it(`reads "${classes}" as ${expected}`, () => {
      document.body.className = classes;
      expect(readTheme(document.body)).toBe(expected);
    });
  }
});

describe('watchTheme', () => {
  it('reports each theme switch', async () => {
    const seen: SiteTheme[] = [];
    watchTheme(document.body, (theme) => seen.push(theme), new AbortController().signal);

    document.body.className = 'site-theme-dark';
    await settle(1);
    document.body.className = 'site-theme-contrast';
    await settle(1);
    document.body.className = '';
    await settle(1);

    expect(seen).toEqual(['dark', 'contrast', 'light']);
  });

  it('ignores other class changes', async () => {
    const seen: SiteTheme[] = [];
    document.body.className = 'site-theme-dark';
    watchTheme(document.body, (theme) => seen.push(theme), new AbortController().signal);

    document.body.classList.add('scroll-lock');
    await settle(1);

    expect(seen).toEqual([]);
  });

  it('stops after abort', async () => {
    const seen: SiteTheme[] = [];
    const controller = new AbortController();
    watchTheme(document.body, (theme) => seen.push(theme), controller.signal);

    controller.abort();
    document.body.className = 'site-theme-dark';
    await settle(1);

    expect(seen).toEqual([]);
  });
});
