// Twilio Conversational Intelligence (intelligence.twilio.com/v2) as the transcription port: a Transcript
// created over our copy's presigned URL with channel 1 the customer and channel 2 the agent (how <Dial>
// records an agent call), then its Sentences read once its status is completed. Locally the base URL is
// the twin's, which serves the same paths from a call's scripted speech.

import { speakerOf, type TranscriptSentence } from '../../domain/quality/transcript.js';
import type { TranscriptionPort } from '../../domain/quality/transcription-port.js';
import { ProviderError } from '../../domain/telephony-port.js';

export interface IntelligenceOptions {
  readonly accountSid: string;
  readonly authToken: string;
  /** The Intelligence Service (GA…) whose language and settings the transcripts use. */
  readonly serviceSid: string;
  /** The twin's base URL locally (`<base>/intelligence/v2/...`); absent for Twilio. */
  readonly apiBaseUrl?: string;
  readonly fetch?: typeof fetch;
}

type Json = Record<string, unknown>;

export function createTwilioTranscription(options: IntelligenceOptions): TranscriptionPort {
  const base = options.apiBaseUrl
    ? `${options.apiBaseUrl.replace(/\/+$/, '')}/intelligence/v2`
    : 'https://intelligence.twilio.com/v2';
  const auth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;

  async function send(method: 'GET' | 'POST', path: string, form?: URLSearchParams): Promise<Json> {
    const doFetch = options.fetch ?? fetch;
    const res = await doFetch(`${base}${path}`, {
      method,
      headers: {
        authorization: auth,
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form.toString() } : {}),
      signal: AbortSignal.timeout(20_000),
    });
    const body = (await res.json().catch(() => ({}))) as Json;
    if (!res.ok)
      throw new ProviderError(
        res.status,
        undefined,
        `Intelligence ${method} ${path}: ${String(body.message ?? res.status)}`,
      );
    return body;
  }

  return {
    async start(request) {
      const channel = {
        media_properties: { media_url: request.mediaUrl },
        participants: [
          { channel_participant: 1, role: 'Customer' },
          { channel_participant: 2, role: 'Agent' },
        ],
      };
      const form = new URLSearchParams({
        ServiceSid: options.serviceSid,
        Channel: JSON.stringify(channel),
        CustomerKey: request.callSid ?? request.recordingSid,
      });
      const created = await send('POST', '/Transcripts', form);
      if (typeof created.sid !== 'string')
        throw new ProviderError(502, undefined, 'Intelligence: a transcript without a sid');
      return created.sid;
    },
    async sentences(jobId) {
      const transcript = await send('GET', `/Transcripts/${encodeURIComponent(jobId)}`);
      if (transcript.status === 'failed' || transcript.status === 'canceled')
        throw new ProviderError(
          422,
          undefined,
          `Intelligence transcript ${jobId} ${String(transcript.status)}`,
        );
      if (transcript.status !== 'completed') return undefined;
      const sentences: TranscriptSentence[] = [];
      let path: string | undefined = `/Transcripts/${encodeURIComponent(jobId)}/Sentences?PageSize=1000`;
      while (path) {
        const page: Json = await send('GET', path);
        for (const s of (page.sentences as Json[] | undefined) ?? []) {
          const channel = Number(s.media_channel) === 1 ? 1 : 2;
          sentences.push({
            channel,
            speaker: speakerOf(channel),
            startSeconds: Number(s.start_time ?? 0),
            endSeconds: Number(s.end_time ?? s.start_time ?? 0),
            text: String(s.transcript ?? ''),
          });
        }
        const next = (page.meta as Json | undefined)?.next_page_url;
        path = typeof next === 'string' && next ? next.slice(next.indexOf('/Transcripts')) : undefined;
      }
      return sentences.sort((a, b) => a.startSeconds - b.startSeconds);
    },
  };
}
