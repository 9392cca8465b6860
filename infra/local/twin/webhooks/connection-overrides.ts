// Twilio's connection overrides (docs/twilio-behaviour.md §1.4): `#rt=5000&tt=8000&rc=1` after a webhook URL tunes timeouts and
// retries. The fragment is never sent; tt and rt shorten the time limit (clamped to Twilio's bounds); retries are not simulated.
export interface ConnectionOverrides {
  readonly url: string;
  readonly totalMs?: number;
  readonly readMs?: number;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

export function parseConnectionOverrides(rawUrl: string): ConnectionOverrides {
  const hash = rawUrl.indexOf('#');
  if (hash < 0) return { url: rawUrl };
  const url = rawUrl.slice(0, hash);
  const pairs = new URLSearchParams(rawUrl.slice(hash + 1));
  const num = (key: string) => {
    const v = pairs.get(key);
    return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const tt = num('tt');
  const rt = num('rt');
  return {
    url,
    ...(tt !== undefined ? { totalMs: clamp(tt, 100, 15_000) } : {}),
    ...(rt !== undefined ? { readMs: clamp(rt, 100, 15_000) } : {}),
  };
}
