// The local server's web app answers carry the same security headers as the API: pages, fingerprinted
// assets and a missing file, on GET and HEAD; once the stack is up, media-src names its S3 server (recordings playback).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { cspHeader, cspSourcesFor } from '../../functions/http/content-security-policy.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import { createWebHandler } from '../../infra/local/web-assets.js';
import { fakeWebRoot, LOCAL_EPOCH, tempDir } from './support.js';

describe('security headers of the local web app', () => {
  const dir = tempDir('web-csp');
  let stack: LocalStack;

  beforeAll(async () => {
    const clock = createManualClock(LOCAL_EPOCH);
    stack = await startLocalStack({ port: 0, clock, demoData: false, webRoot: fakeWebRoot(dir.path) });
  });
  afterAll(async () => {
    await stack?.stop();
    dir.remove();
  });

  it('sends the API’s policy on a page, an asset and a missing file', async () => {
    const expected = cspHeader(cspSourcesFor(stack.config));
    expect(expected).toContain(`media-src 'self' ${new URL(stack.config.s3Endpoint ?? '').origin}`);
    for (const [path, status] of [
      ['/agent', 200],
      ['/assets/app-1.js', 200],
      ['/assets/missing.js', 404],
    ] as const) {
      const res = await fetch(`${stack.url}${path}`);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-security-policy'), path).toBe(expected);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    const api = await fetch(`${stack.url}/health`);
    expect(api.headers.get('content-security-policy')).toBe(expected);
  });

  it('sends them on HEAD too, for a page and for the API', async () => {
    const expected = cspHeader(cspSourcesFor(stack.config));
    for (const path of ['/agent', '/assets/app-1.js', '/health']) {
      const res = await fetch(`${stack.url}${path}`, { method: 'HEAD' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy'), path).toBe(expected);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('allows only the page itself before the stack knows its S3 server', async () => {
    const res = await createWebHandler(fakeWebRoot(dir.path))(new Request('http://127.0.0.1/'));
    expect(res.headers.get('content-security-policy')).toBe(cspHeader({ connect: [], media: [] }));
  });
});
