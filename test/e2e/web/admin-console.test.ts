// The console's forwarding, SMS templates and scoring form designer in Chromium, in Chinese and in English,
// on one demo stack: the admin opens each page from /admin, a wrong duty phone and an unknown template
// variable are named beside their field in the page's language, the corrected settings are saved (stored,
// versioned); an agent picks the new template for a customer on their record and sends it filled in; a
// supervisor designs a form (a bad id and a repeated criterion id named beside them), then a new version.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForwardingSetting } from '../../../functions/domain/forwarding.js';
import type { SmsTemplatesSetting } from '../../../functions/domain/sms-templates.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

const TEXT = {
  zh: {
    flow: 'rescue',
    badPhone: '不是有效的电话号码',
    saved: '已保存。',
    badVariable: '{plate} 含有不认识的变量',
    template: {
      id: 'console-zh',
      name: '理赔进度',
      text: '{name}您好，您的理赔 {claimNumber} 正在处理，客服 {agentName}，热线 {hotline}。',
    },
    agent: '1001',
    customer: { id: 'cus-0001', phone: '+8613800138000', name: '王建国' },
    badId: '编号只能用小写字母',
    formSaved: '已保存：console-zh 第 1 版。',
  },
  en: {
    flow: 'it-support',
    badPhone: 'is not a valid phone number',
    saved: 'Saved.',
    badVariable: '{plate} uses a variable that does not exist',
    template: {
      id: 'console-en',
      name: 'Call us back',
      text: 'Dear {name}, {agentName} here: call {hotline}.',
    },
    agent: '1002',
    customer: { id: 'cus-0004', phone: '+14155550123', name: 'John Smith' },
    duplicate: 'is used twice; ids must be unique',
    formSaved: 'Saved: console-zh version 2.',
  },
} as const;

