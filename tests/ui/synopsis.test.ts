import './support/dom-environment';
import { describe, expect, it } from 'vitest';
import { synopsisText } from '../../lib/ui/synopsis';
import { templateMedia } from './support/results';

describe('synopsisText', () => {
  const cases: { name: string; html: string | null; expected: string }[] = [
    { name: 'null', html: null, expected: '' },
    { name: 'line breaks', html: 'First line.<br>Second line.<br/>Third.', expected: 'First line.\nSecond line.\nThird.' },
    { name: 'double breaks keep a blank line', html: 'One.<br><br>\n<br>Two.', expected: 'One.\n\nTwo.' },
    { name: 'entities', html: 'Tom &amp; Jerry say &quot;hi&quot; &#039;now&#039; &mdash; ok', expected: 'Tom & Jerry say "hi" \'now\' — ok' },
    { name: 'markup is dropped', html: '<i>(Source: Wikipedia)</i> <b>bold</b> <a href="https://x">link</a>', expected: '(Source: Wikipedia) bold link' },
    { name: 'script is text, never run', html: '<script>alert(1)</script>Plot.', expected: 'alert(1)Plot.' },
    { name: 'image is dropped', html: 'Plot <img src=x onerror="alert(1)">here.', expected: 'Plot here.' },
    { name: 'paragraphs', html: '<p>One</p><p>Two</p>', expected: 'One\n\nTwo' },
  ];

  for (const { name, html, expected } of cases) {
    it(`reduces ${name}`, () => {
      expect(synopsisText(html)).toBe(expected);
    });
  }

  it('recorded synopses have no tags left', () => {
    const described = templateMedia().filter((media) => media.description !== null);
    expect(described.length).toBeGreaterThan(5);
    for (const media of described) {
      const text = synopsisText(media.description);
      expect(text.length).toBeGreaterThan(20);
      expect(text).not.toMatch(/<\/?[a-z]+[^>]*>/i);
      expect(text).not.toMatch(/&(amp|quot|#0?39|lt|gt);/);
    }
  });
});
