/**
 * Runs the fake AniList until killed. Prints its URL on stdout and one line per request on stderr.
 *
 *   npx tsx tests/support/fake-anilist/serve.ts --port 4000 [--host 127.0.0.1] [--fail KIND[:N]] [--no-referer-check]
 */
import { parseArgs } from 'node:util';
import { parseFailure } from './failures';
import { startFakeAniList } from './server';

const USAGE = `Usage: serve.ts [--port N] [--host ADDRESS] [--fail KIND[:N]] [--no-referer-check]
  --port N             port to listen on; 0 (the default) picks a free one
  --host ADDRESS       address to listen on (default 127.0.0.1)
  --fail KIND[:N]      answer every request with this failure. N sets retryAfter seconds for
                       rate-limit, milliseconds for slow (required) and maxIds for complexity (required).
                       Kinds: rate-limit, invalid-token, unauthorized, api-disabled, private-user,
                       not-found, server-error, bad-gateway-html, complexity, slow, network
  --no-referer-check   accept requests without "Referer: https://anilist.co/"`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      fail: { type: 'string' },
      'no-referer-check': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Invalid --port "${values.port}": expected 0 to 65535.`);
  const failure = values.fail === undefined ? null : parseFailure(values.fail);

  const fake = await startFakeAniList({
    port,
    host: values.host,
    requireReferer: !values['no-referer-check'],
    onResponse: (request) => {
      const status = request.status === 0 ? 'socket destroyed' : String(request.status);
      console.error(`fake-anilist: ${request.operationName ?? '(unnamed)'} -> ${status}, ${request.bytes} bytes`);
    },
  });
  fake.failAlways(failure);
  console.log(fake.url);
  if (failure) console.error(`fake-anilist: every request fails with ${JSON.stringify(failure)}`);

  const stop = (signal: string): void => {
    console.error(`fake-anilist: ${signal} received, stopping`);
    fake.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('fake-anilist: close failed:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`fake-anilist: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
});
