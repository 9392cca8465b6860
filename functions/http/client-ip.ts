// The client's address for login throttling: from the Lambda event when behind API Gateway or a
// Function URL, from the socket on the local Node server, else the last proxy-appended X-Forwarded-For hop.
import type { Context } from 'hono';

interface MaybeEnv {
  readonly requestContext?: {
    readonly http?: { readonly sourceIp?: string };
    readonly identity?: { readonly sourceIp?: string };
  };
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string } };
}

export function clientIp(c: Context): string | undefined {
  const env = (c.env ?? {}) as MaybeEnv;
  const fromLambda = env.requestContext?.http?.sourceIp ?? env.requestContext?.identity?.sourceIp;
  if (fromLambda) return fromLambda;
  const fromSocket = env.incoming?.socket?.remoteAddress;
  if (fromSocket) return fromSocket;
  // The left-most entries are whatever the client claimed; the last one was added by our own proxy.
  const forwarded = c.req
    .header('x-forwarded-for')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded?.at(-1);
}
