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
