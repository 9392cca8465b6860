// The desk as a durable workspace, in Chromium, with the sim API as the caller: opening a customer record
// keeps the agent connected; a reload mid-call brings back the call, the screen pop, the half-written
// ticket and the call timer; wrap-up expiring on the stack's clock keeps the notes and outcome typed.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, shot } from './browser.js';
import { type Floor, JOHN_SMITH, openFloor, WARRANTY, WITHIN } from './floor.js';

describe.runIf(browserAvailable())('the durable desk in Chromium', () => {
  let floor: Floor;
  let agent: Page;
  let callSid = '';

  const sim = <T>(path: string, body?: unknown) => floor.sim<T>(path, body);
  /** The worker's activity as TaskRouter has it, read through the agent's own API. */
  const activity = async () => {
    const res = await agent.context().request.get(`${floor.stack.url}/api/agent/me`);
    return ((await res.json()) as { activity: string }).activity;
  };

  beforeAll(async () => {
    floor = await openFloor();
    agent = await floor.page('1002', { available: true });
  }, 120_000);

  afterAll(() => floor?.close());

  it('opening a customer record from the desk keeps the agent connected and Available', async () => {
    await agent.fill('input[name=q]', 'John Smith');
    await agent.getByRole('button', { name: 'Search', exact: true }).click();
    await agent.getByTestId('results').getByText('John Smith').click();
    await agent.waitForURL(/\/agent\/customers\//);
    // Longer than the sweep and the link's reaction took to take the agent Offline.
    await new Promise((resolve) => setTimeout(resolve, 13_000));
    expect(await activity()).toBe('Available');
    await agent.goBack();
    await agent.getByTestId('link-state').getByText('Connected').waitFor(WITHIN);
    await agent.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);
    expect(await activity()).toBe('Available');
  }, 30_000);

  it('a reload mid-call keeps the call, the screen pop, the half-written ticket and the timer', async () => {
    ({ callSid } = await sim<{ callSid: string }>('/sim/calls', { from: JOHN_SMITH, to: WARRANTY }));
    await sim(`/sim/calls/${callSid}/input`, { digits: '7' });
    await agent.getByTestId('incoming').getByText(JOHN_SMITH).waitFor(WITHIN);
    await agent.getByTestId('accept').click();
    await agent.getByTestId('live-call').waitFor(WITHIN);
    await agent.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    const form = agent.getByTestId('ticket-form');
    await form.locator('input[name=subject]').fill('Engine noise at idle');
    await form.locator('input[name=fault]').fill('Knocking when cold');
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the call runs a while; the draft saves
    const before = (await agent.getByTestId('call-timer').textContent())?.trim() ?? '';
    expect(before).toMatch(/^00:0[3-9]$/);

    await agent.reload();
    await agent.getByTestId('live-call').waitFor(WITHIN);
    await agent.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    expect(await form.locator('input[name=subject]').inputValue()).toBe('Engine noise at idle');
    expect(await form.locator('input[name=fault]').inputValue()).toBe('Knocking when cold');
    const after = (await agent.getByTestId('call-timer').textContent())?.trim() ?? '';
    expect(after >= before).toBe(true); // mm:ss compares as text
    await agent.getByTestId('agent-state').getByText('On call').waitFor(WITHIN);
    await shot(agent, 'workspace-after-reload');
    expect((await sim<{ status: string }>(`/sim/calls/${callSid}`)).status).toBe('in-progress');
    expect(await activity()).not.toBe('Offline');
  }, 30_000);

  it('wrap-up expiring on the clock keeps the notes and outcome typed so far', async () => {
    await sim(`/sim/calls/${callSid}/hangup`, {});
    const wrap = agent.getByTestId('wrap-up');
    await wrap.waitFor(WITHIN);
    await agent.getByTestId('agent-state').getByText('Wrap-up').waitFor(WITHIN);
    await wrap.locator('select[name=disposition]').selectOption('callback-needed');
    await wrap.locator('textarea[name=notes]').fill('Customer wants a call back about the gearbox');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the draft saves after a pause
    await sim('/sim/clock/advance', { ms: 31_000 });
    await agent.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);
    expect(await floor.stack.store.calls.get(callSid)).toMatchObject({
      disposition: 'callback-needed',
      notes: 'Customer wants a call back about the gearbox',
    });
  }, 30_000);
});
