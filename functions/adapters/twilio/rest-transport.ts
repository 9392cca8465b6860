// Twilio's REST API over fetch with Basic auth: form posts, JSON answers, list pages followed to the
// end. The official client is over 1 MB bundled; the runtime ports need only these few lines. Locally
// the base URL is the twin's, which serves the same paths and JSON shapes.
import { ProviderError } from '../../domain/telephony-port.js';

export type Json = Record<string, unknown>;
export type Params = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface TwilioCredentials {
  readonly accountSid: string;
  readonly authToken: string;
  /** The twin's base URL locally (`<base>/api/...`, `<base>/taskrouter/...`); absent for Twilio. */
  readonly apiBaseUrl?: string;
}

export interface RestTransportOptions extends TwilioCredentials {
  /** Sends every request; default the global fetch. The local stack passes one that reaches the twin in process. */
  readonly fetch?: typeof fetch;
}

export interface RestTransport {
  readonly accountSid: string;
  /** The Voice/Messaging API: `path` is below `/2010-04-01/Accounts/<sid>/`. */
  voice(path: string, params?: Params): Promise<Json>;
  voiceDelete(path: string): Promise<void>;
  voiceList(path: string, key: string, query?: Params): Promise<Json[]>;
  /** TaskRouter v1: `path` is below `/v1/`. */
  taskrouter(path: string, params?: Params): Promise<Json>;
  taskrouterList(path: string, key: string, query?: Params): Promise<Json[]>;
}

function form(params: Params): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    if (typeof v === 'string') out.append(k, v);
    else for (const one of v) out.append(k, one);
  }
  return out;
}

export function createRestTransport(options: RestTransportOptions): RestTransport {
  const base = options.apiBaseUrl?.replace(/\/+$/, '');
  const api = `${base ? `${base}/api` : 'https://api.twilio.com'}/2010-04-01/Accounts/${options.accountSid}`;
  const tr = base ? `${base}/taskrouter/v1` : 'https://taskrouter.twilio.com/v1';
  const auth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;

  async function send(method: 'GET' | 'POST' | 'DELETE', url: string, params?: Params): Promise<Json> {
    const body = method === 'POST' && params ? form(params).toString() : undefined;
    // Read at call time, not captured: a wrapper installed on the global fetch later still sees requests.
    const res = await (options.fetch ?? fetch)(url, {
      method,
      headers: {
        authorization: auth,
        ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    let json: Json = {};
    try {
      json = text ? (JSON.parse(text) as Json) : {};
    } catch {
      json = { message: text.slice(0, 200) };
    }
    if (!res.ok)
      throw new ProviderError(
        res.status,
        Number(json.code) || undefined,
        String(json.message ?? res.statusText),
      );
    return json;
  }

  const withQuery = (url: string, query?: Params) => {
    const q = query ? form(query).toString() : '';
    return q ? `${url}${url.includes('?') ? '&' : '?'}${q}` : url;
  };

  return {
    accountSid: options.accountSid,
    voice: (path, params) => send(params ? 'POST' : 'GET', `${api}/${path}`, params),
    async voiceDelete(path) {
      await send('DELETE', `${api}/${path}`);
    },
    async voiceList(path, key, query) {
      const out: Json[] = [];
      let url: string | undefined = withQuery(`${api}/${path}`, { PageSize: '1000', ...query });
      while (url) {
        const page: Json = await send('GET', url);
        out.push(...((page[key] as Json[] | undefined) ?? []));
        const next = page.next_page_uri;
        // Twilio sends the next page as a path from /2010-04-01 on; rebase it on our base.
        url = typeof next === 'string' && next ? `${api.replace(/\/2010-04-01\/.*$/, '')}${next}` : undefined;
      }
      return out;
    },
    taskrouter: (path, params) => send(params ? 'POST' : 'GET', `${tr}/${path}`, params),
    async taskrouterList(path, key, query) {
      const out: Json[] = [];
      let url: string | undefined = withQuery(`${tr}/${path}`, { PageSize: '1000', ...query });
      while (url) {
        const page: Json = await send('GET', url);
        out.push(...((page[key] as Json[] | undefined) ?? []));
        const next = (page.meta as Json | undefined)?.next_page_url;
        // Twilio's next page is an absolute URL on taskrouter.twilio.com; keep our base (the twin locally).
        url = typeof next === 'string' && next ? `${tr}${next.replace(/^.*?\/v1(?=\/)/, '')}` : undefined;
      }
      return out;
    },
  };
}
