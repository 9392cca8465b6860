// Twilio recording media (docs/twilio-behaviour.md §5.3): download the WAV (both channels of a dual recording) with the
// account's credentials and a time limit, check it arrived whole, and delete the recording afterwards.
// URLs are built from the RecordingSid, never taken from the callback, and rebased onto the twin locally.
import type { TwilioMediaError as MediaErrorType, TwilioRecordingMedia } from '../../domain/channel-ports.js';
import { TwilioMediaError } from '../../domain/channel-ports.js';
import { rebaseTwilioUrl } from './client.js';

export interface RecordingMediaOptions {
  readonly accountSid: string;
  readonly authToken: string;
  /** The twin's base URL locally; absent in AWS. */
  readonly apiBaseUrl?: string;
  /** Per request. @default 20 000 */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

const SID = /^RE[0-9a-f]{32}$/;

/** A RIFF/WAVE file whose declared size matches its length; anything else was cut short or is not WAV. */
export function wavIsWhole(body: Uint8Array): boolean {
  if (body.byteLength < 44) return false;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const tag = (at: number) => String.fromCharCode(...body.subarray(at, at + 4));
  return tag(0) === 'RIFF' && tag(8) === 'WAVE' && view.getUint32(4, true) + 8 === body.byteLength;
}

export function createTwilioRecordingMedia(options: RecordingMediaOptions): TwilioRecordingMedia {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const auth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  const url = (sid: string, suffix: string) => {
    if (!SID.test(sid)) throw new TwilioMediaError(400, `not a RecordingSid: ${sid}`);
    const base = `https://api.twilio.com/2010-04-01/Accounts/${options.accountSid}/Recordings/${sid}${suffix}`;
    return options.apiBaseUrl ? rebaseTwilioUrl(base, options.apiBaseUrl) : base;
  };

  async function request(target: string, method: 'GET' | 'DELETE'): Promise<Response> {
    try {
      return await doFetch(target, {
        method,
        headers: { authorization: auth },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const name = (err as Error).name;
      const status: MediaErrorType['status'] =
        name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network';
      throw new TwilioMediaError(status, `${method} ${target}: ${(err as Error).message}`);
    }
  }

  return {
    async download(sid, channels) {
      const res = await request(url(sid, `.wav${channels === 2 ? '?RequestedChannels=2' : ''}`), 'GET');
      if (!res.ok) throw new TwilioMediaError(res.status, `media of ${sid}: HTTP ${res.status}`);
      let body: Uint8Array;
      try {
        body = new Uint8Array(await res.arrayBuffer());
      } catch (err) {
        throw new TwilioMediaError('network', `media of ${sid} broke off: ${(err as Error).message}`);
      }
      const declared = Number(res.headers.get('content-length'));
      if ((declared && declared !== body.byteLength) || !wavIsWhole(body)) {
        throw new TwilioMediaError('corrupt', `media of ${sid} is incomplete (${body.byteLength} bytes)`);
      }
      return { body, contentType: 'audio/wav' };
    },

    async remove(sid) {
      const res = await request(url(sid, '.json'), 'DELETE');
      if (res.status === 404) return 'gone';
      if (!res.ok) throw new TwilioMediaError(res.status, `delete ${sid}: HTTP ${res.status}`);
      return 'deleted';
    },
  };
}
