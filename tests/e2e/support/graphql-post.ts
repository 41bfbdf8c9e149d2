export interface GraphQLPost {
  query: string;
  variables?: Record<string, unknown>;
  /** Extra request headers, e.g. Authorization. */
  headers?: Record<string, string>;
  /** Passed to fetch as `referrer`, which Chromium ignores for a service worker's cross-site request. */
  referrer?: string;
  referrerPolicy?: ReferrerPolicy;
}

export interface GraphQLAnswer {
  status: number;
  body: string;
}

/**
 * POSTs a GraphQL request to https://graphql.anilist.co from the browser. Pass the function
 * itself to `worker.evaluate` or `page.evaluate`, which serialize it: it must use nothing from
 * this module's scope.
 */
export async function postGraphQL(request: GraphQLPost): Promise<GraphQLAnswer> {
  const init: RequestInit = {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...request.headers },
    body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
  };
  if (request.referrer !== undefined) init.referrer = request.referrer;
  if (request.referrerPolicy !== undefined) init.referrerPolicy = request.referrerPolicy;

  const response = await fetch('https://graphql.anilist.co', init);
  return { status: response.status, body: await response.text() };
}

export const USER_QUERY = 'query SequelFinderE2eUser($name: String) { User(name: $name) { id name } }';
export const VIEWER_QUERY = 'query SequelFinderE2eViewer { Viewer { id name } }';
