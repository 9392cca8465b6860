// The client's address, for login throttling and the audit log. Never from a header the client writes
// itself (X-Forwarded-For and the like): locally from the Node server's socket; in AWS from
// CloudFront-Viewer-Address, which CloudFront sets (overwriting any the viewer sent) and forwards to the
// HTTP API, whose own source address is then CloudFront's edge, shared by unrelated viewers. The API's
// own endpoint is public too, and a client calling it directly could write that header itself: it is
// believed only beside X-Origin-Verify carrying the secret CloudFront adds, else the source address is used.
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Context } from 'hono';

/** What hono/aws-lambda (the Lambda event's context) or @hono/node-server (the socket) put in `c.env`. */
interface MaybeEnv {
  readonly requestContext?: {
    readonly http?: { readonly sourceIp?: string };
    readonly identity?: { readonly sourceIp?: string };
  };
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string } };
}

export const VIEWER_ADDRESS_HEADER = 'cloudfront-viewer-address';
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/**
 * `originVerify` is the secret CloudFront adds (AWS); without it configured the viewer header is believed
 * from any request, as before the secret existed.
 */
export function clientIp(c: Context, originVerify?: string): string | undefined {
  const env = (c.env ?? {}) as MaybeEnv;
  if (env.requestContext) {
    // Only a Lambda behind CloudFront reads the header: on the local server a client could just send it.
    const viaCloudFront =
      originVerify === undefined || sameSecret(c.req.header(ORIGIN_VERIFY_HEADER), originVerify);
    const viewer = viaCloudFront ? viewerAddress(c.req.header(VIEWER_ADDRESS_HEADER)) : undefined;
    return viewer ?? normalizeIp(env.requestContext.http?.sourceIp ?? env.requestContext.identity?.sourceIp);
  }
  return normalizeIp(env.incoming?.socket?.remoteAddress);
}

function sameSecret(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The address in a CloudFront-Viewer-Address value, `ip:port`: `198.51.100.10:46532`, and for IPv6 the
 * address unbracketed (`2001:db8::1:46532`) or, accepted too, bracketed (`[2001:db8::1]:46532`).
 */
export function viewerAddress(value: string | undefined): string | undefined {
  const colon = value?.lastIndexOf(':') ?? -1;
  if (!value || colon < 1 || !/^\d{1,5}$/.test(value.slice(colon + 1))) return undefined;
  const host = value.slice(0, colon).trim();
  return normalizeIp(host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);
}

/** A valid address in one spelling: lower case, and IPv4 rather than its IPv4-mapped IPv6 form. */
function normalizeIp(value: string | undefined): string | undefined {
  const ip = value?.trim().toLowerCase();
  if (!ip || !isIP(ip)) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip)?.[1];
  return mapped ?? ip;
}
