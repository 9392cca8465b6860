// The official twilio REST client, pointed at Twilio or, in local mode, at the Twilio twin: every
// `https://<sub>.twilio.com/<path>` request goes to `<apiBaseUrl>/<sub>/<path>` instead.
import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient.js';

export type TwilioClient = ReturnType<typeof twilio>;
/** What RequestClient answers: the status, the body (parsed JSON or text) and the headers. */
interface RequestClientResponse<TData> {
  readonly statusCode: number;
  readonly body: TData;
  readonly headers: Record<string, string>;
}

class RebasedRequestClient extends RequestClient {
  constructor(
    private readonly baseUrl: string,
    private readonly send?: typeof fetch,
  ) {
    super({ timeout: 15_000 });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const rebased = { ...opts, uri: rebaseTwilioUrl(opts.uri, this.baseUrl) };
    return this.send ? requestOverFetch(this.send, rebased) : super.request(rebased);
  }
}

/** `https://api.twilio.com/2010-04-01/...` -> `<base>/api/2010-04-01/...`; other URLs unchanged. */
export function rebaseTwilioUrl(uri: string, baseUrl: string): string {
  const match = /^https:\/\/([a-z0-9-]+)(?:\.[a-z0-9-]+)*\.twilio\.com(\/.*)?$/.exec(uri);
  if (!match) return uri;
  const sub = (match[1] ?? '').split('.')[0];
  return `${baseUrl.replace(/\/+$/, '')}/${sub}${match[2] ?? ''}`;
}

export function createTwilioClient(options: {
  readonly accountSid: string;
  readonly authToken: string;
  /** Base URL of the local twin; absent in AWS. */
  readonly apiBaseUrl?: string;
  /** With apiBaseUrl: sends the client's requests (default its own HTTP client); the local stack's reach the twin in process. */
  readonly fetch?: typeof fetch;
}): TwilioClient {
  return twilio(options.accountSid, options.authToken, {
    ...(options.apiBaseUrl
      ? { httpClient: new RebasedRequestClient(options.apiBaseUrl, options.fetch) }
      : {}),
  });
}

/**
 * What RequestClient does over axios, over a fetch: Basic auth (or the auth strategy's header), query
 * and form values with repeated keys, a JSON body when asked, and the answer parsed as JSON when it is JSON.
 */
async function requestOverFetch<TData>(
  send: typeof fetch,
  opts: RequestClient.RequestOptions<TData>,
): Promise<RequestClientResponse<TData>> {
  const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
  if (opts.username && opts.password)
    headers.Authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;
  else if (opts.authStrategy) headers.Authorization = await opts.authStrategy.getAuthString();
  const query = opts.params ? form(opts.params).toString() : '';
  const url = query ? `${opts.uri}${opts.uri.includes('?') ? '&' : '?'}${query}` : opts.uri;
  const type = headers['Content-Type'];
  const body =
    opts.data === undefined
      ? undefined
      : type === 'application/json'
        ? JSON.stringify(opts.data)
        : type === 'application/x-www-form-urlencoded'
          ? form(opts.data).toString()
          : undefined;
  const res = await send(url, {
    method: opts.method.toUpperCase(),
    headers,
    redirect: opts.allowRedirects ? 'follow' : 'manual',
    signal: AbortSignal.timeout(opts.timeout ?? 15_000),
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : text;
  } catch {
    // Not JSON (an error page): the client reads the text.
  }
  return { statusCode: res.status, body: parsed as TData, headers: Object.fromEntries(res.headers) };
}

function form(values: unknown): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const one of value) out.append(key, String(one));
    else out.append(key, String(value));
  }
  return out;
}
