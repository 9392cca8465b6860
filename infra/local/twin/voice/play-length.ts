// How long a <Play> URL plays, for the files the twin can read: its own recordings (their recorded length) and
// WAV/MP3 files served from this machine (downloaded once and measured, as Twilio caches media). The twin never
// downloads from other hosts, so it stays offline; those files, and any it cannot measure, play for the default.
import type { VoiceEngine } from './engine.js';
import { mediaSeconds } from './media-length.js';
import type { Call } from './types.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const DOWNLOAD_LIMIT_MS = 5_000;
const RECORDING = /\/Recordings\/(RE[0-9a-f]{32})(?:\.wav|\.mp3)?$/;

const measured = new WeakMap<VoiceEngine, Map<string, number | undefined>>();

/** Seconds the media at `url` plays, or undefined when the twin cannot read it. */
export async function playSeconds(engine: VoiceEngine, call: Call, url: string): Promise<number | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const own = new URL(engine.deps.baseUrl());
  const rec = parsed.host === own.host ? RECORDING.exec(parsed.pathname) : null;
  if (rec?.[1]) {
    const recording = engine.recordings.recordings.get(rec[1]);
    if (recording && recording.duration >= 0) return recording.duration;
  }
  if (!LOCAL_HOSTS.has(parsed.hostname) && parsed.host !== own.host) return undefined;
  let cache = measured.get(engine);
  if (!cache) {
    cache = new Map();
    measured.set(engine, cache);
  }
  if (cache.has(url)) return cache.get(url);
  // Counted as the call's work, so the sim API and tests wait for the download as they do for a webhook.
  const seconds = await engine.busy.track(call.sid, download(url));
  cache.set(url, seconds);
  return seconds;
}

async function download(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_LIMIT_MS) });
    if (!res.ok) return undefined;
    return mediaSeconds(new Uint8Array(await res.arrayBuffer()));
  } catch {
    return undefined;
  }
}
