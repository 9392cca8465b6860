// The admin console and its holiday calendar in Chromium, in Chinese and in English: the admin opens the
// console from the header, then the calendar; adds a holiday (marked on the month grid, stored), imports a
// CSV with one bad row (the row named by its line; nothing saved until confirmed), confirms, and restores
// an earlier version. An agent sees no Admin link and a refusal at the path.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HolidayCalendar } from '../../../functions/domain/holiday-calendar.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
// The page opens on the browser's year.
const YEAR = new Date().getFullYear();

const TEXT = {
  zh: {
    calendarSection: '节假日与调休',
    title: '节假日日历',
    add: '添加',
    saved: '已保存。',
    preview: '预览',
    line3: '第 3 行：日期无效（应为 YYYY-MM-DD）',
    csv: `日期,名称,类型\n${YEAR}-12-30,跨年,节假日\n${YEAR}-02-30,坏日子,节假日\n${YEAR}-12-27,年会调休,调休\n`,
    holiday: { date: `${YEAR}-12-24`, name: '公司年会' },
    file: '假日.csv',
  },
  en: {
    calendarSection: 'Holidays and make-up days',
    title: 'Holiday calendar',
    add: 'Add',
    saved: 'Saved.',
    preview: 'Preview',
    line3: 'Line 3: unknown kind: holiday or workday',
    csv: `date,name,kind\n${YEAR}-11-20,Founders Day,holiday\n${YEAR}-11-21,Picnic,party\n${YEAR}-11-22,Make-up,workday\n`,
    holiday: { date: `${YEAR}-11-13`, name: 'Staff training' },
    file: 'days.csv',
  },
} as const;

describe.runIf(browserAvailable())('the admin console and the holiday calendar in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  const open = async (lang: 'en' | 'zh', id: string, path: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
    await signIn(page, stack.url, id, path);
    return page;
  };
  const stored = () => stack.store.settings.get<HolidayCalendar>('calendar:cn');
  const kindOf = (page: Page, date: string) => page.getByTestId(`day-${date}`).getAttribute('data-kind');
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
    it(`${lang}: adds a holiday, imports a CSV with a bad row named, confirms, restores`, async () => {
      const page = await open(lang, 'admin', '/agent');
      await page.getByTestId('admin-link').click();
      await page.waitForURL(/\/admin$/, WITHIN);
      for (const id of ['users', 'whitelist', 'calendar', 'prompts'])
        await page.getByTestId(`admin-section-${id}`).waitFor(WITHIN);
      await shot(page, `admin-home-${lang}`);
      await page.getByTestId('admin-section-calendar').getByRole('link').click();
      await page.waitForURL(/\/admin\/calendar$/, WITHIN);
      await page.getByRole('heading', { name: t.title }).waitFor(WITHIN);
      await page.getByTestId('calendar-year').getByText(String(YEAR)).waitFor(WITHIN);
      const versionsBefore =
        (await stack.store.settings.get<{ versions: unknown[] }>('history:calendar:cn'))?.versions.length ??
        0;

      // A holiday added by its date and name: marked on the grid and stored.
      const form = page.getByTestId('add-day');
      await form.locator('input[name=date]').fill(t.holiday.date);
      await form.locator('input[name=name]').fill(t.holiday.name);
      await form.locator('select[name=kind]').selectOption('holiday');
      await form.getByRole('button', { name: t.add }).click();
      await page.getByTestId('calendar-status').getByText(t.saved).waitFor(WITHIN);
      await until(async () => (await kindOf(page, t.holiday.date)) === 'holiday');
      expect((await stored())?.holidays[t.holiday.date]).toBe(t.holiday.name);

      // An import previewed: the bad row named by its line, nothing saved until confirmed.
      const box = page.getByTestId('calendar-import');
      await box.locator('input[name=file]').setInputFiles({
        name: t.file,
        mimeType: 'text/csv',
        buffer: Buffer.from(t.csv, 'utf8'),
      });
      await box.getByRole('button', { name: t.preview }).click();
      await box.getByTestId('problem-line-3').waitFor(WITHIN);
      expect(await box.getByTestId('problem-line-3').textContent()).toBe(t.line3);
      expect(await box.getByTestId('import-problems').locator('li').count()).toBe(1);
      const [first, , made] = t.csv
        .split('\n')
        .slice(1)
        .map((row) => row.split(',')[0] ?? '');
      expect((await stored())?.holidays[first ?? '']).toBeUndefined();
      await shot(page, `admin-calendar-preview-${lang}`);
      await box.getByTestId('confirm-import').click();
      await until(async () => (await kindOf(page, first ?? '')) === 'holiday');
      await until(async () => (await kindOf(page, made ?? '')) === 'workday');
      expect((await stored())?.makeUpDays[made ?? '']).toBeDefined();

      // The version the added holiday left comes back: the imported days go, the holiday stays.
      const history = page.getByTestId('calendar-history');
      const added = versionsBefore + 1;
      await history.getByTestId(`version-${added + 1}`).waitFor(WITHIN);
      await history.getByTestId(`restore-${added}`).click();
      await history.getByTestId(`version-${added + 2}`).waitFor(WITHIN);
      await until(async () => (await kindOf(page, first ?? '')) !== 'holiday');
      expect(await kindOf(page, t.holiday.date)).toBe('holiday');
      expect((await stored())?.holidays[first ?? '']).toBeUndefined();
      const audit = (await stack.store.audit.byActor('admin')).items;
      expect(audit.some((e) => e.action === 'calendar.replace.restore')).toBe(true);
      await shot(page, `admin-calendar-${lang}`);
    }, 90_000);
  }

  it('warns that next year has no holidays entered, until one is', async () => {
    const page = await open('en', 'admin', '/admin/calendar');
    const warning = page.getByTestId('next-year-empty');
    await warning.getByText(`${YEAR + 1} has no public holidays entered yet`).waitFor(WITHIN);
    const form = page.getByTestId('add-day');
    await form.locator('input[name=date]').fill(`${YEAR + 1}-01-01`);
    await form.locator('input[name=name]').fill('New Year');
    await form.getByRole('button', { name: 'Add' }).click();
    await page.getByTestId('calendar-status').getByText('Saved.').waitFor(WITHIN);
    await warning.waitFor({ state: 'detached', ...WITHIN });
  });

  it('an agent sees no Admin link, and a refusal at the path', async () => {
    const page = await open('en', '1001', '/admin/calendar');
    await page.getByTestId('admins-only').waitFor(WITHIN);
    expect(await page.getByTestId('admin-link').count()).toBe(0);
  });
});
