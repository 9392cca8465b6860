// Outbound campaigns in Chromium on the demo stack, in Chinese and in English: supervisor 2001 opens
// /campaigns, has a calling window before 08:00 refused in the page's language beside the field, creates
// the campaign, chooses a CSV file with a bad number and a duplicate, previews it (the two rows named with
// their reasons, nothing stored), imports it, starts the campaign and sees its progress and contacts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };
const SUPERVISOR = '2001';

/** Row 2 a number that cannot be one, row 4 the number of row 1 again. */
const LIST = [
  'phone,name',
  '13800138101,Zhao Lei',
  '12345,Bad Number',
  '13800138102,Qian Fang',
  '138-0013-8101,Zhao Again',
  '13800138103,Sun Li',
].join('\n');

const TEXT = {
  zh: {
    name: '续保提醒（中文）',
    tooEarly: '外呼时段须在客户当地时间 08:00 到 21:00 之间',
    summary: '共 5 行：可导入 3 行，不导入 2 行',
    invalid: '电话号码无效',
    duplicate: '与前面的行号码重复',
    imported: '已导入 3 个联系人',
    running: '进行中',
    pending: '待拨打',
  },
  en: {
    name: 'Renewal reminders (English)',
    tooEarly: "must lie between 08:00 and 21:00 in the contact's local time",
    summary: '5 rows: 3 to import, 2 refused',
    invalid: 'Not a valid phone number',
    duplicate: 'Same number as an earlier row',
    imported: '3 contacts imported',
    running: 'Running',
    pending: 'Pending',
  },
} as const;

describe.runIf(browserAvailable())('outbound campaigns in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A supervisor's page in `lang`, signed in, at /campaigns. */
  const open = async (lang: 'zh' | 'en'): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
    await signIn(page, stack.url, SUPERVISOR, '/campaigns');
    return page;
  };

  /** Fills the new campaign form's name and window, and submits it. */
  const submitCampaign = async (page: Page, name: string, start: string) => {
    const form = page.getByTestId('campaign-form');
    await form.locator('input[name=name]').fill(name);
    await form.locator('input[name="window.start"]').fill(start);
    await page.getByTestId('campaign-create').click();
  };

  for (const lang of ['zh', 'en'] as const) {
    const t = TEXT[lang];
    it(`${lang}: creates a campaign, previews and imports its list, starts it and sees its progress`, async () => {
      const page = await open(lang);
      await page.getByTestId('campaign-new').click();

      // A window opening before 08:00 is refused beside the field, in the page's language; nothing stored.
      await submitCampaign(page, t.name, '07:30');
      await page.getByTestId('error-window.start').getByText(t.tooEarly).waitFor(WITHIN);
      expect((await stack.store.campaigns.list()).some((c) => c.name === t.name)).toBe(false);
      await submitCampaign(page, t.name, '09:00');
      const progress = page.getByTestId('campaign-progress');
      await progress.getByRole('heading', { name: t.name }).waitFor(WITHIN);
      const campaign = (await stack.store.campaigns.list()).find((c) => c.name === t.name);
      expect(campaign?.status).toBe('draft');

      // The list from a file: the preview names the bad number and the duplicate, and stores nothing.
      await page.getByTestId('campaign-csv').setInputFiles({
        name: 'contacts.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(LIST, 'utf8'),
      });
      await page.getByTestId('campaign-preview').click();
      await page.getByTestId('campaign-preview-summary').getByText(t.summary).waitFor(WITHIN);
      await page.getByTestId('campaign-rejected-2').getByText(t.invalid).waitFor(WITHIN);
      await page.getByTestId('campaign-rejected-4').getByText(t.duplicate).waitFor(WITHIN);
      expect((await stack.store.campaigns.get(campaign?.id ?? ''))?.counts.contacts).toBe(0);
      await shot(page, `campaign-preview-${lang}`);

      await page.getByTestId('campaign-import').click();
      await page.getByTestId('campaign-import-status').getByText(t.imported).waitFor(WITHIN);
      await progress.getByTestId('campaign-figure-contacts').getByText('3').waitFor(WITHIN);

      // Started: the status and the figures follow, and the contacts are listed.
      await page.getByTestId('campaign-start').click();
      await page.getByTestId('campaign-status').getByText(t.running).waitFor(WITHIN);
      expect((await stack.store.campaigns.get(campaign?.id ?? ''))?.status).toBe('running');
      const contacts = page.getByTestId('campaign-contacts');
      await contacts.getByText('+8613800138101').waitFor(WITHIN);
      await contacts.getByText('+8613800138103').waitFor(WITHIN);
      expect(await contacts.getByText('+8613800138101').count()).toBe(1);
      await shot(page, `campaign-running-${lang}`);
      await page.context().close();
    });
  }
});
