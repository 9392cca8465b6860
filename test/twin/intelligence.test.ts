// The twin's Conversational Intelligence through the app's own adapter: a simulated call's scripted speech
// (both channels, with times) comes back as the transcript of the transcript created for that call, in
// Twilio's shapes; a call with no script gives an empty transcript; bad scripts are refused naming the field.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createTwilioTranscription } from '../../functions/adapters/twilio/intelligence.js';
import { createIntelligenceTwin } from '../../infra/local/twin/intelligence.js';

const CA = `CA${'7'.repeat(32)}`;

function setup() {
  const twin = createIntelligenceTwin();
  const app = new Hono();
  app.route('/twin/intelligence', twin.api);
  app.route('/sim', twin.sim);
  const port = createTwilioTranscription({
    accountSid: `AC${'0'.repeat(32)}`,
    authToken: 'token',
    serviceSid: `GA${'0'.repeat(32)}`,
    apiBaseUrl: 'http://twin.test/twin',
    fetch: async (input, init) => app.request(String(input), init),
  });
  return { app, port };
}

describe('the twin transcribes scripted speech', () => {
  it('gives back both channels with their times, in order', async () => {
    const { app, port } = setup();
    const scripted = await app.request(`/sim/calls/${CA}/script`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        lines: [
          { channel: 1, at: 3.5, text: '我家宽带断了。' },
          { channel: 2, at: 0.5, seconds: 2.5, text: '您好，很高兴为您服务。' },
        ],
      }),
    });
    expect(scripted.status).toBe(200);
    const id = await port.start({
      recordingSid: `RE${'7'.repeat(32)}`,
      callSid: CA,
      mediaUrl: 'http://s3/x.wav',
    });
    expect(id).toMatch(/^GT[0-9a-f]{32}$/);
    expect(await port.sentences(id)).toEqual([
      { channel: 2, speaker: 'agent', startSeconds: 0.5, endSeconds: 3, text: '您好，很高兴为您服务。' },
      { channel: 1, speaker: 'customer', startSeconds: 3.5, endSeconds: 5.5, text: '我家宽带断了。' },
    ]);
    const other = await port.start({
      recordingSid: `RE${'8'.repeat(32)}`,
      callSid: `CA${'8'.repeat(32)}`,
      mediaUrl: 'x',
    });
    expect(await port.sentences(other)).toEqual([]);
  });

  it('refuses a script line without a channel, time or text', async () => {
    const { app } = setup();
    const bad = await app.request(`/sim/calls/${CA}/script`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines: [{ channel: 3, at: 1, text: 'x' }] }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'lines' });
  });
});
