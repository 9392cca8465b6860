// Reports (/reports) in Chromium on a local stack whose history was written through the real path: four
// calls over the two days before today (three answered by two agents, one abandoned) recorded as events
// and call records, then rolled up by the minute job. The supervisor opens the page from the header and
// sees the totals the calls make, the charts drawn, the agent ranking sorted both ways, the call log with
// each call's outcome, customer, recording and ticket, the agent states, and a CSV that Excel reads in
// Chinese. An agent sees no link and a leads-only message at the path.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../../functions/app/history/history.js';
import type { NewCenterEvent } from '../../../functions/domain/history/event.js';
import { localMidnight } from '../../../functions/domain/history/report.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { addDays, centerToday } from '../../../web/src/reports/dates.js';
import { createCapturingLogger } from '../../support/capturing-logger.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const HOTLINE = '+18005550100';

interface Call {
  readonly sid: string;
  readonly day: string;
  /** Local time of day the call came in, in minutes after midnight. */
  readonly minute: number;
  readonly region: string;
  readonly wait: number;
  /** Who answered and how long each part of the handling took; absent: the caller hung up waiting. */
  readonly agent?: { id: string; talk: number; hold: number; wrap: number };
}

/** The events a call leaves in the history, as the webhooks and TaskRouter's events write them. */
function eventsOf(call: Call, timeZone: string): NewCenterEvent[] {
  const start = localMidnight(call.day, timeZone) + call.minute * 60_000;
  const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
  const base = { callSid: call.sid, hotline: HOTLINE, queue: 'general', region: call.region, language: 'zh' };
  const events: NewCenterEvent[] = [
    { id: `r:${call.sid}`, at: at(0), type: 'call.received', ...base },
    { id: `q:${call.sid}`, at: at(20), type: 'call.queued', ...base },
  ];
  const a = call.agent;
  if (!a)
    return [
      ...events,
      {
        id: `x:${call.sid}`,
        at: at(20 + call.wait),
        type: 'call.abandoned',
        ...base,
        n: { waitSeconds: call.wait },
      },
    ];
  const answered = 20 + call.wait;
  return [
    ...events,
    {
      id: `a:${call.sid}`,
      at: at(answered),
      type: 'call.answered',
      ...base,
      agent: a.id,
      n: { waitSeconds: call.wait },
    },
    {
      id: `h:${call.sid}`,
      at: at(answered + a.talk + a.hold + a.wrap),
      type: 'call.handled',
      ...base,
      agent: a.id,
      n: { talkSeconds: a.talk, holdSeconds: a.hold, wrapSeconds: a.wrap },
    },
  ];
}

