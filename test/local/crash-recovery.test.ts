// A crash of `npm start` under live calls: 20 calls put through the simulation API (in the IVR, answering
// it, some waiting in queue), the process killed with SIGKILL, then the stack started again on the same
// data folder. Reconciliation at start must leave no call record open that the twin does not hold live.
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { startLocalStack } from '../../infra/local/start-local-stack.js';
import { startMain } from '../support/npm-start.js';
import { simClient } from '../support/sim.js';
import { tempDir } from './support.js';

const CALLS = 20;

describe('crash recovery', () => {
  const dir = tempDir('crash');
  afterAll(() => dir.remove());

  it('after kill -9 under 20 live calls, every call record is live again or closed with its end', async () => {
    // Inside business hours, so the calls reach the IVR and the queue rather than the closed message.
    const run = startMain({ PORT: '0', DATA_DIR: dir.path, SIM_CLOCK: '2026-12-07T10:00:00+08:00' });
    let url = '';
    try {
      await run.printed('Press Ctrl-C to stop.');
      url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output().stdout)?.[1] ?? '';
      const sim = simClient(() => url);
      const sids: string[] = [];
      for (let i = 0; i < CALLS; i++) {
        const from = `+86139${String(10_000_000 + i)}`;
        const placed = await sim('/calls', { from, to: '+18005550100' });
        expect(placed.status, JSON.stringify(placed.body)).toBe(201);
        sids.push(placed.body.callSid);
      }
      // A third stay in the IVR's first menu; the rest answer it, some twice, and move on towards a queue.
      for (const [i, sid] of sids.entries()) {
        if (i % 3 === 0) continue;
        await sim(`/calls/${sid}/input`, { digits: '1' });
        if (i % 3 === 2) await sim(`/calls/${sid}/input`, { digits: '1' });
      }
      const live = (await sim('/calls')).body as { status: string }[] | { calls: { status: string }[] };
      const list = Array.isArray(live) ? live : live.calls;
      expect(list.filter((c) => c.status === 'in-progress').length).toBeGreaterThanOrEqual(CALLS / 2);
    } finally {
      run.child.kill('SIGKILL');
      await run.exited;
    }

    const clock = createManualClock(Date.parse('2026-12-07T03:00:00Z'));
    const stack = await startLocalStack({ port: 0, dataDir: dir.path, clock });
    try {
      // The crash left open records behind, and reconciliation at start settled every one of them.
      expect(stack.reconciledAtStart.checked).toBeGreaterThanOrEqual(CALLS);
      expect(stack.reconciledAtStart.unreachable).toBe(0);
      const open = (await stack.store.calls.open({ limit: 200 })).items;
      for (const call of open) {
        const view = await fetch(`${stack.url}/sim/calls/${call.callSid}`).then((r) => r.json());
        expect(view.status, call.callSid).toBe('in-progress');
      }
      const day = await stack.store.calls.byDay('2026-12-07', { limit: 200 });
      const inbound = day.items.filter((c) => c.direction === 'inbound');
      expect(inbound.length).toBeGreaterThanOrEqual(CALLS);
      for (const call of inbound) {
        const stillLive = open.some((o) => o.callSid === call.callSid);
        if (!stillLive) expect(call.endedAt, call.callSid).toEqual(expect.any(String));
      }
    } finally {
      await stack.stop();
    }
  }, 120_000);
});
