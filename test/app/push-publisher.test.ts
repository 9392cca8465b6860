// Publishing to the push channel: an agent's own pages, or every agent's (never a supervisor's), a
// connection the transport no longer knows forgotten on the spot, a failing transport logged without
// failing the caller, and the list of connections read once per short window, not once per push.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPublisher } from '../../functions/app/push.js';
import type { PushConnection, PushMessage, PushTransport } from '../../functions/domain/push.js';
import { createCapturingLogger } from '../support/capturing-logger.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';
import { countCommands } from '../support/dynamo-command-count.js';

/** The transport's side of the port: what each open connection received; `gone` ones answer so. */
class Sockets implements PushTransport {
  readonly received = new Map<string, PushMessage[]>();
  readonly gone = new Set<string>();
  failing = false;
  async send(connectionId: string, message: PushMessage) {
    if (this.failing) throw new Error('endpoint down');
    if (this.gone.has(connectionId)) return 'gone' as const;
    this.received.set(connectionId, [...(this.received.get(connectionId) ?? []), message]);
    return 'sent' as const;
  }
}

describe('publishing change notices', () => {
  let ts: TestStore;
  let sockets: Sockets;
  const logger = createCapturingLogger();
  beforeAll(async () => {
    ts = await createTestStore();
  });
  afterAll(() => ts.stop());
  beforeEach(async () => {
    sockets = new Sockets();
    for (const c of await ts.store.push.list()) await ts.store.push.remove(c.connectionId);
    const at = new Date(ts.clock.now()).toISOString();
    const until = new Date(ts.clock.now() + 600_000).toISOString();
    const conn = (connectionId: string, userId: string, roles: PushConnection['roles']) =>
      ts.store.push.put({ connectionId, userId, roles, phone: false, connectedAt: at, expiresAt: until });
    await conn('a1', '1002', ['agent']);
    await conn('a2', '1002', ['agent']);
    await conn('b1', '1003', ['agent', 'supervisor']);
    await conn('s1', '9001', ['supervisor']);
  });

  it("tells one agent's pages, or every agent's", async () => {
    const publish = createPublisher({ store: ts.store, clock: ts.clock, logger, push: sockets }, 0);
    expect(await publish({ agentId: '1002' }, ['me'])).toBe(2);
    expect([...sockets.received.keys()].sort()).toEqual(['a1', 'a2']);
    expect(await publish({ everyAgent: true }, ['queue'])).toBe(3);
    expect(sockets.received.get('s1')).toBeUndefined();
    expect(sockets.received.get('b1')).toEqual([{ type: 'changed', topics: ['queue'] }]);
  });

  it('forgets a connection the transport no longer knows', async () => {
    const publish = createPublisher({ store: ts.store, clock: ts.clock, logger, push: sockets }, 0);
    sockets.gone.add('a2');
    expect(await publish({ agentId: '1002' }, ['me'])).toBe(1);
    expect((await ts.store.push.list('1002')).map((c) => c.connectionId)).toEqual(['a1']);
  });

  it('logs a failing transport and never throws', async () => {
    const publish = createPublisher({ store: ts.store, clock: ts.clock, logger, push: sockets }, 0);
    sockets.failing = true;
    expect(await publish({ everyAgent: true }, ['queue'])).toBe(0);
    expect(logger.lines.some((l) => l.msg === 'push not delivered' && l.level === 'warn')).toBe(true);
  });

  it('reads the connections once within its window, and nothing without a transport', async () => {
    const count = countCommands(ts.client);
    const publish = createPublisher({ store: ts.store, clock: ts.clock, logger, push: sockets }, 60_000);
    await publish({ agentId: '1002' }, ['me']);
    await publish({ everyAgent: true }, ['queue']);
    await publish({ agentId: '1003' }, ['missed']);
    expect(count.commands).toEqual(['QueryCommand']);
    const silent = createPublisher({ store: ts.store, clock: ts.clock, logger });
    expect(await silent({ everyAgent: true }, ['queue'])).toBe(0);
    expect(count.commands).toEqual(['QueryCommand']);
  });
});
