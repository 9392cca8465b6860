// The client's address, for login throttling and the audit log. Never from a header the client writes
// itself (X-Forwarded-For and the like): locally from the Node server's socket; in AWS from
// CloudFront-Viewer-Address, which CloudFront sets (overwriting any the viewer sent) and forwards to the
// HTTP API, whose own source address is then CloudFront's edge, shared by unrelated viewers.
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

export function clientIp(c: Context): string | undefined {
  const env = (c.env ?? {}) as MaybeEnv;
  if (env.requestContext) {
    // Only a Lambda behind CloudFront reads the header: on the local server a client could just send it.
    const viewer = viewerAddress(c.req.header(VIEWER_ADDRESS_HEADER));
    return viewer ?? normalizeIp(env.requestContext.http?.sourceIp ?? env.requestContext.identity?.sourceIp);
  }
  return normalizeIp(env.incoming?.socket?.remoteAddress);
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
