// Foundation benchmark on the local stack in memory: customer lookup by phone and ticket create,
// 1,000 operations each, through the HTTP API (as an agent's browser would) and directly on the Store
// (to show what HTTP, auth and validation add). Writes bench-results/foundation.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { DEMO_DATA } from '../../infra/local/demo-data.js';
import { startLocalStack } from '../../infra/local/start-local-stack.js';
import { benchRunningClock } from './bench-clock.js';
import { time } from './stats.js';

const OPERATIONS = 1_000;
const RESULTS = 'bench-results/foundation.json';

export async function run() {
  const stack = await startLocalStack({ port: 0, demoData: true, clock: benchRunningClock().clock });
  try {
    const login = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: '1001', password: 'demo-1001' }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const phones = DEMO_DATA.customers.flatMap((c) => c.phones);
    const customerIds = DEMO_DATA.customers.map((c) => c.id);
    const phoneAt = (i: number) => phones[i % phones.length] ?? '';
    const customerAt = (i: number) => customerIds[i % customerIds.length] ?? '';

    const expect = async (response: Response, status: number, what: string) => {
      if (response.status !== status)
        throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };

    const lookupHttp = await time(OPERATIONS, async (i) => {
      const response = await fetch(`${stack.url}/api/customers?q=${encodeURIComponent(phoneAt(i))}`, {
        headers: auth,
      });
      await expect(response, 200, 'lookup');
    });
    const lookupStore = await time(OPERATIONS, async (i) => {
      const found = await stack.store.customers.find({ by: 'phone', value: phoneAt(i) });
      if (found.length === 0) throw new Error(`no customer for ${phoneAt(i)}`);
    });
    const createHttp = await time(OPERATIONS, async (i) => {
      const response = await fetch(`${stack.url}/api/tickets`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'inquiry', subject: `Bench inquiry ${i}`, customerId: customerAt(i) }),
      });
      await expect(response, 201, 'ticket create');
    });
    const createStore = await time(OPERATIONS, async (i) => {
      const result = await stack.store.tickets.create(
        {
          type: 'claim',
          status: 'new',
          priority: 'normal',
          subject: `Bench claim ${i}`,
          customerId: customerAt(i),
        },
        'bench',
      );
      if (!result.ok) throw new Error(`ticket create: ${result.reason}`);
    });

    const result = {
      benchmark: 'foundation',
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      setup: {
        stack:
          "startLocalStack in memory (dynalite + s3rver in process), running from a fixed Monday 10:00 in the center's zone, no periodic jobs",
        customers: DEMO_DATA.customers.length,
        warmup_operations: 50,
        sequential: true,
      },
      customer_lookup_by_phone: { http: lookupHttp, store: lookupStore },
      ticket_create: { http: createHttp, store: createStore },
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await stack.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
