// Counts the app's requests to Twilio's REST API on the local stack, by method and path shape (SIDs as
// {sid}): the app reaches the twin's REST API through the global fetch, and nothing else calls that base
// URL while counting is on.
export interface TwilioRestCounter {
  counting: boolean;
  readonly byRequest: Record<string, number>;
  total(): number;
  reset(): void;
  uninstall(): void;
}

export function countTwilioRest(base: () => string): TwilioRestCounter {
  const original = globalThis.fetch;
  let byRequest: Record<string, number> = {};
  const counter: TwilioRestCounter = {
    counting: false,
    get byRequest() {
      return byRequest;
    },
    total: () => Object.values(byRequest).reduce((a, b) => a + b, 0),
    reset() {
      byRequest = {};
    },
    uninstall() {
      globalThis.fetch = original;
    },
  };
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (counter.counting && url.startsWith(base())) {
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      const shape = new URL(url).pathname
        .slice(new URL(base()).pathname.length)
        .replace(/\/[A-Z]{2}[0-9a-f]{32}/g, '/{sid}');
      const key = `${method} ${shape}`;
      byRequest[key] = (byRequest[key] ?? 0) + 1;
    }
    return original(input, init);
  }) as typeof fetch;
  return counter;
}
