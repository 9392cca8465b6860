// Reading CloudFront-Viewer-Address: IPv4 and IPv6 with a port, IPv6 bracketed or not, and nothing
// from a malformed value (the caller then falls back to the connection's address); the header believed
// only beside the origin secret CloudFront adds, never on the local server.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  clientIp,
  ORIGIN_VERIFY_HEADER,
  VIEWER_ADDRESS_HEADER,
  viewerAddress,
} from '../../functions/http/client-ip.js';

describe('viewerAddress', () => {
  it.each([
    ['198.51.100.10:46532', '198.51.100.10'],
    ['2001:db8:85a3::8a2e:370:7334:443', '2001:db8:85a3::8a2e:370:7334'],
    ['[2001:DB8::1]:8080', '2001:db8::1'],
    ['::ffff:203.0.113.5:1234', '203.0.113.5'],
  ])('reads %s as %s', (value, address) => {
    expect(viewerAddress(value)).toBe(address);
  });

  it.each([
    [undefined],
    [''],
    ['198.51.100.10'],
    ['not-an-ip:443'],
    ['198.51.100.10:port'],
    [':443'],
    ['1.2.3.4, 5.6.7.8:1'],
  ])('reads nothing from %s', (value) => {
    expect(viewerAddress(value)).toBeUndefined();
  });
});

describe('clientIp behind CloudFront', () => {
  const SECRET = 'origin-check-0123456789';
  const app = (originVerify?: string) => {
    const a = new Hono();
    a.get('/ip', (c) => c.text(clientIp(c, originVerify) ?? 'none'));
    return a;
  };
  const lambdaEnv = { requestContext: { http: { sourceIp: '203.0.113.77' } } };
  const ask = async (originVerify: string | undefined, headers: Record<string, string>) =>
    (await app(originVerify).request('/ip', { headers }, lambdaEnv)).text();

  it('believes CloudFront-Viewer-Address beside the origin secret CloudFront adds', async () => {
    expect(
      await ask(SECRET, { [VIEWER_ADDRESS_HEADER]: '198.51.100.10:4000', [ORIGIN_VERIFY_HEADER]: SECRET }),
    ).toBe('198.51.100.10');
  });

  it('ignores a viewer address sent straight to the API, without the secret or with a wrong one', async () => {
    expect(await ask(SECRET, { [VIEWER_ADDRESS_HEADER]: '198.51.100.10:4000' })).toBe('203.0.113.77');
    expect(
      await ask(SECRET, { [VIEWER_ADDRESS_HEADER]: '198.51.100.10:4000', [ORIGIN_VERIFY_HEADER]: 'guess' }),
    ).toBe('203.0.113.77');
    expect(
      await ask(SECRET, {
        [VIEWER_ADDRESS_HEADER]: '198.51.100.10:4000',
        [ORIGIN_VERIFY_HEADER]: `${SECRET.slice(0, -1)}X`,
      }),
    ).toBe('203.0.113.77');
  });

  it('never reads the header on the local server, where the socket is the truth', async () => {
    const local = { incoming: { socket: { remoteAddress: '::ffff:127.0.0.1' } } };
    const response = await app(SECRET).request(
      '/ip',
      { headers: { [VIEWER_ADDRESS_HEADER]: '198.51.100.10:4000', [ORIGIN_VERIFY_HEADER]: SECRET } },
      local,
    );
    const text = await response.text();
    expect(text).toBe('127.0.0.1');
  });
});