describe.runIf(browserAvailable())('forwarding, SMS templates and the form designer in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  const open = async (lang: 'en' | 'zh', id: string, path: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
    await signIn(page, stack.url, id, path);
    return page;
  };
  const fromAdmin = async (page: Page, section: string, path: RegExp) => {
    await page.getByTestId('admin-link').click();
    await page.waitForURL(/\/admin$/, WITHIN);
    await page.getByTestId(`admin-section-${section}`).getByRole('link').click();
    await page.waitForURL(path, WITHIN);
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

    it(`${lang}: forwards a hotline to a duty phone, a wrong number named beside it`, async () => {
      const page = await open(lang, 'admin', '/agent');
      await fromAdmin(page, 'forwarding', /\/admin\/forwarding$/);
      const line = page.getByTestId(`forward-${t.flow}`);
      await line.locator('input[name=on]').check();
      await line.locator('input[name=number]').fill('12ab');
      await line.locator('input[name=noAgentAfterSeconds]').fill('120');
      await page.getByRole('button', { name: lang === 'zh' ? '保存' : 'Save' }).click();
      const error = page.getByTestId(`error-hotlines.${t.flow}.number`);
      await error.waitFor(WITHIN);
      expect(await error.textContent()).toBe(t.badPhone);
      await shot(page, `admin-forwarding-error-${lang}`);

      await line.locator('input[name=number]').fill('139 0013 9000');
      await page.getByRole('button', { name: lang === 'zh' ? '保存' : 'Save' }).click();
      await page.getByTestId('forwarding-status').getByText(t.saved).waitFor(WITHIN);
      expect(await error.count()).toBe(0);
      const stored = await stack.store.settings.get<ForwardingSetting>('forwarding');
      expect(stored?.hotlines[t.flow]).toEqual({
        number: '+8613900139000',
        afterHours: true,
        noAgentAfterSeconds: 120,
        ringSeconds: 20,
      });
      const versions = (await stack.store.settings.get<{ versions: unknown[] }>('history:forwarding'))
        ?.versions;
      await page.getByTestId('forwarding-history').getByTestId(`version-${versions?.length}`).waitFor(WITHIN);
      await shot(page, `admin-forwarding-${lang}`);
    }, 60_000);

    it(`${lang}: adds an SMS template, an unknown variable named; an agent sends it filled in`, async () => {
      const admin = await open(lang, 'admin', '/agent');
      await fromAdmin(admin, 'sms-templates', /\/admin\/sms-templates$/);
      const count =
        (await stack.store.settings.get<SmsTemplatesSetting>('sms-templates'))?.templates.length ?? 0;
      await admin.getByTestId(`template-${count - 1}`).waitFor(WITHIN);
      await admin.getByTestId('add-template').click();
      const box = admin.getByTestId(`template-${count}`);
      await box.locator('input[name=id]').fill(t.template.id);
      await box.locator('input[name=name-zh]').fill(t.template.name);
      await box.locator('input[name=name-en]').fill(t.template.name);
      await box.locator('textarea[name=text-zh]').fill(`${t.template.text} {plate}`);
      await box.locator('textarea[name=text-en]').fill(t.template.text);
      // Said as it is typed, and by the server on a save.
      expect(await admin.getByTestId(`live-${count}-zh`).textContent()).toContain(t.badVariable);
      await admin.getByRole('button', { name: lang === 'zh' ? '保存' : 'Save' }).click();
      const error = admin.getByTestId(`error-templates.${count}.text.zh`);
      await error.waitFor(WITHIN);
      await shot(admin, `admin-sms-templates-error-${lang}`);
      await box.locator('textarea[name=text-zh]').fill(t.template.text);
      await admin.getByRole('button', { name: lang === 'zh' ? '保存' : 'Save' }).click();
      await admin.getByTestId('templates-status').getByText(t.saved).waitFor(WITHIN);
      const stored = await stack.store.settings.get<SmsTemplatesSetting>('sms-templates');
      expect(stored?.templates.at(-1)).toMatchObject({ id: t.template.id, text: { zh: t.template.text } });
      await admin.getByTestId('templates-history').getByTestId('version-1').waitFor(WITHIN);

      const agent = await open(lang, t.agent, `/agent/customers/${t.customer.id}`);
      const reply = agent.getByTestId('sms-reply');
      await reply.waitFor(WITHIN);
      await reply.locator('select[name=language]').selectOption(lang);
      await reply.locator('select[name=template]').selectOption(t.template.id);
      const body = reply.locator('textarea[name=body]');
      const me = await stack.store.users.get(t.agent);
      const claims = (await stack.store.tickets.byCustomer(t.customer.id)).items.filter(
        (tk) => tk.type === 'claim' && !['resolved', 'closed', 'cancelled'].includes(tk.status),
      );
      const filled = await body.inputValue();
      expect(filled).toContain(t.customer.name);
      expect(filled).toContain(me?.name);
      expect(filled).not.toContain('{name}');
      if (lang === 'zh') expect(filled).toContain(claims[0]?.number);
      // The agent may still change it before sending.
      await body.fill(`${filled} 谢谢`);
      await reply.getByRole('button', { name: lang === 'zh' ? '发送短信' : 'Send text' }).click();
      await reply
        .getByTestId('sms-status')
        .getByText(lang === 'zh' ? '短信已发送。' : 'Text sent.')
        .waitFor(WITHIN);
      const thread = await stack.store.messaging.thread(t.customer.phone, { limit: 5 });
      expect(thread.items.some((m) => m.body === `${filled} 谢谢` && m.agentId === t.agent)).toBe(true);
      await shot(agent, `desk-sms-template-${lang}`);
    }, 60_000);

    it(`${lang}: designs a scoring form, refusals named beside their field`, async () => {
      const page = await open(lang, '2001', '/quality');
      await page.getByTestId('qa-tab-forms').click();
      const designer = page.getByTestId('qa-designer');
      await designer.waitFor(WITHIN);
      if (lang === 'zh') {
        await designer.locator('input[name=id]').fill('Bad Id');
        await designer.locator('input[name="name.zh"]').fill('投诉处理质检表');
        await designer.locator('input[name="name.en"]').fill('Complaint handling');
        await designer.locator('input[name="sections.0.name.zh"]').fill('安抚');
        await designer.locator('input[name="sections.0.name.en"]').fill('Calming');
        await designer.locator('input[name="sections.0.criteria.0.name.zh"]').fill('先致歉');
        await designer.locator('input[name="sections.0.criteria.0.name.en"]').fill('Apologises first');
        await designer.getByTestId('qa-add-criterion-0').click();
        await designer.locator('input[name="sections.0.criteria.1.name.zh"]').fill('不与客户争辩');
        await designer.locator('input[name="sections.0.criteria.1.name.en"]').fill('Never argues');
        await designer.locator('input[name="sections.0.criteria.1.points"]').fill('0');
        await designer.locator('input[name="sections.0.criteria.1.autoFail"]').check();
        await designer.getByTestId('qa-designer-save').click();
        const error = designer.getByTestId('error-id');
        await error.waitFor(WITHIN);
        expect(await error.textContent()).toContain(TEXT.zh.badId);
        await designer.locator('input[name=id]').fill('console-zh');
      } else {
        await designer.getByTestId('qa-designer-base').selectOption('console-zh');
        await designer.getByTestId('qa-add-section').click();
        await designer.locator('input[name="sections.1.name.zh"]').fill('结束');
        await designer.locator('input[name="sections.1.name.en"]').fill('Closing');
        await designer.locator('input[name="sections.1.criteria.0.id"]').fill('criterion-1');
        await designer.locator('input[name="sections.1.criteria.0.name.zh"]').fill('确认问题已解决');
        await designer.locator('input[name="sections.1.criteria.0.name.en"]').fill('Confirms it is solved');
        await designer.getByTestId('qa-designer-save').click();
        const error = designer.getByTestId('error-sections.1.criteria.0.id');
        await error.waitFor(WITHIN);
        expect(await error.textContent()).toBe(TEXT.en.duplicate);
        await designer.locator('input[name="sections.1.criteria.0.id"]').fill('confirms-solved');
      }
      await designer.getByTestId('qa-designer-save').click();
      await designer.getByTestId('qa-designer-status').getByText(t.formSaved).waitFor(WITHIN);
      const form = await stack.store.quality.getForm('console-zh');
      expect(form?.version).toBe(lang === 'zh' ? 1 : 2);
      expect(form?.sections[0]?.criteria[1]).toMatchObject({ points: 0, autoFail: true });
      if (lang === 'en') expect(form?.sections[1]?.criteria[0]?.id).toBe('confirms-solved');
      await shot(page, `quality-designer-${lang}`);
    }, 60_000);
  }
});
