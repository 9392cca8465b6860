// A tiny client for the twin's simulation API in tests: GET without a body, POST JSON with one.
export function simClient(baseUrl: () => string) {
  return async (path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl()}/sim${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: loose JSON in tests
    return { status: res.status, body: (await res.json()) as any };
  };
}

/**
 * GET or POST JSON to any path of the local stack (`/sim/...`, `/api/...`), answering the body as `T`;
 * a failed answer throws with its status and text, so a test stops where the request went wrong.
 */
export function jsonClient(baseUrl: () => string) {
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}
