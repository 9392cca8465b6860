// The supervisor's wallboard in Chromium on the drivable clock, callers placed through the sim API and
// agents driven through the agent API: an agent on a call is On call and not counted available; a caller
// ringing an agent is still waiting, beside the longest wait measured over the same tasks; an offer that
// rings out shows the agent Missed and counts as missed today for the queue and the agent; an agent on
// Busy is Away; and the service level uses the queue's own threshold from settings (60 s for general: a
// call accepted after 38 s meets it, where a fixed 20 s would not).
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_LEVEL_SETTING } from '../../../functions/domain/wallboard-rules.js';
import { type AgentHarness, type Session, startAgents, WARRANTY } from '../agent/support.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const STRANGER = '+14155550999';

describe.runIf(browserAvailable())('the wallboard in Chromium', () => {
  let h: AgentHarness;
  let browser: Browser;
  let supervisor: Page;
  let a1002: Session;
  let a1003: Session;
  let a1004: Session;
  let first: string;

  const tile = (queue: string): Locator => supervisor.getByTestId(`queue-${queue}`);
  const stateOf = (agentId: string): Locator =>
    supervisor.getByTestId(`agent-${agentId}`).getByTestId('state');
  const sim = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${h.stack.url}/sim${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await h.settle();
    return (await res.json()) as T;
  };
  /** Moves the clock second by second; the agents' pages stay alive (a heartbeat every 5 s). */
  const advance = async (seconds: number) => {
    for (let t = 1; t <= seconds; t++) {
      await h.advance(1);
      if (t % 5 === 0) for (const a of [a1002, a1003, a1004]) await a.post('/agent/heartbeat');
    }
  };
  /** Moves the clock past the board's shared cache, so the console's next poll reads afresh. */
  const fresh = () => advance(3);

  beforeAll(async () => {
    await ensureWebBuild();
    h = await startAgents(); // Monday 10:00 in Shanghai, on a manual clock
    await h.stack.store.settings.put(SERVICE_LEVEL_SETTING, { queues: { general: 60 } });
    [a1002, a1003, a1004] = [await h.as('1002'), await h.as('1003'), await h.as('1004')];
    await h.party('1002', 'answer');
    await h.party('1003', 'ring'); // rings without answering: the offer rings out
    browser = await launch();
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
    supervisor = await context.newPage();
    await supervisor.addInitScript(() => localStorage.setItem('cc-lang', 'en'));
    await signIn(supervisor, h.stack.url, '2001', '/supervisor');
    await supervisor.getByTestId('wallboard').waitFor(WITHIN);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  it('shows an agent on a call On call, and not available for the queue', async () => {
    await a1002.post('/agent/state', { state: 'Available' });
    await a1004.post('/agent/state', { state: 'Busy' });
    first = await h.callGeneral(); // John Smith, answered by 1002 at once
    await fresh();
    await stateOf('1002').getByText('On call').waitFor(WITHIN);
    await stateOf('1004').getByText('Away · Busy').waitFor(WITHIN);
    // White text on a colour of the state's own, never on the page's background.
    const colours = await stateOf('1004').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colours).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
    await tile('general').getByTestId('available-agents').getByText('0', { exact: true }).waitFor(WITHIN);
    await tile('general').getByTestId('waiting').getByText('0', { exact: true }).waitFor(WITHIN);
  });

  it('counts a caller ringing an agent as waiting, beside the longest wait', async () => {
    await a1003.post('/agent/state', { state: 'Available' });
    // A caller we do not know: no owner agent to wait for; English, then the general queue.
    const { callSid } = await sim<{ callSid: string }>('/calls', { from: STRANGER, to: WARRANTY });
    await sim(`/calls/${callSid}/input`, { digits: '2' });
    await sim(`/calls/${callSid}/input`, { digits: '7' });
    await advance(16); // past the region step: offered to 1003, whose client rings
    await fresh();
    await stateOf('1003').getByText('Ringing').waitFor(WITHIN);
    const general = tile('general');
    await general.getByTestId('waiting').getByText('1', { exact: true }).waitFor(WITHIN);
    await general.getByTestId('longest-wait').getByText('00:19').waitFor(WITHIN);
    await shot(supervisor, 'wallboard-ringing');
    // Six tiles across a laptop screen: every figure stays inside its tile, however long its label.
    const tileBox = await general.boundingBox();
    for (const figure of await general.locator('dd').all()) {
      const box = await figure.boundingBox();
      expect(box && tileBox && box.x + box.width).toBeLessThanOrEqual(
        (tileBox?.x ?? 0) + (tileBox?.width ?? 0),
      );
    }
  });

  it('shows an agent whose offer rang out as Missed, the caller still waiting', async () => {
    await advance(16); // 1003's client rang out: the offer timed out, 1003 is Missed, the caller waits on
    await fresh();
    await stateOf('1003').getByText('Missed').waitFor(WITHIN);
    await tile('general').getByTestId('waiting').getByText('1', { exact: true }).waitFor(WITHIN);
    // The miss is counted today for the queue and for the agent; nobody else missed one.
    await tile('general').getByTestId('missed-today').getByText('1', { exact: true }).waitFor(WITHIN);
    await supervisor
      .getByTestId('agent-1003')
      .getByTestId('missed-today')
      .getByText('Missed today 1')
      .waitFor(WITHIN);
    expect(await supervisor.getByTestId('agent-1002').getByTestId('missed-today').count()).toBe(0);
  });

  it("measures the service level against the queue's own threshold", async () => {
    // John Smith hangs up; 1002 ends wrap-up at once and takes the stranger, who has waited 38 s.
    await h.hangup(first);
    await a1002.post('/agent/state', { state: 'Available' });
    await fresh();
    await stateOf('1002').getByText('On call').waitFor(WITHIN);
    const general = tile('general');
    await general.getByText('Service level today (60 s)').waitFor(WITHIN);
    // Both calls accepted within the queue's 60 s.
    await general.getByTestId('service-level').getByText('100%').waitFor(WITHIN);
    await general.getByTestId('waiting').getByText('0', { exact: true }).waitFor(WITHIN);
    // 1003 missed a call and is in Missed (not available) until they clear it.
    expect(await general.getByTestId('available-agents').textContent()).toBe('0');
    await stateOf('1003').getByText('Missed').waitFor(WITHIN);
    await shot(supervisor, 'wallboard-service-level');
  });
});
