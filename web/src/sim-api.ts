// The twin's simulation API (local only; infra/local/twin/voice/README.md): the caller phone's handset.

export interface HeardItem {
  readonly verb: 'say' | 'play' | 'beep' | 'dtmf';
  readonly text?: string;
  readonly language?: string;
}

export interface SimCall {
  readonly status: string;
  /** On a reply to keys or speech: false when nothing listened, so they were lost (as on a call). */
  readonly accepted?: boolean;
  readonly heard: readonly HeardItem[];
  readonly waitingFor: string;
  readonly bridgedTo?: string;
}

export interface SimMessage {
  readonly messageSid: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly status?: string;
}

/** GET /sim/clock: the shared clock, how it moves, and the center's time zone. */
export interface SimClockView {
  readonly now: string;
  readonly mode: 'system' | 'running' | 'manual';
  readonly timeZone: string;
}

/**
 * A refusal of the sim API: its HTTP status (0 when the stack could not be reached) and the field it names,
 * which the page turns into its own words; the message is the sim's English sentence, for the console.
 */
export class SimError extends Error {
  override readonly name = 'SimError';
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

async function sim<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/sim${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new SimError(0, (error as Error).message);
  }
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const message = String(data.message ?? data.error ?? response.statusText);
    throw new SimError(response.status, message, typeof data.field === 'string' ? data.field : undefined);
  }
  return data as T;
}

export const simApi = {
  placeCall: (from: string, to: string) => sim<{ callSid: string }>('POST', '/calls', { from, to }),
  getCall: (sid: string) => sim<SimCall>('GET', `/calls/${sid}`),
  sendDigits: (sid: string, digits: string) => sim<SimCall>('POST', `/calls/${sid}/input`, { digits }),
  say: (sid: string, speech: string) => sim<SimCall>('POST', `/calls/${sid}/input`, { speech }),
  hangup: (sid: string) => sim<unknown>('POST', `/calls/${sid}/hangup`),
  sendMessage: (from: string, to: string, body: string) =>
    sim<{ messageSid: string }>('POST', '/messages', { from, to, body }),
  clock: () => sim<SimClockView>('GET', '/clock'),
  advanceClock: (ms: number) => sim<SimClockView>('POST', '/clock/advance', { ms }),
  setClock: (now: string) => sim<SimClockView>('PUT', '/clock', { now }),
  messagesTo: (to: string) =>
    sim<{ messages: SimMessage[] }>('GET', `/messages?to=${encodeURIComponent(to)}`),
};
