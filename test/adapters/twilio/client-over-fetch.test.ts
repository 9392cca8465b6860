// The official client over an injected fetch (how the local stack reaches the twin without a socket)
// against its own HTTP client: the same TaskRouter twin, the same calls, the same answers and errors.
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioClient, type TwilioClient } from '../../../functions/adapters/twilio/client.js';
import { inProcessFetch } from '../../../infra/local/in-process-fetch.js';
import { createTaskRouterRestApp } from '../../../infra/local/twin/taskrouter/rest/app.js';
import { ACCOUNT, bench } from '../../twin/taskrouter/support.js';

let server: ServerType;
let overHttp: TwilioClient;
let inProcess: TwilioClient;
let app: Hono;
let handedOver = 0;
let baseUrl = '';

beforeAll(async () => {
  app = new Hono().route('/taskrouter', createTaskRouterRestApp(bench().engine, ACCOUNT));
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  baseUrl = `http://127.0.0.1:${port}`;
  overHttp = createTwilioClient({ ...ACCOUNT, apiBaseUrl: baseUrl });
  const fetch = inProcessFetch([
    {
      prefix: `${baseUrl}/`,
      handle: (request) => {
        handedOver++;
        return app.fetch(request);
      },
    },
  ]);
  inProcess = createTwilioClient({ ...ACCOUNT, apiBaseUrl: baseUrl, fetch });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    const e = err as { status: number; code: number; message: string; constructor: { name: string } };
    return { status: e.status, code: e.code, message: e.message, type: e.constructor.name };
  }
  throw new Error('expected the request to fail');
}

describe('the official client over an injected fetch', () => {
  it('creates, reads and pages resources as over HTTP, every request through the fetch', async () => {
    const before = handedOver;
    const ws = await inProcess.taskrouter.v1.workspaces.create({ friendlyName: 'Fetch center' });
    const overFetch = inProcess.taskrouter.v1.workspaces(ws.sid);
    const same = overHttp.taskrouter.v1.workspaces(ws.sid);
    const attributes = JSON.stringify({ skills: ['general'], languages: ['zh', 'en'], name: '张 & =' });
    const sids: string[] = [];
    for (let i = 0; i < 5; i++)
      sids.push((await overFetch.workers.create({ friendlyName: `agent ${i}`, attributes })).sid);
    const viaFetch = await overFetch.workers.list({ pageSize: 2 });
    const viaHttp = await same.workers.list({ pageSize: 2 });
    expect(viaFetch.map((w) => w.sid)).toEqual(sids);
    expect(viaFetch.map((w) => w.toJSON())).toEqual(viaHttp.map((w) => w.toJSON()));
    const first = await overFetch.workers(sids[0] ?? '').fetch();
    expect(JSON.parse(first.attributes)).toEqual(JSON.parse(attributes));
    const updated = await overFetch.workers(sids[0] ?? '').update({ friendlyName: 'renamed' });
    expect(updated.friendlyName).toBe('renamed');
    expect((await same.workers(sids[0] ?? '').fetch()).friendlyName).toBe('renamed');
    expect(await overFetch.workers(sids[1] ?? '').remove()).toBe(true);
    // 1 workspace + 5 workers + 3 pages + fetch + update + remove.
    expect(handedOver - before).toBe(12);
  });

  it('throws the errors the HTTP client throws: not found, bad credentials', async () => {
    const ws = (await overHttp.taskrouter.v1.workspaces.list())[0]?.sid ?? '';
    const missing = `WK${'0'.repeat(32)}`;
    expect(await failure(inProcess.taskrouter.v1.workspaces(ws).workers(missing).fetch())).toEqual(
      await failure(overHttp.taskrouter.v1.workspaces(ws).workers(missing).fetch()),
    );
    const stranger = (fetch?: typeof globalThis.fetch) =>
      createTwilioClient({
        ...ACCOUNT,
        authToken: 'wrong',
        apiBaseUrl: baseUrl,
        ...(fetch ? { fetch } : {}),
      });
    const viaFetch = await failure(stranger(globalThis.fetch).taskrouter.v1.workspaces.list());
    expect(viaFetch.status).toBe(401);
    expect(viaFetch).toEqual(await failure(stranger().taskrouter.v1.workspaces.list()));
  });
});
