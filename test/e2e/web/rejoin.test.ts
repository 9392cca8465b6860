// A reload mid-call in Chromium against the twin, which ends the page's softphone leg as the Voice SDK
// does: the customer is held with a message, not dropped; the reloaded desk dials itself back in, takes the
// customer off hold and keeps counting the call from the first answer. A reload while the call rings ends
// that ring; the reloaded desk still shows the offer, with who calls, and accepting it rings again.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from './browser.js';
import { type Floor, JOHN_SMITH, openFloor, WARRANTY, WITHIN } from './floor.js';

interface Me {
  state: string;
  call?: { callSid: string; agentCallSid?: string; onHold: boolean; connectedAt?: string };
  reservations: { status: string; from?: string }[];
}
interface CallView {
  status: string;
  heard: { text?: string }[];
}

describe.runIf(browserAvailable())('a reload mid-call drops the leg, not the customer', () => {
  let floor: Floor;
  let agent: Page;

  const sim = <T>(path: string, body?: unknown) => floor.sim<T>(path, body);
  const me = async () =>
    (await (await agent.context().request.get(`${floor.stack.url}/api/agent/me`)).json()) as Me;

  beforeAll(async () => {
    floor = await openFloor();
    agent = await floor.page('1002', { available: true });
  }, 120_000);

  afterAll(() => floor?.close());

  it('the reloaded desk rejoins the held customer and the timer keeps counting', async () => {
    const { callSid } = await sim<{ callSid: string }>('/sim/calls', { from: JOHN_SMITH, to: WARRANTY });
    await sim(`/sim/calls/${callSid}/input`, { digits: '7' });
    await agent.getByTestId('accept').click();
    await agent.getByTestId('live-call').waitFor(WITHIN);
    const before = await me();
    expect(before.call?.agentCallSid).toBeDefined();
    const findings = agent.getByTestId('live-call').getByTestId('findings');
    await findings.getByText('General inquiries').waitFor(WITHIN);
    const shown = await findings.textContent();
    expect(shown).toContain('John Smith');
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    await agent.reload();
    await agent.getByTestId('live-call').waitFor(WITHIN);
    // The card reads as it did: the queue, language and intent the IVR found and the customer's name, not
    // only the number and customer id the server keeps.
    await expect.poll(() => findings.textContent(), WITHIN).toBe(shown);
    await expect.poll(async () => (await me()).call?.agentCallSid, WITHIN).toMatch(/^CA/);
    const after = await me();
    expect(after.call?.agentCallSid).not.toBe(before.call?.agentCallSid); // a new leg: the old one ended
    expect(after.call?.onHold).toBe(false);
    const customer = await sim<CallView>(`/sim/calls/${callSid}`);
    expect(customer.status).toBe('in-progress');
    expect(customer.heard.map((x) => x.text ?? '').join(' ')).toMatch(/reconnect|重新接通/);
    expect(await agent.getByTestId('call-dropped').count()).toBe(0);
    const timer = (await agent.getByTestId('call-timer').textContent())?.trim() ?? '';
    expect(timer >= '00:02').toBe(true); // mm:ss compares as text: counted from the first answer
    await sim(`/sim/calls/${callSid}/hangup`, {});
  }, 30_000);

  it('a reload while the call rings keeps the offer, and accepting it connects the caller', async () => {
    const { callSid } = await sim<{ callSid: string }>('/sim/calls', { from: JOHN_SMITH, to: WARRANTY });
    await sim(`/sim/calls/${callSid}/input`, { digits: '7' });
    await agent.getByTestId('accept').waitFor(WITHIN);

    await agent.reload();
    // The reloaded desk names the caller the IVR identified, as the first ring did.
    await agent.getByTestId('incoming').getByText('+14155550123').first().waitFor(WITHIN);
    const offered = await me();
    expect(offered.reservations).toEqual([expect.objectContaining({ status: 'pending', from: JOHN_SMITH })]);
    expect(offered.call).toBeUndefined();

    await agent.getByTestId('accept').click();
    await agent.getByTestId('live-call').waitFor(WITHIN);
    await expect.poll(async () => (await me()).call?.callSid, WITHIN).toBe(callSid);
    const connected = await me();
    expect(connected.call?.agentCallSid).toMatch(/^CA/);
    expect(connected.state).toBe('On call');
    const customer = await sim<CallView>(`/sim/calls/${callSid}`);
    expect(customer.status).toBe('in-progress');
    await sim(`/sim/calls/${callSid}/hangup`, {});
  }, 30_000);
});
