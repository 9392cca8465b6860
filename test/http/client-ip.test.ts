// Reading CloudFront-Viewer-Address: IPv4 and IPv6 with a port, IPv6 bracketed or not, and nothing
// from a malformed value (the caller then falls back to the connection's address).
import { describe, expect, it } from 'vitest';
import { viewerAddress } from '../../functions/http/client-ip.js';

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
