// The official twilio REST client, pointed at Twilio or, in local mode, at the Twilio twin: every
// `https://<sub>.twilio.com/<path>` request goes to `<apiBaseUrl>/<sub>/<path>` instead.
import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient.js';

export type TwilioClient = ReturnType<typeof twilio>;

class RebasedRequestClient extends RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 15_000 });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request({ ...opts, uri: rebaseTwilioUrl(opts.uri, this.baseUrl) });
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
}): TwilioClient {
  return twilio(options.accountSid, options.authToken, {
    ...(options.apiBaseUrl ? { httpClient: new RebasedRequestClient(options.apiBaseUrl) } : {}),
  });
}
