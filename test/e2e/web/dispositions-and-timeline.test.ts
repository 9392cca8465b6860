// Wrap-up codes and the customer timeline in Chromium, in the Chinese UI: the wrap-up form lists the
// warranty hotline's own outcomes in Chinese, the chosen one and the notes are saved on the call, and
// the customer's record shows the call on the timeline with that outcome, below the text they sent later,
// and its recording plays from there.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, shot } from './browser.js';
import { type Floor, JOHN_SMITH, openFloor, WARRANTY, WITHIN } from './floor.js';

describe.runIf(browserAvailable())('wrap-up codes and the timeline in Chromium', () => {
  let floor: Floor;
  let agent: Page;
  let callSid = '';
  const sim = <T>(path: string, body?: unknown) => floor.sim<T>(path, body);

  beforeAll(async () => {
    floor = await openFloor();
    agent = await floor.page('1002', { lang: 'zh', available: true });
  }, 120_000);

  afterAll(() => floor?.close());

  it("the wrap-up form offers the warranty hotline's outcomes in Chinese and saves the one chosen", async () => {
    ({ callSid } = await sim<{ callSid: string }>('/sim/calls', { from: JOHN_SMITH, to: WARRANTY }));
    await sim(`/sim/calls/${callSid}/input`, { digits: '7' });
    await agent.getByTestId('incoming').getByText(JOHN_SMITH).waitFor(WITHIN);
    await agent.getByTestId('accept').click();
    await agent.getByTestId('live-call').waitFor(WITHIN);
    // The screen pop's statuses in the page's language: the open complaint, not "open".
    const pop = agent.getByTestId('screen-pop');
    await pop.getByTestId('pop-customer').waitFor(WITHIN);
    expect(await pop.textContent()).not.toMatch(/\b(open|valid|new|completed|ringing)\b/);
    await sim(`/sim/calls/${callSid}/hangup`, {});

    const wrap = agent.getByTestId('wrap-up');
    await wrap.waitFor(WITHIN);
    const select = wrap.locator('select[name=disposition]');
    await select.locator('option[value=claim-filed]').waitFor({ state: 'attached', ...WITHIN });
    const options = await select.locator('option').allTextContents();
    expect(options).toContain('已登记理赔');
    expect(options).toContain('转介二手车市场');
    expect(options).not.toContain('已派车救援'); // the rescue line's, not this hotline's
    await select.selectOption('claim-filed');
    await wrap.locator('textarea[name=notes]').fill('变速箱异响，已登记理赔');
    await shot(agent, 'wrap-up-hotline-codes');
    await wrap.getByRole('button', { name: '保存并结束' }).click();
    await agent.getByTestId('agent-state').getByText('空闲').waitFor(WITHIN);
    expect(await floor.stack.store.calls.get(callSid)).toMatchObject({
      disposition: 'claim-filed',
      notes: '变速箱异响，已登记理赔',
    });
  }, 30_000);

  it("the customer's timeline shows the call with its outcome and notes, and the text, newest first", async () => {
    await sim('/sim/messages', { from: JOHN_SMITH, to: WARRANTY, body: 'Any news on my claim?' });
    await agent.fill('input[name=q]', 'John Smith');
    await agent.getByRole('button', { name: '搜索', exact: true }).click();
    await agent.getByTestId('results').getByText('John Smith').click();
    await agent.waitForURL(/\/agent\/customers\//);
    const timeline = agent.getByTestId('timeline');
    const call = timeline.locator('li[data-kind=call]').filter({ hasText: '已登记理赔' });
    await call.waitFor(WITHIN);
    expect(await call.textContent()).toContain('变速箱异响，已登记理赔');
    expect(await call.textContent()).toContain('呼入电话');
    await timeline
      .locator('li[data-kind=sms]')
      .filter({ hasText: 'Any news on my claim?' })
      .first()
      .waitFor(WITHIN);
    const kinds = await timeline
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
    // The text came after the call, so it is listed above it.
    expect(kinds.indexOf('sms')).toBeLessThan(kinds.indexOf('call'));
    // The call was recorded (the agent's leg, both sides): its recording plays from the timeline.
    const recording = timeline.locator('li[data-kind=recording]').first();
    await recording.waitFor(WITHIN);
    await recording.getByRole('button', { name: /播放/ }).click();
    await recording.locator('audio').waitFor({ state: 'attached', ...WITHIN });
    await shot(agent, 'customer-timeline');
  }, 30_000);
});
