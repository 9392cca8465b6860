// The app shell: health, unknown routes and unreadable bodies answer JSON 4xx, never 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

describe('app shell', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it('GET /health is 200 with status ok', async () => {
    const res = await h.api('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('an unknown route is a JSON 404 naming it', async () => {
    const res = await h.api('GET', '/nope');
    expect(res.status).toBe(404);
    expect(res.body.message).toContain('GET /nope');
  });

  it('malformed JSON is a 400, not a 500', async () => {
    const res = await h.api('POST', '/api/tickets', { token: h.tokens.agent, body: '{"type": "claim",' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad-request');
  });

  it('a body in the wrong media type is a 415 with a JSON message', async () => {
    const res = await h.api('POST', '/api/tickets', {
      token: h.tokens.agent,
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(res.body.message).toBeTruthy();
    expect(res.body).toEqual({ error: 'bad-request', message: expect.stringMatching(/media type/i) });
  });
});
