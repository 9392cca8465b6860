// Logins that arrive the way the two servers hand them to the app: with the local Node server's socket,
// or as a Lambda event behind CloudFront, so tests can vary the client's address.
import type { Harness, Reply } from './harness.js';

export type ClientEnv = Record<string, unknown>;

/** As @hono/node-server passes the connection to the app. */
export const fromSocket = (remoteAddress: string): ClientEnv => ({ incoming: { socket: { remoteAddress } } });

/** As hono/aws-lambda passes an HTTP API event; `sourceIp` is CloudFront's edge when behind it. */
export const fromLambda = (sourceIp: string): ClientEnv => ({ requestContext: { http: { sourceIp } } });

export async function loginVia(
  h: Harness,
  env: ClientEnv,
  id: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const res = await h.app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ id, password }),
    },
    env,
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}
