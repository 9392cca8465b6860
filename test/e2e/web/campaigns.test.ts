// Outbound campaigns in Chromium on the demo floor (a weekday morning in Shanghai on a running sim clock, so
// calling windows are open whatever the hour), in Chinese and in English: supervisor 2001 opens /campaigns,
// has a calling window before 08:00 refused in the page's language beside the field, creates the campaign,
// chooses a CSV file with a bad number and a duplicate, previews it (the two rows named with their reasons,
// nothing stored), imports it, starts the campaign and sees its progress and contacts. Then a preview
// campaign with a script and a questionnaire: agent 1003, Available, is rung with the contact and the
// campaign's script on the screen, answers, the contact is dialled and answers, the agent records their
// answers to the questionnaire, the contact hangs up, the agent records a disposition, and the supervisor's
// progress shows the conversion.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, shot } from './browser.js';
import { type Floor, openFloor, WITHIN } from './floor.js';

const SUPERVISOR = '2001';
const AGENT = '1003';
const CONTACT = '+8613800138555';

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
  let floor: Floor;
  const stack = () => floor.stack;

  beforeAll(async () => {
    floor = await openFloor();
  }, 120_000);

  afterAll(async () => {
    await floor?.close();
  });

  /** A supervisor's page in `lang`, signed in, at /campaigns. */
  const open = (lang: 'zh' | 'en'): Promise<Page> => floor.page(SUPERVISOR, { lang, path: '/campaigns' });

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
      expect((await stack().store.campaigns.list()).some((c) => c.name === t.name)).toBe(false);
      await submitCampaign(page, t.name, '09:00');
      const progress = page.getByTestId('campaign-progress');
      await progress.getByRole('heading', { name: t.name }).waitFor(WITHIN);
      const campaign = (await stack().store.campaigns.list()).find((c) => c.name === t.name);
      expect(campaign?.status).toBe('draft');

      // A file Excel saved in GBK is refused as it is chosen, naming it and the fix; read as UTF-8, its
      // Chinese names would be stored scrambled.
      await page.getByTestId('campaign-csv').setInputFiles({
        name: 'gbk.csv',
        mimeType: 'text/csv',
        buffer: Buffer.concat([
          Buffer.from('phone,name\n+8613800138107,'),
          Buffer.from([0xd6, 0xdc, 0xbe, 0xc5]), // 周九 in GBK
          Buffer.from('\n'),
        ]),
      });
      await page
        .getByTestId('campaign-import-status')
        .getByText(lang === 'zh' ? 'gbk.csv：不是 UTF-8 编码' : 'gbk.csv: is not UTF-8', { exact: false })
        .waitFor(WITHIN);
      expect(await page.getByTestId('campaign-import').isDisabled()).toBe(true);

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
      // The row it repeats, in the page's language.
      expect(
        await page.getByTestId('campaign-rejected-4').getByTestId('rejected-detail').textContent(),
      ).toContain(lang === 'zh' ? '与第 1 行重复' : 'is already in row 1');
      expect((await stack().store.campaigns.get(campaign?.id ?? ''))?.counts.contacts).toBe(0);
      await shot(page, `campaign-preview-${lang}`);

      await page.getByTestId('campaign-import').click();
      await page.getByTestId('campaign-import-status').getByText(t.imported).waitFor(WITHIN);
      await progress.getByTestId('campaign-figure-contacts').getByText('3').waitFor(WITHIN);

      // Started: the status and the figures follow, and the contacts are listed.
      await page.getByTestId('campaign-start').click();
      await page.getByTestId('campaign-status').getByText(t.running).waitFor(WITHIN);
      expect((await stack().store.campaigns.get(campaign?.id ?? ''))?.status).toBe('running');
      const contacts = page.getByTestId('campaign-contacts');
      await contacts.getByText('+8613800138101').waitFor(WITHIN);
      await contacts.getByText('+8613800138103').waitFor(WITHIN);
      expect(await contacts.getByText('+8613800138101').count()).toBe(1);
      await shot(page, `campaign-running-${lang}`);
      // Stopped, so its contacts are not dialled while the preview story runs.
      const started = await stack().store.campaigns.get(campaign?.id ?? '');
      await stack().store.campaigns.update(campaign?.id ?? '', started?.version ?? 0, { status: 'stopped' });
      await page.context().close();
    });
  }

  it('en: a preview call rings the agent with the contact and script, then the disposition shows in progress', async () => {
    await floor.sim('/sim/callees', { number: CONTACT, answer: 'human', afterSeconds: 1 });
    const agent = await floor.page(AGENT, { lang: 'en', available: true });
    const page = await open('en');
    await page.getByTestId('campaign-new').click();
    const form = page.getByTestId('campaign-form');
    await form.locator('input[name=name]').fill('Service follow-up');
    await form.locator('select[name=mode]').selectOption('preview');
    await form.locator('select[name=queue]').selectOption('general');
    await form.locator('select[name=scriptId]').selectOption('warranty-g-inquiry');
    await form.locator('select[name=questionnaireId]').selectOption('follow-up-visit');
    await page.getByTestId('campaign-create').click();
    const progress = page.getByTestId('campaign-progress');
    await progress.getByRole('heading', { name: 'Service follow-up' }).waitFor(WITHIN);
    await page.getByTestId('campaign-csv').setInputFiles({
      name: 'follow-up.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`phone,name\n${CONTACT},Wang Fang\n`, 'utf8'),
    });
    await page.getByTestId('campaign-import').click();
    await progress.getByTestId('campaign-figure-contacts').getByText('1').waitFor(WITHIN);
    await page.getByTestId('campaign-start').click();
    await page.getByTestId('campaign-status').getByText('Running').waitFor(WITHIN);

    // The dialler's round offers the contact to the agent, who sees them and the campaign's script first.
    await stack().runPeriodicJobs();
    const incoming = agent.getByTestId('incoming');
    await incoming.waitFor(WITHIN);
    await incoming.getByTestId('campaign-offer').waitFor(WITHIN);
    await agent.getByTestId('findings').getByText('Service follow-up').waitFor(WITHIN);
    await agent.getByTestId('findings').getByText('Wang Fang').waitFor(WITHIN);
    await agent.getByTestId('guided-script').waitFor(WITHIN);
    await shot(agent, 'campaign-preview-offer');
    await incoming.getByRole('button', { name: /Accept/ }).click();

    // Answering dials the contact, who picks up; then hangs up, and the agent wraps up.
    let leg: { callSid: string; status: string } | undefined;
    for (let i = 0; i < 50 && leg?.status !== 'in-progress'; i++) {
      const { calls } = await floor.sim<{ calls: { callSid: string; to: string; status: string }[] }>(
        '/sim/calls',
      );
      leg = calls.find((c) => c.to === CONTACT);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(leg?.status).toBe('in-progress');
    await agent.getByTestId('agent-state').getByText('On call').waitFor(WITHIN);
    // The campaign's questionnaire beside the call: the contact's answers are kept on them.
    const questions = agent.getByTestId('campaign-questionnaire');
    await questions.locator('select[name=answer-solved]').selectOption('true');
    await questions.locator('select[name=answer-score]').selectOption('9');
    await questions.getByTestId('campaign-answers-save').click();
    await questions.getByTestId('campaign-answers-status').getByText('Answers saved').waitFor(WITHIN);
    await floor.sim(`/sim/calls/${leg?.callSid}/hangup`, {});
    const wrap = agent.getByTestId('wrap-up');
    await wrap.waitFor(WITHIN);
    await wrap.locator('select[name=disposition]').selectOption('interested');
    await wrap.getByRole('button', { name: 'Save and finish' }).click();
    await agent.getByTestId('agent-state').getByText('Available').waitFor(WITHIN);

    const campaign = (await stack().store.campaigns.list()).find((c) => c.name === 'Service follow-up');
    expect(await stack().store.campaigns.getContact(campaign?.id ?? '', '000001')).toMatchObject({
      status: 'done',
      disposition: 'interested',
      agentId: AGENT,
      answers: { solved: true, score: 9 },
    });
    await progress.getByTestId('campaign-figure-conversions').getByText('1').waitFor(WITHIN);
    await shot(page, 'campaign-preview-progress');
  }, 90_000);
});
