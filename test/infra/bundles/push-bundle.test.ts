// The push bundle, as deployed, invoked the way API Gateway's WebSocket API invokes it: a page's connect
// with its ticket in the query string, its keep-alive messages and its disconnect. The connection is read
// back from the table the bundle wrote; a refused connect is a 401 naming why, and nothing a page sends
// makes the function fail.
import { randomBytes, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushConnections } from '../../../functions/adapters/dynamo/keys.js';
import { TTL_ATTRIBUTE } from '../../../functions/adapters/dynamo/table.js';
import { heartbeatKey } from '../../../functions/app/desk/presence.js';
import {
  issuePushTicket,
  PUSH_CONNECTION_TTL_SECONDS,
  PUSH_KEEPALIVE,
  PUSH_TICKET_TTL_SECONDS,
} from '../../../functions/domain/push.js';
import { type BundleRun, PUSH_URL, runBundle } from './bundle-harness.js';
import { lambdaContext, type WebSocketFrame, webSocketEvent } from './lambda-events.js';

let run: BundleRun;
beforeAll(async () => {
  run = await runBundle('Push');
});
afterAll(() => run?.stop());

const domainName = new URL(PUSH_URL).host;

/** One page's socket: API Gateway gives it an id ending in '=' and keeps the time it connected. */
function page() {
  const connectionId = `${randomBytes(9).toString('base64').slice(0, 11)}=`;
  const connectedAt = Date.now();
  return {
    connectionId,
    send: (frame: WebSocketFrame) =>
      run.container.invoke<{ statusCode: number; body?: string }>(
        webSocketEvent(frame, connectionId, domainName, connectedAt),
        lambdaContext('PushFunction'),
      ),
  };
}

const ticketFor = (userId: string, sessionId = randomUUID(), key = run.sessionKey, at = Date.now()) =>
  issuePushTicket({ sub: userId, sid: sessionId }, key, at);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When DynamoDB's TTL removes the connection's item (epoch seconds), read from the table itself. */
async function connectionTtl(connectionId: string): Promise<number> {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'eu-west-1',
      endpoint: run.env.DYNAMODB_ENDPOINT,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const out = await doc.send(
    new GetCommand({ TableName: run.env.TABLE_NAME, Key: { pk: pushConnections, sk: connectionId } }),
  );
  doc.destroy();
  return Number(out.Item?.[TTL_ATTRIBUTE]);
}

/** Until when the agent counts as present (epoch ms). */
const presenceUntil = async (agentId: string) =>
  Date.parse((await run.stack.store.keys.get(heartbeatKey(agentId)))?.expiresAt ?? '');

