import { type FakeAniList, type FakeAniListOptions, startFakeAniList } from '../../support/fake-anilist';
import { type AniListFront, type FixturePage, GRAPHQL_HOST, SITE_HOST, startAniListFront } from './anilist-front';
import { type ExtensionSession, type LaunchOptions, launchExtension } from './browser';
import { createTestCertificate, type TestCertificate } from './tls';

export interface E2eEnvironment {
  fake: FakeAniList;
  front: AniListFront;
  session: ExtensionSession;
  /** Stops Chromium, the HTTPS front and the fake, and removes the certificate. */
  close(): Promise<void>;
}

export interface E2eOptions {
  fake?: FakeAniListOptions;
  pages?: Iterable<[string, FixturePage]>;
  extensionDir?: LaunchOptions['extensionDir'];
}

/**
 * Starts the fake AniList, the HTTPS front for its two hosts and Chromium with the built
 * extension. Whatever started before a failure is closed again before the error is rethrown.
 */
export async function startE2eEnvironment(options: E2eOptions = {}): Promise<E2eEnvironment> {
  const started: { close(): Promise<void> }[] = [];
  const closeAll = async () => {
    const errors: unknown[] = [];
    for (const handle of started.reverse()) {
      await handle.close().catch((error: unknown) => errors.push(error));
    }
    if (errors.length > 0) throw new AggregateError(errors, 'Closing the e2e environment failed.');
  };

  try {
    const certificate: TestCertificate = await createTestCertificate([GRAPHQL_HOST, SITE_HOST]);
    started.push({ close: certificate.remove });

    const fake = await startFakeAniList(options.fake);
    started.push(fake);

    const front = await startAniListFront({ graphqlUrl: fake.url, certificate, pages: options.pages });
    started.push(front);

    const session = await launchExtension({ extensionDir: options.extensionDir, anilistPort: front.port });
    started.push(session);

    return { fake, front, session, close: closeAll };
  } catch (error) {
    await closeAll().catch(() => {
      // The start error below is the one worth reporting.
    });
    throw error;
  }
}
