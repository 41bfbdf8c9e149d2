// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createPageRouter, type PageRouter } from '../../entrypoints/anilist.content/router';
import { fakeBackground, type FakeBackground, hosts, settle, showFixturePage, testContext } from './support';

let router: PageRouter | null = null;

afterEach(() => {
  router?.stop();
  router = null;
  document.body.innerHTML = '';
});

/** Starts a router whose page views share one fake background, and records the URL of each context it makes. */
function startRouter(background: FakeBackground = fakeBackground()) {
  const urls: string[] = [];
  router = createPageRouter((url) => {
    urls.push(url);
    return { ...testContext(background), url };
  });
  return { router, urls, background };
}

describe('createPageRouter', () => {
  it('runs the feature of each page kind', async () => {
    const { router } = startRouter();

    showFixturePage('profile.html');
    router.navigate('https://anilist.co/user/Boilerplate/');
    await router.settled;
    await settle();
    expect(hosts('missing-sequels-panel')).toHaveLength(1);

    showFixturePage('animelist-table.html');
    router.navigate('https://anilist.co/user/Boilerplate/animelist');
    await router.settled;
    await settle();
    expect(hosts('missing-sequels-panel')).toHaveLength(0);
    expect(hosts('sequel-marker')).toHaveLength(10);

    showFixturePage('media-142838.html');
    router.navigate('https://anilist.co/anime/142838/SPY-FAMILY-Part-2/');
    await router.settled;
    await settle();
    expect(hosts('sequel-marker')).toHaveLength(0);
    expect(hosts('next-in-franchise')).toHaveLength(1);
  });

  it('cleans up the page it leaves', async () => {
    const { router } = startRouter();
    showFixturePage('animelist-table.html');
    router.navigate('https://anilist.co/user/Boilerplate/animelist');
    await router.settled;
    await settle();
    expect(hosts('sequel-marker')).toHaveLength(10);

    // The site keeps the old content on screen until the new route renders.
    router.navigate('https://anilist.co/home');
    await router.settled;

    expect(hosts('sequel-marker')).toHaveLength(0);
  });

  it('ignores a change of hash', async () => {
    const { router, urls } = startRouter();
    showFixturePage('profile.html');
    router.navigate('https://anilist.co/user/Boilerplate/');
    await router.settled;
    await settle();

    router.navigate('https://anilist.co/user/Boilerplate/#activity');
    await router.settled;
    await settle();

    expect(urls).toEqual(['https://anilist.co/user/Boilerplate/']);
    expect(hosts('missing-sequels-panel')).toHaveLength(1);
  });

  it('asks nothing on other pages', async () => {
    const { router, urls, background } = startRouter();

    router.navigate('https://anilist.co/home');
    router.navigate('https://anilist.co/search/anime');
    await router.settled;

    expect(urls).toEqual([]);
    expect(background.calls).toEqual([]);
  });

  it('stays stopped', async () => {
    const { router, urls } = startRouter();
    showFixturePage('profile.html');
    router.navigate('https://anilist.co/user/Boilerplate/');
    await router.settled;
    await settle();

    router.stop();
    router.navigate('https://anilist.co/user/Boilerplate/animelist');

    expect(hosts('missing-sequels-panel')).toHaveLength(0);
    expect(urls).toEqual(['https://anilist.co/user/Boilerplate/']);
  });
});
