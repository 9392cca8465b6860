// A fetch that answers some URL prefixes from handlers in this process and sends every other request over
// the network. The local stack's parts (twin, app) then talk without sockets, yet each handler receives the
// very Request it would have read off the wire: URL, headers and body bytes as the caller built them.

export interface InProcessRoute {
  /** Requests whose URL starts with this (e.g. `http://127.0.0.1:3000/`) go to `handle`. */
  readonly prefix: string;
  readonly handle: (request: Request) => Response | Promise<Response>;
}

/**
 * Unrouted requests use the global fetch as it is at call time, so a test's own server and any wrapper
 * installed later still see them. A routed response is returned as the handler gave it: redirects are not
 * followed (the twin asks for `redirect: 'manual'`, and the REST API never redirects). Once `open()` says
 * false (the stack is stopping) routed requests fail as fetch does against a closed port, rather than
 * reaching storage that is being closed.
 */
export function inProcessFetch(
  routes: readonly InProcessRoute[],
  open: () => boolean = () => true,
): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const route = routes.find((r) => url.startsWith(r.prefix));
    if (!route) return globalThis.fetch(input, init);
    if (!open()) return Promise.reject(connectionRefused());
    const request = new Request(input, init);
    return abortable(request.signal, () => route.handle(request));
  };
}

/** What undici's fetch throws for a port nobody listens on. */
export function connectionRefused(): TypeError {
  const cause = Object.assign(new Error('connect ECONNREFUSED (stopped)'), { code: 'ECONNREFUSED' });
  return new TypeError('fetch failed', { cause });
}

/**
 * Rejects with the signal's reason when it fires first, as fetch does (the twin's 15 s webhook limit).
 * The handler runs on a later turn of the event loop, never inside the caller's, as behind a socket: the
 * twin and the app were written against that, and run inline a browser's click-to-dial call never
 * reached wrap-up after the customer hung up.
 */
function abortable(signal: AbortSignal, run: () => Response | Promise<Response>): Promise<Response> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<Response>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    new Promise<void>((r) => setImmediate(r))
      .then(run)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
