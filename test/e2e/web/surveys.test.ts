// The surveys page in Chromium: the week's results per question and agent for a supervisor; an admin sets
// a hotline to ask by keypad, adds a question (a refused one named in the page's language), and restores
// the earlier version from the history. English and Chinese.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveysSetting } from '../../../functions/domain/surveys.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('the surveys page, in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;

  const open = async (lang: 'en' | 'zh', user: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
    await signIn(page, stack.url, user, '/surveys');
    return page;
  };
  const stored = async () => (await stack.store.settings.get<SurveysSetting>('surveys')) as SurveysSetting;

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
    // Two customers answered the follow-up visit today, one by keypad and one by SMS.
    const now = new Date().toISOString();
    const answered = (
      callSid: string,
      agentId: string,
      channel: 'keypad' | 'sms',
      score: number,
      solved: boolean,
    ) =>
      stack.store.messaging.putSurvey({
        callSid,
        phone: '+8613800138000',
        askedAt: now,
        answeredAt: now,
        completedAt: now,
        channel,
        questionnaire: 'follow-up-visit',
        hotline: 'warranty',
        agentId,
        answers: {
          solved,
          attitude: 1,
          charged: false,
          score,
          ...(channel === 'sms' ? { comments: '师傅很专业' } : {}),
        },
        csat: score,
      });
    await answered(`CA${'a'.repeat(32)}`, '1001', 'keypad', 9, true);
    await answered(`CA${'b'.repeat(32)}`, '1002', 'sms', 6, false);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('in English: a supervisor reads the week’s results per question and agent, and changes nothing', async () => {
    const page = await open('en', '2001');
    const results = page.getByTestId('survey-results');
    await results
      .getByTestId('survey-totals')
      .getByText(/Answered 2/)
      .waitFor(WITHIN);
    expect(await results.getByTestId('survey-totals').textContent()).toContain('CSAT (1-10) 7.5');
    expect(await results.getByTestId('question-solved').textContent()).toContain('Yes 1 · No 1');
    expect(await results.getByTestId('question-score').textContent()).toContain('Average 7.5');
    expect(await results.getByTestId('question-comments').textContent()).toContain('师傅很专业');
    const byAgent = await results.getByTestId('survey-by-agent').textContent();
    expect(byAgent).toContain('1001');
    expect(byAgent).toContain('1002');
    // The hotline filter names the lines, not their flows' ids.
    expect(await page.locator('select[name=hotline] option').allTextContents()).toEqual([
      expect.any(String),
      'Car Care warranty hotline',
      'Roadside rescue',
      'IT support',
    ]);
    // Only admins change what is asked.
    expect(await page.getByTestId('survey-lines').count()).toBe(0);
    await shot(page, 'surveys-results-en');
    await page.context().close();
  });

  it('in English: an admin sets the warranty line to the keypad, adds a question, and restores', async () => {
    const page = await open('en', 'admin');
    const lines = page.getByTestId('survey-lines');
    await lines.waitFor(WITHIN);
    await lines.locator('select[name=questionnaire-warranty]').selectOption('follow-up-visit');
    await lines.locator('select[name=channel-warranty]').selectOption('keypad');
    await lines.getByTestId('save-lines').click();
    await page.getByTestId('survey-status').getByText('Saved: applies from the next call.').waitFor(WITHIN);
    expect((await stored()).hotlines.warranty).toEqual({
      questionnaire: 'follow-up-visit',
      channel: 'keypad',
    });

    // A question id used twice is refused and named.
    const visit = page.getByTestId('questionnaire-follow-up-visit');
    await visit.getByText('Add a question').click();
    const form = visit.getByTestId('add-question-follow-up-visit');
    await form.locator('input[name=id]').fill('solved');
    await form.locator('input[name=zh]').fill('回访是否及时？');
    await form.locator('input[name=en]').fill('Was the follow-up on time?');
    await form.getByRole('button', { name: 'Add' }).click();
    const refusal = page.getByTestId('survey-status');
    await refusal.getByText(/used twice/).waitFor(WITHIN);
    // What was typed stays, to be corrected.
    expect(await form.locator('input[name=en]').inputValue()).toBe('Was the follow-up on time?');
    await form.locator('input[name=id]').fill('on-time');
    await form.getByRole('button', { name: 'Add' }).click();
    await visit.getByTestId('q-follow-up-visit-on-time').waitFor(WITHIN);
    const visitQuestions = (await stored()).questionnaires.find((q) => q.id === 'follow-up-visit')?.questions;
    expect(visitQuestions?.at(-1)).toEqual({
      id: 'on-time',
      kind: 'yesno',
      text: { zh: '回访是否及时？', en: 'Was the follow-up on time?' },
    });

    // Back to the first saved version: the keypad line, without the new question.
    const history = page.getByTestId('survey-history');
    await history.getByTestId('version-2').waitFor(WITHIN);
    await history.getByTestId('restore-1').click();
    await page.getByTestId('survey-status').getByText('Version 1 restored.').waitFor(WITHIN);
    await visit.getByTestId('q-follow-up-visit-on-time').waitFor({ state: 'detached', ...WITHIN });
    expect((await stored()).hotlines.warranty?.channel).toBe('keypad');
    await shot(page, 'surveys-admin-en');
    await page.context().close();
  });

  it('in Chinese: the results and the settings read in Chinese', async () => {
    const page = await open('zh', 'admin');
    await page.getByRole('heading', { name: '满意度调查' }).waitFor(WITHIN);
    const results = page.getByTestId('survey-results');
    await results
      .getByTestId('survey-totals')
      .getByText(/已回答 2/)
      .waitFor(WITHIN);
    expect(await results.getByTestId('question-solved').textContent()).toContain('是 1 · 否 1');
    const lines = page.getByTestId('survey-lines');
    expect(await lines.locator('select[name=channel-warranty]').inputValue()).toBe('keypad');
    await lines.locator('select[name=questionnaire-rescue]').selectOption('');
    await lines.getByTestId('save-lines').click();
    await page.getByTestId('survey-status').getByText('已保存，下一通电话起生效。').waitFor(WITHIN);
    expect((await stored()).hotlines.rescue).toBeUndefined();
    await shot(page, 'surveys-admin-zh');
    await page.context().close();
  });
});
