// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { isOwnHost } from '../../entrypoints/anilist.content/host-names';
import { observeElements } from '../../lib/pages/observe';
import { settle } from './support';

afterEach(() => {
  document.body.innerHTML = '';
});

function element(html: string): Element {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild!;
}

describe('observeElements', () => {
  it('reports present elements at once', () => {
    document.body.innerHTML = '<ul><li class="entry">a</li><li class="entry">b</li><li>c</li></ul>';
    const seen: string[] = [];

    observeElements('.entry', (found) => seen.push(found.textContent!), { signal: new AbortController().signal });

    expect(seen).toEqual(['a', 'b']);
  });

  it('reports added elements and descendants', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const seen: string[] = [];
    observeElements('.entry', (found) => seen.push(found.textContent!), { signal: new AbortController().signal });

    document.getElementById('root')!.append(element('<li class="entry">a</li>'));
    document.getElementById('root')!.append(element('<ul><li class="entry">b</li><li class="entry">c</li></ul>'));
    await settle(1);

    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('reports an element once', async () => {
    document.body.innerHTML = '<div id="root"><li class="entry">a</li></div>';
    const seen: string[] = [];
    observeElements('.entry', (found) => seen.push(found.textContent!), { signal: new AbortController().signal });

    const entry = document.querySelector('.entry')!;
    document.getElementById('root')!.append(entry);
    entry.classList.add('other');
    await settle(1);

    expect(seen).toEqual(['a']);
  });

  it('reports an element that starts to match', async () => {
    document.body.innerHTML = '<div id="page"><div class="overview"><div class="section">a</div></div></div>';
    const seen: string[] = [];
    observeElements('.user .overview > .section', (found) => seen.push(found.textContent!), {
      signal: new AbortController().signal,
    });
    expect(seen).toEqual([]);

    document.getElementById('page')!.className = 'user';
    await settle(1);

    expect(seen).toEqual(['a']);
  });

  it('reports again when a watched attribute changes', async () => {
    document.body.innerHTML = '<a class="title" href="/anime/1/">a</a>';
    const seen: string[] = [];
    observeElements('a.title', (found) => seen.push(found.getAttribute('href')!), {
      signal: new AbortController().signal,
      reportAgainOn: ['href'],
    });

    document.querySelector('a')!.setAttribute('href', '/anime/2/');
    document.querySelector('a')!.setAttribute('title', 'ignored');
    await settle(1);

    expect(seen).toEqual(['/anime/1/', '/anime/2/']);
  });

  it('skips batches of ignored nodes', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const seen: string[] = [];
    observeElements('.entry', (found) => seen.push(found.textContent!), {
      signal: new AbortController().signal,
      ignoreNode: isOwnHost,
    });

    document.getElementById('root')!.append(element('<sequel-finder-marker><li class="entry">own</li></sequel-finder-marker>'));
    await settle(1);
    expect(seen).toEqual([]);

    document.getElementById('root')!.append(element('<li class="entry">page</li>'));
    await settle(1);
    expect(seen).toEqual(['own', 'page']);
  });

  it('stops after abort', async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const controller = new AbortController();
    const seen: string[] = [];
    observeElements('.entry', (found) => seen.push(found.textContent!), { signal: controller.signal });

    controller.abort();
    document.getElementById('root')!.append(element('<li class="entry">a</li>'));
    await settle(1);

    expect(seen).toEqual([]);
  });

  it('does nothing with an aborted signal', () => {
    document.body.innerHTML = '<li class="entry">a</li>';
    const seen: string[] = [];
    observeElements('.entry', (found) => seen.push(found.textContent!), { signal: AbortSignal.abort() });
    expect(seen).toEqual([]);
  });

  it('searches only inside root', async () => {
    document.body.innerHTML = '<div id="inside"></div><div id="outside"></div>';
    const seen: string[] = [];
    observeElements('.entry', (found) => seen.push(found.textContent!), {
      signal: new AbortController().signal,
      root: document.getElementById('inside')!,
    });

    document.getElementById('outside')!.append(element('<li class="entry">out</li>'));
    document.getElementById('inside')!.append(element('<li class="entry">in</li>'));
    await settle(1);

    expect(seen).toEqual(['in']);
  });
});

describe('isOwnHost', () => {
  const cases: [string, boolean][] = [
    ['sequel-finder-marker', true],
    ['sequel-finder-panel', true],
    ['div', false],
    ['other-extension-panel', false],
  ];
  for (const [tag, own] of cases) {
    it(`tells ${tag}`, () => {
      expect(isOwnHost(document.createElement(tag))).toBe(own);
    });
  }

  it('tells a text node', () => {
    expect(isOwnHost(document.createTextNode('sequel-finder-marker'))).toBe(false);
  });
});
