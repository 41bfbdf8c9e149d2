import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCertificate } from './tls';
import { AUTHORIZE_PATH, buildAuthorizeResponse, defaultOAuthSettings, type OAuthSettings } from './fake-oauth';

/**
 * A local HTTPS server that replaces AniList's two hosts in Chromium. The browser reaches
 * it through `--host-resolver-rules`, and the server routes on the Host header:
 * - `graphql.anilist.co`: forwards every request to the fake AniList GraphQL server.
 * - `anilist.co`: serves the OAuth authorize endpoint and the fixture pages.
 */

export const GRAPHQL_HOST = 'graphql.anilist.co';
export const SITE_HOST = 'anilist.co';

export type FixturePage = string | { status?: number; contentType?: string; body: string };

export interface FrontRequest {
  host: string;
  method: string;
  /** Path and query string. */
  path: string;
  /** Request headers as Chromium sent them, with lower-case names. */
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface AniListFront {
  port: number;
  /** Every request received, in arrival order. */
  requests: FrontRequest[];
  /** Pages for `https://anilist.co/...`, keyed by path with query string, or by path alone. */
  pages: Map<string, FixturePage>;
  /** Mutable settings of the authorize endpoint. */
  oauth: OAuthSettings;
  close(): Promise<void>;
}

export interface AniListFrontOptions {
  /** The fake AniList's URL, e.g. `http://127.0.0.1:PORT/`. */
  graphqlUrl: string;
  certificate: TestCertificate;
  pages?: Iterable<[string, FixturePage]>;
}

// Hop-by-hop headers describe one connection and must not be forwarded by a proxy (RFC 9110, 7.6.1).
const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade',
]);

export async function startAniListFront(options: AniListFrontOptions): Promise<AniListFront> {
  const requests: FrontRequest[] = [];
  const pages = new Map(options.pages ?? []);
  const oauth = defaultOAuthSettings();
  const upstream = new URL(options.graphqlUrl);

  const server = https.createServer({ key: options.certificate.key, cert: options.certificate.cert });
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const host = (request.headers.host ?? '').replace(/:\d+$/, '');
      const path = request.url ?? '/';
      requests.push({ host, method: request.method ?? 'GET', path, headers: request.headers, body: body.toString('utf8') });

      if (host === GRAPHQL_HOST) {
        forward(request, body, upstream, response);
      } else if (host === SITE_HOST) {
        serveSite(path, pages, oauth, response);
      } else {
        response.writeHead(421, { 'content-type': 'text/plain' }).end(`This test server does not serve host "${host}".`);
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  return {
    port: (server.address() as AddressInfo).port,
    requests,
    pages,
    oauth,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Sends the request to the fake GraphQL server unchanged, Host and Referer included, and pipes its response back. */
function forward(request: http.IncomingMessage, body: Buffer, upstream: URL, response: http.ServerResponse): void {
  const headers = withoutHopByHop(request.headers);
  headers['content-length'] = String(body.length);

  const proxied = http.request(
    { hostname: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers },
    (upstreamResponse) => {
      response.writeHead(upstreamResponse.statusCode ?? 502, withoutHopByHop(upstreamResponse.headers));
      upstreamResponse.pipe(response);
    },
  );
  // The fake destroys the socket to simulate a network failure: pass that on to the browser.
  proxied.on('error', () => response.destroy());
  proxied.end(body);
}

function serveSite(path: string, pages: Map<string, FixturePage>, oauth: OAuthSettings, response: http.ServerResponse): void {
  const url = new URL(path, `https://${SITE_HOST}`);

  if (url.pathname === AUTHORIZE_PATH) {
    const authorizeResponse = buildAuthorizeResponse(url.searchParams, oauth);
    response.writeHead(authorizeResponse.status, authorizeResponse.headers).end(authorizeResponse.body);
    return;
  }

  const page = pages.get(url.pathname + url.search) ?? pages.get(url.pathname);
  if (page === undefined) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end(`No fixture page for ${url.pathname}${url.search}.`);
    return;
  }

  const { status = 200, contentType = 'text/html; charset=utf-8', body } = typeof page === 'string' ? { body: page } : page;
  response.writeHead(status, { 'content-type': contentType }).end(body);
}

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const forwarded: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) forwarded[name] = value;
  }
  return forwarded;
}
