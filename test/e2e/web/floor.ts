// The floor most browser tests need: the local stack with demo data on a running simulated clock (a
// weekday morning in the center's zone, so the hotlines are open whatever the hour), Chromium, and agent
// pages signed in, in a chosen language, connected and, if asked, Available.
import type { Browser, Page } from 'playwright-core';
import { createSimClock } from '../../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { jsonClient } from '../../support/sim.js';
import { ensureWebBuild, launch, signIn } from './browser.js';

export const WITHIN = { timeout: 15_000 };
export const JOHN_SMITH = '+14155550123'; // cus-0004, platinum, English; menu key 7 queues to "general"
export const WARRANTY = '+18005550100';

/** What the desk shows for a connected link and the Available state, by page language. */
const WORDS = {
  en: { connected: 'Connected', available: 'Available' },
  zh: { connected: '已连接', available: '空闲' },
} as const;

export interface Floor {
  readonly stack: LocalStack;
  readonly browser: Browser;
  /** The sim API and the REST API as plain JSON calls. */
  readonly sim: <T>(path: string, body?: unknown) => Promise<T>;
  /** A new browser page signed in as `id` at `path` (default the desk), in `lang`. */
  page(
    id: string,
    options?: { lang?: 'en' | 'zh'; path?: string; available?: boolean; timezoneId?: string },
  ): Promise<Page>;
  close(): Promise<void>;
}

export async function openFloor(startIso = '2026-12-07T10:00:00+08:00'): Promise<Floor> {
  await ensureWebBuild();
  const clock = createSimClock({
    startMs: Date.parse(startIso),
    running: true,
    onTimerError: (err) => console.error('timer failed', err),
  });
  const stack = await startLocalStack({ port: 0, demoData: true, clock, periodicJobs: true });
  const browser = await launch();
  return {
    stack,
    browser,
    sim: jsonClient(() => stack.url),
    async page(id, { lang = 'en', path = '/agent', available = false, timezoneId } = {}) {
      const context = await browser.newContext({
        locale: lang === 'zh' ? 'zh-CN' : 'en-US',
        viewport: { width: 1360, height: 900 },
        ...(timezoneId ? { timezoneId } : {}),
      });
      await context.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
      const page = await context.newPage();
      await signIn(page, stack.url, id, path);
      if (path === '/agent')
        await page.getByTestId('link-state').getByText(WORDS[lang].connected).waitFor(WITHIN);
      if (available) {
        await page.getByRole('button', { name: WORDS[lang].available, exact: true }).click();
        await page.getByTestId('agent-state').getByText(WORDS[lang].available).waitFor(WITHIN);
      }
      return page;
    },
    async close() {
      await browser.close();
      await stack.stop();
    },
  };
}
