// The queues and wrap-up settings pages in Chromium, in Chinese and in English, on one stack: the admin
// opens each from the console's home; a value out of range is refused in the page's language naming the
// queue or hotline and what is allowed; a good value is saved; on wrap-up an outcome is added and one
// hidden; an earlier version is restored through the shared history box.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuesSetting } from '../../../functions/domain/queue-settings.js';
import type { WrapUpSetting } from '../../../functions/domain/wrap-up-settings.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

const TEXT = {
  zh: {
    queuesTitle: '队列设置',
    wrapUpTitle: '话后处理设置',
    save: '保存',
    add: '添加',
    hide: '隐藏',
    saved: '已保存。',
    waitingRefused: '救援调度 · 排队上限（人）：排队上限须为 1 到 1000 之间的整数',
    secondsRefused: '汽车救援热线 · 话后处理时长（秒）：话后处理时长须为 5 到 900 之间的整数秒',
    rescueLine: '汽车救援热线',
    limit: 4,
    seconds: 40,
    code: { code: 'tow-later', zh: '稍后拖车', en: 'Tow booked for later' },
    hideCode: 'wrong-number',
  },
  en: {
    queuesTitle: 'Queue settings',
    wrapUpTitle: 'Wrap-up settings',
    save: 'Save',
    add: 'Add',
    hide: 'Hide',
    saved: 'Saved.',
    waitingRefused:
      'Roadside rescue · Waiting limit (callers): must be a whole number of callers from 1 to 1000',
    secondsRefused: 'Roadside rescue · Wrap-up time (s): must be a whole number of seconds from 5 to 900',
    rescueLine: 'Roadside rescue',
    limit: 6,
    seconds: 50,
    code: { code: 'battery-swap', zh: '更换电瓶', en: 'Battery swapped' },
    hideCode: 'callback-needed',
  },
} as const;