describe('push bundle', () => {
  it('stores a connection whose ticket is valid, marks the phone page’s agent present, 200', async () => {
    const p = page();
    expect(await p.send({ routeKey: '$connect', query: { ticket: ticketFor('1001'), phone: '1' } })).toEqual({
      statusCode: 200,
    });
    const stored = await run.stack.store.push.get(p.connectionId);
    expect(stored).toMatchObject({
      connectionId: p.connectionId,
      userId: '1001',
      roles: ['agent'],
      phone: true,
    });
    // Present for as long as the connection lives: both end together, a TTL after the connect.
    const ttl = await connectionTtl(p.connectionId);
    expect(ttl * 1000).toBeGreaterThan(Date.now() + (PUSH_CONNECTION_TTL_SECONDS - 5) * 1000);
    expect(await presenceUntil('1001')).toBe(ttl * 1000);
    // A supervisor's page never holds a phone, whatever it asks.
    const sup = page();
    await sup.send({ routeKey: '$connect', query: { ticket: ticketFor('2001'), phone: '1' } });
    expect(await run.stack.store.push.get(sup.connectionId)).toMatchObject({ userId: '2001', phone: false });
  });

  it('answers 401 with the reason for a ticket that is missing, forged, expired or of a revoked session', async () => {
    const revoked = randomUUID();
    await run.stack.store.keys.put(
      { kind: 'session-revoked', sessionId: revoked },
      'logout',
      new Date(Date.now() + 3_600_000).toISOString(),
    );
    const cases: [Record<string, string> | undefined, RegExp][] = [
      [undefined, /needs a ticket/],
      [{ phone: '1' }, /needs a ticket/],
      [{ ticket: ticketFor('1001', undefined, randomBytes(32).toString('base64url')) }, /not valid/],
      [{ ticket: 'push1.not-a-ticket' }, /not valid/],
      [
        {
          ticket: ticketFor('1001', undefined, undefined, Date.now() - (PUSH_TICKET_TTL_SECONDS + 5) * 1000),
        },
        /expired/,
      ],
      [{ ticket: ticketFor('1001', revoked) }, /log in again/],
      [{ ticket: ticketFor('no-such-user') }, /log in again/],
    ];
    for (const [query, reason] of cases) {
      const p = page();
      const result = await p.send({ routeKey: '$connect', ...(query ? { query } : {}) });
      expect(result.statusCode, JSON.stringify(query)).toBe(401);
      expect(result.body, JSON.stringify(query)).toMatch(reason);
      expect(await run.stack.store.push.get(p.connectionId)).toBeUndefined();
    }
    // The log says why, and never carries a ticket.
    const refusals = run.container.jsonLogs().filter((l) => l.message === 'push connection refused');
    expect(refusals.length).toBeGreaterThanOrEqual(cases.length);
    expect(run.container.logs.join('\n')).not.toMatch(/push1\.[A-Za-z0-9_-]{20,}/);
  });

  it('renews the connection and the presence on a keep-alive', async () => {
    const p = page();
    await p.send({ routeKey: '$connect', query: { ticket: ticketFor('1002'), phone: '1' } });
    const before = await connectionTtl(p.connectionId);
    // The table keeps whole seconds: wait past one so the renewal shows.
    await pause(1100);
    expect(await p.send({ routeKey: '$default', body: PUSH_KEEPALIVE })).toEqual({ statusCode: 200 });
    const after = await connectionTtl(p.connectionId);
    expect(after).toBeGreaterThan(before);
    expect(await presenceUntil('1002')).toBe(after * 1000);
  });

  it('answers 400 naming the keep-alive to anything else a page sends, 410 to an unknown connection', async () => {
    const p = page();
    await p.send({ routeKey: '$connect', query: { ticket: ticketFor('1003') } });
    for (const body of ['hello', '{"type":"subscribe"}', '']) {
      const result = await p.send({ routeKey: '$default', body });
      expect(result.statusCode, body).toBe(400);
      expect(result.body).toContain(`'${PUSH_KEEPALIVE}'`);
    }
    // A binary frame holding the keep-alive's text is the keep-alive.
    expect(await p.send({ routeKey: '$default', body: PUSH_KEEPALIVE, binary: true })).toEqual({
      statusCode: 200,
    });
    const stranger = page();
    expect((await stranger.send({ routeKey: '$default', body: PUSH_KEEPALIVE })).statusCode).toBe(410);
  });

  it('removes the connection on disconnect; the agent stays present only for the grace minute', async () => {
    const p = page();
    await p.send({ routeKey: '$connect', query: { ticket: ticketFor('1004'), phone: '1' } });
    expect(await run.stack.store.push.get(p.connectionId)).toBeDefined();
    expect(await p.send({ routeKey: '$disconnect' })).toEqual({ statusCode: 200 });
    expect(await run.stack.store.push.get(p.connectionId)).toBeUndefined();
    const presence = await run.stack.store.keys.get(heartbeatKey('1004'));
    expect(presence?.value).toBe('push-closed');
    expect(Date.parse(presence?.expiresAt ?? '')).toBeLessThanOrEqual(Date.now() + 61_000);
    // API Gateway may deliver a disconnect twice, or for a connect that was refused.
    expect(await p.send({ routeKey: '$disconnect' })).toEqual({ statusCode: 200 });
  });

  it('answers 400, not an error, to an event without a connection or with another route', async () => {
    expect(await run.container.invoke({})).toMatchObject({ statusCode: 400 });
    const p = page();
    const other = webSocketEvent(
      { routeKey: '$default', body: PUSH_KEEPALIVE },
      p.connectionId,
      domainName,
      0,
    );
    const result = await run.container.invoke<{ statusCode: number; body: string }>({
      ...other,
      requestContext: { ...(other.requestContext as object), routeKey: 'subscribe' },
    });
    expect(result.statusCode).toBe(400);
    expect(result.body).toMatch(/\$connect, \$disconnect and \$default/);
  });
});
