// A crash of `npm start` under live calls: calls put through the simulation API (in the IVR, waiting in the
// general queue, connected to signed-in agents), the process killed with SIGKILL, then the stack started again
// on the same data folder. The twin must carry every call on (none lost), the resumed calls must hang up
// through the sim API like any other, and afterwards no call record may stay open.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { startLocalStack } from '../../infra/local/start-local-stack.js';
import { startMain } from '../support/npm-start.js';
import { simClient } from '../support/sim.js';
import { login, tempDir } from './support.js';

// 20 live calls in all: 15 in the IVR, 4 waiting, 1 with an agent.
const IVR_CALLS = 15;
const WARRANTY = '+18005550100';
const JOHN_SMITH = '+14155550123'; // a platinum customer: key 7 in the English menu queues to general
// John Smith's own agent: the routing offers his calls to her first, so the others wait in the queue.
const AGENTS = ['1002'];
const QUEUED = 4;

interface SimCall {
  status: string;
  queueSid?: string | null;
  conferenceSid?: string | null;
  waitingFor?: string;
}

describe('crash recovery', () => {
  const dir = tempDir('crash');
  afterAll(() => dir.remove());

  it('after kill -9 under live calls, every call comes back live and closes with its end when hung up', async () => {
    // Inside business hours, so the calls reach the IVR and the queue rather than the closed message.
    // Without the demo history: its minute of background writes is not what a crash under calls is about.
    const run = startMain({
      PORT: '0',
      DATA_DIR: dir.path,
      SIM_CLOCK: '2026-12-07T10:00:00+08:00',
      DEMO_HISTORY: '0',
    });
    let port = 0;
    const ivr: string[] = [];
    const connected: string[] = [];
    const queued: string[] = [];
    try {
      await run.printed('Press Ctrl-C to stop.');
      const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(run.output().stdout)?.[1] ?? '';
      port = Number(new URL(url).port);
      const sim = simClient(() => url);
      // Callers key ahead: each key as soon as something listens, without hearing the replies out, so the
      // sim moves the running clock only through the greetings (a few seconds a call) and nobody's wait in
      // the queue reaches its maximum before the crash.
      const call = async (from: string) => {
        const placed = await sim('/calls', { from, to: WARRANTY, listen: false });
        expect(placed.status, JSON.stringify(placed.body)).toBe(201);
        return placed.body.callSid as string;
      };
      // An agent signed in and Available, whose browser answers at once.
      for (const id of AGENTS) {
        await sim('/parties', { address: `client:${id}`, policy: 'answer' });
        const token = await login(url, id, `demo-${id}`);
        const state = await fetch(`${url}/api/agent/state`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ state: 'Available' }),
        });
        expect(state.status, await state.text()).toBeLessThan(300);
      }
      // The first caller reaches her; the next ones wait in the queue.
      for (let i = 0; i < AGENTS.length + QUEUED; i++) {
        const sid = await call(JOHN_SMITH);
        await sim(`/calls/${sid}/input`, { digits: '7', listen: 'before' });
        if (i < AGENTS.length) {
          await waitFor(sim, sid, (c) => Boolean(c.conferenceSid));
          connected.push(sid);
        } else {
          await waitFor(sim, sid, (c) => Boolean(c.queueSid));
          queued.push(sid);
        }
      }
      expect(connected).toHaveLength(AGENTS.length);
      expect(queued).toHaveLength(QUEUED);
      // The rest stay in the IVR: a third in the first menu, the others one or two menus in.
      for (let i = 0; i < IVR_CALLS; i++) {
        const sid = await call(`+86139${String(10_000_000 + i)}`);
        if (i % 3 !== 0) await sim(`/calls/${sid}/input`, { digits: '1', listen: 'before' });
        if (i % 3 === 2) await sim(`/calls/${sid}/input`, { digits: '1', listen: 'before' });
        ivr.push(sid);
      }
      // The twin saves a moment after the last change; give it that moment on the running clock.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    } finally {
      run.child.kill('SIGKILL');
      await run.exited;
    }

    // Start again on the same address (the calls' URLs point there, as with a fixed PORT) where the first
    // run's clock stood when it last saved, as a quick restart would.
    const saved = JSON.parse(readFileSync(join(dir.path, 'twin', 'state.json'), 'utf8')) as {
      savedAt: number;
    };
    const clock = createManualClock(saved.savedAt + 5_000);
    const stack = await startLocalStack({ port, dataDir: dir.path, clock });
    try {
      const report = stack.reconciledAtStart;
      expect(report.checked).toBeGreaterThanOrEqual(IVR_CALLS + AGENTS.length + QUEUED);
      expect(report.lost).toBe(0);
      expect(report.unreachable).toBe(0);
      const sim = simClient(() => stack.url);
      for (const sid of [...ivr, ...connected, ...queued]) {
        expect(((await sim(`/calls/${sid}`)).body as SimCall).status, sid).toBe('in-progress');
      }
      for (const sid of connected) expect((await sim(`/calls/${sid}`)).body.conferenceSid, sid).toBeTruthy();
      for (const sid of queued) {
        const view = (await sim(`/calls/${sid}`)).body as SimCall;
        expect(view.queueSid, sid).toBeTruthy();
        // Back in the wait music's loop: its menu (callback or voicemail) listens for a key.
        expect(['queue', 'input'], sid).toContain(view.waitingFor);
      }
      // A resumed IVR caller can still press keys.
      const pressed = await sim(`/calls/${ivr[0]}/input`, { digits: '1' });
      expect(pressed.status).toBe(200);

      // Every caller hangs up through the sim API; each record then closes with a real end.
      for (const sid of [...ivr, ...connected, ...queued]) {
        const ended = await sim(`/calls/${sid}/hangup`, {});
        expect(ended.body.status, sid).toBe('completed');
      }
      await stack.twin.settle();
      await stack.channels.queue.idle();
      const after = await stack.reconcile();
      expect(after.lost).toBe(0);
      expect((await stack.store.calls.open({ limit: 200 })).items).toEqual([]);
      const day = await stack.store.calls.byDay('2026-12-07', { limit: 200 });
      const inbound = day.items.filter((c) => c.direction === 'inbound');
      expect(inbound.length).toBeGreaterThanOrEqual(IVR_CALLS + AGENTS.length + QUEUED);
      for (const record of inbound) {
        expect(record.endedAt, record.callSid).toEqual(expect.any(String));
        expect(record.status, record.callSid).not.toBe('lost');
      }
    } finally {
      await stack.stop();
    }
  }, 180_000);
});

/** Polls a call on the sim API until `ok` holds (the running clock delivers the agent's answer in its own time). */
async function waitFor(
  sim: ReturnType<typeof simClient>,
  sid: string,
  ok: (call: SimCall) => boolean,
): Promise<SimCall> {
  for (let i = 0; i < 100; i++) {
    const view = (await sim(`/calls/${sid}`)).body as SimCall;
    if (ok(view)) return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`call ${sid} never got there: ${JSON.stringify((await sim(`/calls/${sid}`)).body)}`);
}
