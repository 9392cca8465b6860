// The few Twilio REST calls the webhook function makes itself (send the IVR's SMS, create a callback
// task, move a task to wrapping or completed, update a worker, end a conference the agent left), over fetch with Basic auth: the official
// client is over 1 MB bundled (DESIGN.md §6), these are a few lines. Locally the base is the twin.
export interface TwilioRestLite {
  sendSms(input: { readonly from: string; readonly to: string; readonly body: string }): Promise<void>;
  /** POST to TaskRouter `/v1/<path>` with form params; returns the JSON resource. */
  taskrouter(path: string, params: Readonly<Record<string, string>>): Promise<Record<string, unknown>>;
  /** GET a TaskRouter resource. */
  taskrouterGet(path: string): Promise<Record<string, unknown>>;
  /** The account's Voice API, `/2010-04-01/Accounts/<sid>/<path>`: POST with params, else GET. */
  voice(path: string, params?: Readonly<Record<string, string>>): Promise<Record<string, unknown>>;
}

export class TwilioRestError extends Error {
  override readonly name = 'TwilioRestError';
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

export function createTwilioRestLite(options: {
  readonly accountSid: string;
  readonly authToken: string;
  /** The twin's base URL locally (`<base>/api/...`, `<base>/taskrouter/...`); absent for Twilio. */
  readonly apiBaseUrl?: string;
}): TwilioRestLite {
  const base = options.apiBaseUrl?.replace(/\/+$/, '');
  const api = base ? `${base}/api` : 'https://api.twilio.com';
  const tr = base ? `${base}/taskrouter/v1` : 'https://taskrouter.twilio.com/v1';
  const auth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;

  async function call(url: string, params?: Readonly<Record<string, string>>) {
    const res = await fetch(url, {
      method: params ? 'POST' : 'GET',
      headers: {
        authorization: auth,
        ...(params ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(params ? { body: new URLSearchParams(params).toString() } : {}),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!res.ok) {
      throw new TwilioRestError(
        res.status,
        Number(json.code) || undefined,
        String(json.message ?? res.statusText),
      );
    }
    return json;
  }

  return {
    async sendSms({ from, to, body }) {
      await call(`${api}/2010-04-01/Accounts/${options.accountSid}/Messages.json`, {
        From: from,
        To: to,
        Body: body,
      });
    },
    taskrouter: (path, params) => call(`${tr}/${path}`, params),
    taskrouterGet: (path) => call(`${tr}/${path}`),
    voice: (path, params) => call(`${api}/2010-04-01/Accounts/${options.accountSid}/${path}`, params),
  };
}