describe.runIf(browserAvailable())('the Reports page in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let supervisor: Page;
  let agent: Page;
  let calls: Call[];
  const logger = createCapturingLogger();
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    const timeZone = stack.config.timeZone;
    const today = centerToday(stack.clock.now(), timeZone);
    const [dayA, dayB] = [addDays(today, -2), addDays(today, -1)];
    calls = [
      {
        sid: 'CArep0001',
        day: dayA,
        minute: 600,
        region: 'BJ',
        wait: 10,
        agent: { id: '1001', talk: 200, hold: 0, wrap: 40 },
      },
      {
        sid: 'CArep0002',
        day: dayA,
        minute: 620,
        region: 'SH',
        wait: 30,
        agent: { id: '1002', talk: 100, hold: 0, wrap: 20 },
      },
      {
        sid: 'CArep0003',
        day: dayB,
        minute: 850,
        region: 'BJ',
        wait: 5,
        agent: { id: '1001', talk: 300, hold: 30, wrap: 30 },
      },
      { sid: 'CArep0004', day: dayB, minute: 870, region: 'BJ', wait: 40 },
    ];
    const history = createHistory({ store: stack.store, clock: stack.clock, timeZone, logger });
    const states: NewCenterEvent[] = [dayA, dayB].flatMap((day) =>
      (['1001', '1002'] as const).flatMap((id) =>
        (
          [
            ['available', 1800],
            ['busy', 600],
            ['away', 300],
          ] as const
        ).map(([state, seconds]) => ({
          id: `s:${id}:${day}:${state}`,
          at: new Date(localMidnight(day, timeZone) + 9 * 3_600_000).toISOString(),
          type: 'agent.state' as const,
          agent: id,
          a: { state },
          n: { seconds },
        })),
      ),
    );
    await history.record([...calls.flatMap((c) => eventsOf(c, timeZone)), ...states]);
    for (const c of calls) {
      const startedAt = new Date(localMidnight(c.day, timeZone) + c.minute * 60_000).toISOString();
      await stack.store.calls.record({
        callSid: c.sid,
        direction: 'inbound',
        from: '+8613800000001',
        to: HOTLINE,
        startedAt,
        status: 'completed',
        ...(c.agent ? { agentId: c.agent.id, customerId: 'cus-0001', queue: 'general' } : {}),
      });
    }
    await stack.store.calls.update('CArep0003', { addRecordingSid: 'RErep0003' });
    await stack.store.calls.update('CArep0003', { addTicketNumber: 'T-REP-3' });
    expect(await stack.rollUpHistory()).toBeDefined();
    expect(logger.lines.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);

    browser = await launch();
    const page = async (lang: 'en' | 'zh') => {
      const p = await (
        await browser.newContext({
          locale: 'en-US',
          viewport: { width: 1360, height: 900 },
          acceptDownloads: true,
        })
      ).newPage();
      await p.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
      return p;
    };
    [supervisor, agent] = [await page('en'), await page('en')];
    supervisor.on('pageerror', (error) => pageErrors.push(error.message));
    // The desk's own requests may be refused along the way (a 409 on presence); the reports' may not.
    supervisor.on('response', (r) => {
      if (r.url().includes('/api/reports/') && r.status() >= 400) pageErrors.push(`${r.status()} ${r.url()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const kpi = (id: string) => supervisor.getByTestId(`kpi-${id}`).locator('.kpi-value');

  it('opens from the header and shows the totals the calls make, with every chart drawn', async () => {
    await signIn(supervisor, stack.url, '2001', '/supervisor');
    await supervisor.getByTestId('reports-link').click();
    await supervisor.waitForURL(/\/reports$/, WITHIN);
    // Today the desk's own presence writes history too: the range is the two days the calls were on.
    await supervisor.locator('input[name=from]').fill(calls[0]?.day ?? '');
    await supervisor.locator('input[name=to]').fill(calls[3]?.day ?? '');
    await kpi('offered').getByText('4', { exact: true }).waitFor(WITHIN);
    expect(await kpi('answered').textContent()).toBe('3');
    expect(await kpi('abandoned').textContent()).toBe('1');
    // Answered within 20 s: two of three answered plus one abandoned (not a short abandon).
    expect(await kpi('serviceLevel').textContent()).toBe('50.0%');
    expect(await kpi('answerRate').textContent()).toBe('75.0%');
    expect(await kpi('asa').textContent()).toBe('0:15');
    // (240 + 120 + 360) / 3 seconds handled.
    expect(await kpi('aht').textContent()).toBe('4:00');
    expect(await kpi('handled').textContent()).toBe('3');
    for (const chart of ['trend-chart', 'heatmap-chart', 'region-chart'])
      await supervisor.getByTestId(chart).locator('canvas').first().waitFor(WITHIN);
    expect(await supervisor.getByTestId('report-error').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await supervisor.getByTestId('kpi-row').first().waitFor(WITHIN);
    expect(await supervisor.getByTestId('kpi-row').count()).toBe(2); // the two days with calls
    await shot(supervisor, 'reports-dashboard');
  });

  it('counts the service level against the threshold picked', async () => {
    await supervisor.locator('select[name=slSeconds]').selectOption('30');
    // The 30-second wait now counts: three answered in time of four (no short abandons).
    await kpi('serviceLevel').getByText('75.0%').waitFor(WITHIN);
    await supervisor.locator('select[name=slSeconds]').selectOption('20');
    await kpi('serviceLevel').getByText('50.0%').waitFor(WITHIN);
  });

  it('ranks agents by calls handled and sorts by handle time both ways', async () => {
    const order = () => supervisor.getByTestId('ranking-row').locator('th').allTextContents();
    await expect.poll(order, WITHIN).toEqual(['1001', '1002']);
    await supervisor.getByTestId('sort-aht').click(); // 1001 averages 5:00, 1002 2:00
    expect(await order()).toEqual(['1001', '1002']);
    await supervisor.getByTestId('sort-aht').click();
    expect(await order()).toEqual(['1002', '1001']);
  });

  it('lists the calls newest first with outcome, customer, recording, ticket and path', async () => {
    await supervisor.getByTestId('tab-callLog').click();
    const rows = supervisor.getByTestId('call-row');
    await rows.first().waitFor(WITHIN);
    expect(await rows.count()).toBe(4);
    expect(await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-call-sid')))).toEqual([
      'CArep0004',
      'CArep0003',
      'CArep0002',
      'CArep0001',
    ]);
    expect(await rows.getByTestId('call-outcome').allTextContents()).toEqual([
      'Abandoned',
      'Answered',
      'Answered',
      'Answered',
    ]);
    const answered = rows.nth(1);
    expect(await answered.getByRole('link', { name: 'cus-0001' }).getAttribute('href')).toBe(
      '/agent/customers/cus-0001',
    );
    expect(await answered.getByTestId('call-tickets').textContent()).toBe('T-REP-3');
    expect(await answered.getByTestId('call-recording').textContent()).toContain('p0003');
    expect(await answered.textContent()).toContain('0:05 / 5:00');
    await answered.locator('summary').click();
    await answered.locator('.call-path li').first().waitFor(WITHIN);
    expect(await answered.locator('.call-path li').count()).toBe(4);
    expect(await answered.locator('summary').textContent()).toBe(
      'received › queued general › answered 1001 › handled 1001',
    );

    await supervisor.getByTestId('call-log').locator('input[name=agent]').fill('1002');
    await supervisor.getByTestId('call-log').getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => rows.count(), WITHIN).toBe(1);
    await shot(supervisor, 'reports-call-log');
  });

  it('shows each agent’s time per state and day', async () => {
    await supervisor.getByTestId('tab-agentStates').click();
    const rows = supervisor.getByTestId('state-row');
    await rows.first().waitFor(WITHIN);
    expect(await rows.count()).toBe(4);
    // 1001 on the first day: 30 minutes available, 10 busy, 5 away; one call of 4:00 handled.
    expect(await rows.first().locator('td').allTextContents()).toEqual([
      calls[0]?.day,
      '30:00',
      '10:00',
      '0:00',
      '5:00',
      '45:00',
      '1',
      '4:00',
    ]);
  });

  it('downloads a CSV with a BOM and the Chinese KPI names intact in the Chinese UI', async () => {
    await supervisor.getByRole('button', { name: '中文' }).click();
    await supervisor.getByTestId('tab-dashboard').click();
    const link = supervisor.getByTestId('kpis-csv');
    await link.waitFor(WITHIN);
    expect(await link.getAttribute('href')).toMatch(/format=csv&lang=zh$/);
    const [download] = await Promise.all([supervisor.waitForEvent('download', WITHIN), link.click()]);
    const path = await download.path();
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('服务水平');
    expect(text).toContain('平均处理时长');
    await shot(supervisor, 'reports-zh');
  });

  it('is for supervisors and admins only', async () => {
    await signIn(agent, stack.url, '1002', '/agent');
    expect(await agent.getByTestId('reports-link').count()).toBe(0);
    await agent.goto(`${stack.url}/reports`);
    await agent.getByText('This page needs the supervisor or admin role').waitFor(WITHIN);
    const status = await agent.evaluate(
      async () => (await fetch('/api/reports/kpis?from=2026-12-01&to=2026-12-02&groupBy=day')).status,
    );
    expect(status).toBe(403);
  });
});
