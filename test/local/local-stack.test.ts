// The local stack in memory on a random port with a manual clock: the app, the demo data, the web app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { DEMO_KB_ARTICLES } from '../../infra/local/demo/kb-articles.js';
import { DEMO_DATA } from '../../infra/local/demo-data.js';
import { loadDemoData } from '../../infra/local/demo-loader.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import { fakeWebRoot, LOCAL_EPOCH, login, tempDir } from './support.js';

const DEMO_RECORDS =
  DEMO_DATA.users.length +
  DEMO_DATA.customers.length +
  DEMO_DATA.assets.length +
  DEMO_DATA.policies.length +
  DEMO_DATA.tickets.length +
  DEMO_DATA.tasks.length +
  DEMO_KB_ARTICLES.length +
  // The provider directory and the SMS templates: a setting each; the demo scoring form and the demo
  // campaign: one more each.
  2 +
  1 +
  1;

describe('startLocalStack in memory', () => {
  const dir = tempDir('web');
  const clock = createManualClock(LOCAL_EPOCH);
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, clock, webRoot: fakeWebRoot(dir.path) });
  });
  afterAll(async () => {
    await stack?.stop();
    dir.remove();
  });

  it('listens on a random local port and answers /health', async () => {
    expect(stack.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.url).not.toMatch(/:3000$/);
    const response = await fetch(`${stack.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('configures the app for local mode with the local URL', () => {
    expect(stack.config.publicBaseUrl).toBe(stack.url);
    expect(stack.config.dynamodbEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.config.s3Endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.clock).toBe(clock);
  });

  it('loads every demo record on the first start', async () => {
    expect(stack.demo).toEqual({ created: DEMO_RECORDS, skipped: 0 });
    const wang = await stack.store.customers.find({ by: 'phone', value: '+8613800138000' });
    expect(wang.map((c) => c.id)).toEqual(['cus-0001']);
    const shared = await stack.store.customers.find({ by: 'phone', value: '+862164001111' });
    expect(shared.map((c) => c.id).sort()).toEqual(['cus-0002', 'cus-0003']);
    expect((await stack.store.customers.find({ by: 'plate', value: '沪B67890' }))[0]?.id).toBe('cus-0002');
  });

  it('walks demo tickets through the workflow to their status, stamped with the manual clock', async () => {
    const closed = await stack.store.tickets.byStatus('closed');
    const rescue = closed.items.find((t) => t.customerId === 'cus-0006');
    expect(rescue?.number).toMatch(/^RSC-2026-\d{6}$/);
    expect(rescue?.history.map((h) => h.to ?? h.kind)).toEqual(['new', 'open', 'resolved', 'closed']);
    expect(rescue?.createdAt).toBe(new Date(LOCAL_EPOCH).toISOString());
  });

  it('skips everything on a second load, duplicating nothing', async () => {
    const before = await stack.store.tickets.byCustomer('cus-0001');
    const again = await loadDemoData(stack.store, clock);
    expect(again).toEqual({ created: 0, skipped: DEMO_RECORDS });
    const after = await stack.store.tickets.byCustomer('cus-0001');
    expect(after.items.map((t) => t.number)).toEqual(before.items.map((t) => t.number));
    expect((await stack.store.tasks.byCustomer('cus-0004')).length).toBe(1);
  });

  it('lets a demo agent log in and search customers through the real server', async () => {
    const token = await login(stack.url, '1001', 'demo-1001');
    const response = await fetch(`${stack.url}/api/customers?q=${encodeURIComponent('王建国')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: { id: string }[] };
    expect(page.items.map((c) => c.id)).toEqual(['cus-0001']);
  });

  it('serves the web app: files, the index for page paths, 404 for missing files', async () => {
    const index = await fetch(`${stack.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('<div id="root">');
    const asset = await fetch(`${stack.url}/assets/app-1.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const deepLink = await fetch(`${stack.url}/agent/customers/cus-0001`);
    expect(await deepLink.text()).toContain('<div id="root">');
    expect((await fetch(`${stack.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${stack.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('leaves API paths to the app, so an unknown one is a JSON 404 and not the web page', async () => {
    const response = await fetch(`${stack.url}/api/no-such-thing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not-found' });
  });

  it('refuses a request body over 10 MB before reading it, as API Gateway does', async () => {
    const response = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'x'.repeat(11 * 1024 * 1024), password: 'y' }),
    });
    const answer = await response.text();
    expect(response.status, answer).toBe(413);
    expect(JSON.parse(answer)).toMatchObject({ error: 'too-large', limitBytes: 10 * 1024 * 1024 });
    // Sent in chunks, with no length said: read up to the limit and no further.
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    let sent = 0;
    const chunked = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        pull(controller) {
          if (sent++ < 11) controller.enqueue(chunk);
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    // A small chunked body still reaches the app whole.
    const small = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([JSON.stringify({ id: '1001', password: 'demo-1001' })]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(small.status).toBe(200);
  });

  it('answers an unknown simulation route with a JSON 404 too', async () => {
    const response = await fetch(`${stack.url}/sim/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining('GET /sim/nope') });
  });

  it.each([
    ['/sim/calls', 'from'],
    ['/sim/calls', 'to'],
    ['/sim/messages', 'from'],
    ['/sim/faxes', 'from'],
  ])('refuses %s with a %s of 100,000 characters, naming it and not echoing it', async (path, field) => {
    const body = { from: '+14155550123', to: '+18005550100', body: 'hi', [field]: '9'.repeat(100_000) };
    const response = await fetch(`${stack.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({
      field,
      error: expect.stringContaining('at most 256 characters'),
    });
    expect(text.length).toBeLessThan(400);
  });
});
