/**
 * Removes the fake's rate-limit headers, so benchmark wall times measure the work and not pacing.
 * The fake sends `X-RateLimit-Limit: 90` and counts `X-RateLimit-Remaining` down over 60 s, as
 * AniList does, and the client slows to that rate however high its own `requestsPerMinute` is set.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const RATE_LIMIT_HEADER = /^x-ratelimit-|^retry-after$/i;

/** Headers that fetch has already applied to the body it returns, so they no longer describe it. */
const DECODED_BODY_HEADER = /^(content-length|content-encoding|transfer-encoding|connection|keep-alive)$/i;

function withoutRateLimitHeaders(response: Response, body: ArrayBuffer): Response {
  const headers = new Headers();
  response.headers.forEach((value, name) => {
    if (!RATE_LIMIT_HEADER.test(name)) headers.set(name, value);
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** Fetches like `fetch`, then drops the rate-limit headers from the response, for the in-process client. */
export const unpacedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  return withoutRateLimitHeaders(response, await response.arrayBuffer());
};

export interface UnpacedProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts an HTTP proxy on 127.0.0.1 that forwards each request to `targetUrl` and sends the response
 * back without rate-limit headers. It serves the command line tool, which has no fetch option.
 */
export async function startUnpacedProxy(targetUrl: string): Promise<UnpacedProxy> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && name !== 'host' && !DECODED_BODY_HEADER.test(name)) headers.set(name, value);
      }
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.concat(chunks);

      unpacedFetch(targetUrl, { method: request.method, headers, body })
        .then(async (forwarded) => {
          const forwardedHeaders: Record<string, string> = {};
          forwarded.headers.forEach((value, name) => {
            if (!DECODED_BODY_HEADER.test(name)) forwardedHeaders[name] = value;
          });
          response.writeHead(forwarded.status, forwardedHeaders);
          response.end(Buffer.from(await forwarded.arrayBuffer()));
        })
        .catch((error: unknown) => {
          process.stderr.write(`unpaced proxy: forwarding ${request.method} to ${targetUrl} failed: ${String(error)}\n`);
          response.destroy();
        });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