describe.runIf(browserAvailable())('the queues and wrap-up settings in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  const open = async (lang: 'en' | 'zh', id: string, path: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
    await signIn(page, stack.url, id, path);
    return page;
  };
  const versions = async (name: string) =>
    (await stack.store.settings.get<{ versions: unknown[] }>(`history:${name}`))?.versions.length ?? 0;
  const queues = () => stack.store.settings.get<QueuesSetting>('queues');
  const wrapUp = () => stack.store.settings.get<WrapUpSetting>('wrap-up');
  const until = async (check: () => Promise<boolean>) => {
    const end = Date.now() + WITHIN.timeout;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('the page did not show it in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const lang of ['zh', 'en'] as const) {
    const t = TEXT[lang];
    it(`${lang}: queues and wrap-up refused in the page's language, saved, restored`, async () => {
      const page = await open(lang, 'admin', '/admin');

      // Queues: a waiting limit of 0 refused, naming the queue and what is allowed; a good one saved.
      await page.getByTestId('admin-section-queues').getByRole('link').click();
      await page.waitForURL(/\/admin\/queues$/, WITHIN);
      await page.getByRole('heading', { name: t.queuesTitle }).waitFor(WITHIN);
      const before = await versions('queues');
      const rescue = page.getByTestId('queue-rescue');
      await rescue.locator('input[name="rescue.maxWaiting"]').fill('0');
      await page.getByTestId('queues-form').getByRole('button', { name: t.save }).click();
      await page.getByTestId('queues-status').getByText(t.waitingRefused).waitFor(WITHIN);
      expect(await versions('queues')).toBe(before);
      await rescue.locator('input[name="rescue.maxWaiting"]').fill(String(t.limit));
      await page.getByTestId('queues-form').getByRole('button', { name: t.save }).click();
      await page.getByTestId('queues-status').getByText(t.saved).waitFor(WITHIN);
      expect((await queues())?.queues.rescue?.maxWaiting).toBe(t.limit);
      await shot(page, `admin-queues-${lang}`);
      // Edited again, the form no longer says it is saved; the value typed back matches the stored one.
      await rescue.locator('input[name="rescue.maxWaiting"]').fill(String(t.limit + 1));
      await page.getByTestId('queues-status').waitFor({ state: 'detached', ...WITHIN });
      await rescue.locator('input[name="rescue.maxWaiting"]').fill(String(t.limit));
      // The version before this save comes back (the other language's, or the built-in rule).
      const history = page.getByTestId('queues-history');
      await history.getByTestId(`version-${before + 1}`).waitFor(WITHIN);
      if (before > 0) {
        await history.getByTestId(`restore-${before}`).click();
        await history.getByTestId(`version-${before + 2}`).waitFor(WITHIN);
        expect((await queues())?.queues.rescue?.maxWaiting).toBe(TEXT.zh.limit);
        const limit = page.getByTestId('queue-rescue').locator('input[name="rescue.maxWaiting"]');
        await until(async () => (await limit.inputValue()) === String(TEXT.zh.limit));
      }

      // Wrap-up: a time of 3 s refused; then a good time, a new outcome and a hidden one, saved.
      await page.goto(`${stack.url}/admin`);
      await page.getByTestId('admin-section-wrap-up').getByRole('link').click();
      await page.waitForURL(/\/admin\/wrap-up$/, WITHIN);
      await page.getByRole('heading', { name: t.wrapUpTitle }).waitFor(WITHIN);
      const wrapBefore = await versions('wrap-up');
      const form = page.getByTestId('wrap-up-form');
      await form.locator('select[name=hotline]').selectOption({ label: t.rescueLine });
      await form.locator('input[name=seconds]').fill('3');
      await form.getByRole('button', { name: t.save }).click();
      await page.getByTestId('wrap-up-status').getByText(t.secondsRefused).waitFor(WITHIN);
      await form.locator('input[name=seconds]').fill(String(t.seconds));
      const adding = page.getByTestId('add-disposition');
      await adding.locator('input[name=code]').fill(t.code.code);
      await adding.locator('input[name=zh]').fill(t.code.zh);
      await adding.locator('input[name=en]').fill(t.code.en);
      await adding.getByRole('button', { name: t.add }).click();
      await page.getByTestId(`code-${t.code.code}`).waitFor(WITHIN);
      await page.getByTestId(`code-${t.hideCode}`).getByRole('button', { name: t.hide }).click();
      await form.getByRole('button', { name: t.save }).click();
      await page.getByTestId('wrap-up-status').getByText(t.saved).waitFor(WITHIN);
      const saved = (await wrapUp())?.hotlines.rescue;
      expect(saved?.seconds).toBe(t.seconds);
      expect(saved?.dispositions?.find((d) => d.code === t.code.code)?.label).toEqual({
        zh: t.code.zh,
        en: t.code.en,
      });
      expect(saved?.dispositions?.find((d) => d.code === t.hideCode)?.hidden).toBe(true);
      await shot(page, `admin-wrap-up-${lang}`);
      const wrapHistory = page.getByTestId('wrap-up-history');
      await wrapHistory.getByTestId(`version-${wrapBefore + 1}`).waitFor(WITHIN);
      if (wrapBefore > 0) {
        await wrapHistory.getByTestId(`restore-${wrapBefore}`).click();
        await wrapHistory.getByTestId(`version-${wrapBefore + 2}`).waitFor(WITHIN);
        expect((await wrapUp())?.hotlines.rescue?.seconds).toBe(TEXT.zh.seconds);
        await page.getByTestId(`code-${TEXT.zh.code.code}`).waitFor(WITHIN);
      }
      const audit = (await stack.store.audit.byActor('admin')).items.map((e) => e.action);
      expect(audit).toEqual(expect.arrayContaining(['queues.replace', 'wrap-up.replace']));
      if (lang === 'en')
        expect(audit).toEqual(expect.arrayContaining(['queues.replace.restore', 'wrap-up.replace.restore']));
    }, 90_000);
  }
});
