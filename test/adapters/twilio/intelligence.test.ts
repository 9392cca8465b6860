// The Conversational Intelligence adapter with the transcript use cases: a stored agent call starts a
// transcript over our copy's URL (customer on channel 1, agent on 2), the transcript stays pending while
// Twilio works, and once completed its sentences (every page) are stored with the phrase checks' flags.
// The fetch answers with the JSON shapes Twilio documents for /v2/Transcripts and its Sentences.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioTranscription } from '../../../functions/adapters/twilio/intelligence.js';
import { startTranscript, transcriptOf } from '../../../functions/app/quality/transcripts.js';
import type { User } from '../../../functions/domain/model.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';
import { recordingSid, saveCallRecording } from '../../support/quality.js';

const GT = `GT${'a'.repeat(32)}`;
const BASE = 'https://intelligence.twilio.com/v2';
const lead = { id: '2001', roles: ['supervisor'] } as unknown as User;

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

describe('Twilio Intelligence transcription', () => {
  it('starts a transcript, reads it pending, then stores its sentences with flags', async () => {
    const requests: { method: string; url: string; body?: string; auth?: string | null }[] = [];
    let status = 'in-progress';
    const fake: typeof fetch = async (input, init) => {
      const url = String(input);
      requests.push({
        method: init?.method ?? 'GET',
        url,
        ...(typeof init?.body === 'string' ? { body: init.body } : {}),
        auth: new Headers(init?.headers).get('authorization'),
      });
      const json = (body: unknown, code = 200) => new Response(JSON.stringify(body), { status: code });
      if (url === `${BASE}/Transcripts` && init?.method === 'POST')
        return json({ sid: GT, status: 'queued' }, 201);
      if (url === `${BASE}/Transcripts/${GT}`) return json({ sid: GT, status });
      if (url === `${BASE}/Transcripts/${GT}/Sentences?PageSize=1000`)
        return json({
          sentences: [
            {
              media_channel: 2,
              sentence_index: 1,
              start_time: '6.2',
              end_time: '8.0',
              transcript: 'Anything else? Thank you for calling.',
            },
            {
              media_channel: 1,
              sentence_index: 0,
              start_time: '3.5',
              end_time: '6.0',
              transcript: 'My line is down.',
            },
          ],
          meta: { next_page_url: `${BASE}/Transcripts/${GT}/Sentences?PageSize=1000&PageToken=p2` },
        });
      if (url === `${BASE}/Transcripts/${GT}/Sentences?PageSize=1000&PageToken=p2`)
        return json({
          sentences: [
            {
              media_channel: 2,
              sentence_index: 2,
              start_time: '0.4',
              end_time: '2.0',
              transcript: 'Hello, this is Emily.',
            },
          ],
          meta: { next_page_url: null },
        });
      return json({ message: 'not found' }, 404);
    };
    const transcription = createTwilioTranscription({
      accountSid: `AC${'0'.repeat(32)}`,
      authToken: 'token',
      serviceSid: `GA${'1'.repeat(32)}`,
      fetch: fake,
    });
    const media = { presignGet: async (key: string) => `https://bucket.example/${key}?sig=1` };
    const sid = recordingSid(41);
    await saveCallRecording(ts.store, sid, '1002', '2026-03-01T08:30:00.000Z', {
      callSid: `CA${'4'.repeat(32)}`,
    });
    const rec = await ts.store.recordings.get(sid);
    if (!rec) throw new Error('seed');
    const deps = { store: ts.store, clock: ts.clock, transcription, media };

    // The pass that stored the recording orders without looking; a retried job starts nothing new.
    await startTranscript(deps, rec, { created: true });
    await startTranscript(deps, rec);
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    const form = new URLSearchParams(posts[0]?.body);
    expect(form.get('ServiceSid')).toBe(`GA${'1'.repeat(32)}`);
    expect(form.get('CustomerKey')).toBe(`CA${'4'.repeat(32)}`);
    expect(JSON.parse(form.get('Channel') ?? '{}')).toEqual({
      media_properties: { media_url: `https://bucket.example/${rec.s3Key}?sig=1` },
      participants: [
        { channel_participant: 1, role: 'Customer' },
        { channel_participant: 2, role: 'Agent' },
      ],
    });
    expect(posts[0]?.auth).toBe(`Basic ${Buffer.from(`AC${'0'.repeat(32)}:token`).toString('base64')}`);

    expect(await transcriptOf(deps, lead, sid)).toMatchObject({
      state: 'pending',
      providerId: GT,
      sentences: [],
    });
    status = 'completed';
    const ready = await transcriptOf(deps, lead, sid);
    expect(ready.state).toBe('ready');
    expect(ready.sentences.map((s) => [s.speaker, s.startSeconds, s.text])).toEqual([
      ['agent', 0.4, 'Hello, this is Emily.'],
      ['customer', 3.5, 'My line is down.'],
      ['agent', 6.2, 'Anything else? Thank you for calling.'],
    ]);
    expect(ready.flags).toEqual([]);
    expect((await ts.store.quality.getTranscript(sid))?.state).toBe('ready');
  });

  it('reports a failed transcript as a provider error', async () => {
    const transcription = createTwilioTranscription({
      accountSid: `AC${'0'.repeat(32)}`,
      authToken: 'token',
      serviceSid: `GA${'1'.repeat(32)}`,
      fetch: async () => new Response(JSON.stringify({ sid: GT, status: 'failed' })),
    });
    await expect(transcription.sentences(GT)).rejects.toThrow(/failed/);
  });
});
