import { describe, expect, it } from 'vitest';
import { anilistImageUrl } from '../../lib/pages/images';

describe('anilistImageUrl', () => {
  const cases: { url: string | null | undefined; expected: string | null }[] = [
    {
      url: 'https://s4.anilist.co/file/anilistcdn/media/anime/cover/medium/bx142838-ECZSqfknAqAT.jpg',
      expected: 'https://s4.anilist.co/file/anilistcdn/media/anime/cover/medium/bx142838-ECZSqfknAqAT.jpg',
    },
    { url: 'https://s1.anilist.co/file/a.png', expected: 'https://s1.anilist.co/file/a.png' },
    { url: 'http://s4.anilist.co/file/a.jpg', expected: null },
    { url: 'https://anilist.co/img/a.jpg', expected: null },
    { url: 'https://s4.anilist.co.example.com/a.jpg', expected: null },
    { url: 'https://evil.example/s4.anilist.co/a.jpg', expected: null },
    { url: 'https://user@s4.anilist.co/a.jpg', expected: null },
    { url: 'https://s4.anilist.co:8443/a.jpg', expected: null },
    { url: 'javascript:alert(1)', expected: null },
    { url: 'data:image/png;base64,AAAA', expected: null },
    { url: '//s4.anilist.co/a.jpg', expected: null },
    { url: '', expected: null },
    { url: null, expected: null },
    { url: undefined, expected: null },
  ];

  for (const { url, expected } of cases) {
    it(`checks ${JSON.stringify(url)}`, () => {
      expect(anilistImageUrl(url)).toBe(expected);
    });
  }
});
