// The twin's simulation API (local only; infra/local/twin/voice/README.md): the caller phone's handset.

export interface HeardItem {
  readonly verb: 'say' | 'play' | 'beep' | 'dtmf';
  readonly text?: string;
  readonly language?: string;
}

export interface SimCall {
  readonly status: string;
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

async function sim<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/sim${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new Error(String(data.message ?? data.error ?? response.statusText));
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
