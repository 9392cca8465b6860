// Recorded prompts (/admin/prompts) in Chromium, in English and in Chinese: the admin uploads a WAV and
// plays it back, sees a text file named .wav and a recording too long refused with the reason in the page's
// language, assigns the recording to the warranty greeting (stored and audited), clears it and restores it
// from the history.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROMPT_ASSIGNMENTS_SETTING,
  type PromptAssignments,
} from '../../../functions/domain/prompts/prompt-library.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { mp3Bytes, wavBytes } from '../../support/audio-files.js';
import { browserAvailable, ensureWebBuild, launch, shot, signIn } from './browser.js';

const WITHIN = { timeout: 15_000 };

describe.runIf(browserAvailable())('the recorded prompts page in Chromium', () => {
  let stack: LocalStack;
  let browser: Browser;
  let en: Page;
  let zh: Page;

  const page = async (lang: 'en' | 'zh') => {
    const context = await browser.newContext({
      locale: lang === 'en' ? 'en-US' : 'zh-CN',
      viewport: { width: 1360, height: 900 },
    });
    const p = await context.newPage();
    await p.addInitScript((l) => localStorage.setItem('cc-lang', l), lang);
    return p;
  };
  const pick = (p: Page, name: string, bytes: Uint8Array) =>
    p.getByTestId('prompt-file').setInputFiles({ name, mimeType: 'audio/wav', buffer: Buffer.from(bytes) });
  const assignments = () => stack.store.settings.get<PromptAssignments>(PROMPT_ASSIGNMENTS_SETTING);

  beforeAll(async () => {
    await ensureWebBuild();
    stack = await startLocalStack({ port: 0, demoData: true });
    browser = await launch();
    [en, zh] = [await page('en'), await page('zh')];
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('uploads a WAV and plays it back', async () => {
    await signIn(en, stack.url, 'admin', '/admin/prompts');
    await en.getByTestId('prompts-page').waitFor(WITHIN);
    await pick(en, 'welcome-zh.wav', wavBytes(2));
    await en.getByTestId('prompt-name').fill('Warranty welcome (zh)');
    await en.getByTestId('prompt-upload-button').click();
    const row = en.locator('[data-testid=prompt-row][data-prompt="Warranty welcome (zh)"]');
    await row.waitFor(WITHIN);
    expect(await row.textContent()).toContain('WAV');
    expect(await row.textContent()).toContain('2.0 s');
    await row.getByRole('button', { name: /Play/ }).click();
    const audio = row.locator('audio');
    await audio.waitFor(WITHIN);
    // The browser reads the file through its presigned URL: the length it finds is the recording's.
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.duration), WITHIN).toBeCloseTo(2, 1);
  });

  it('refuses a text file named .wav, saying why and what is allowed', async () => {
    await pick(en, 'fake.wav', new TextEncoder().encode('this is a text file, not a recording'));
    await en.getByTestId('prompt-upload-button').click();
    await en
      .getByTestId('prompt-upload-error')
      .getByText('File: is not a WAV or MP3 recording; upload a WAV (PCM) or MP3 file')
      .waitFor(WITHIN);
  });

  it('assigns the recording to the warranty greeting', async () => {
    const select = en.getByTestId('assign-warranty-greet-zh');
    await select.selectOption({ label: 'Warranty welcome (zh)' });
    // The English side takes only English recordings: the Chinese one is not offered there.
    expect(await en.getByTestId('assign-warranty-greet-en').locator('option').allInnerTexts()).toEqual([
      '(speech)',
    ]);
    await en.getByTestId('prompt-save').click();
    await en.getByTestId('prompt-saved').waitFor(WITHIN);
    const stored = await assignments();
    const id = stored?.flows.warranty?.greet?.zh;
    expect(id).toBeDefined();
    await en.locator('[data-testid=prompt-version][data-version="1"]').waitFor(WITHIN);
    const audit = await stack.store.audit.byActor('admin');
    expect(audit.items.find((e) => e.action === 'prompt-assignments.replace')).toMatchObject({
      detail: { before: 'default', after: { flows: { warranty: { greet: { zh: id } } } } },
    });
    await shot(en, 'admin-prompts-en');
  });

  it('in Chinese: refuses a recording too long, clears the greeting and restores it from the history', async () => {
    await signIn(zh, stack.url, 'admin', '/admin/prompts');
    await zh.getByTestId('prompts-page').waitFor(WITHIN);
    await zh.getByRole('heading', { name: '录音提示音' }).waitFor(WITHIN);
    await pick(zh, '太长.wav', wavBytes(121));
    await zh.getByTestId('prompt-upload-button').click();
    await zh
      .getByTestId('prompt-upload-error')
      .getByText('文件：时长超过 120 秒，录音最长 120 秒')
      .waitFor(WITHIN);
    // An MP3 goes in as hold music for the general queue.
    await zh
      .getByTestId('prompt-file')
      .setInputFiles({ name: 'music.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from(mp3Bytes(4)) });
    await zh.getByTestId('prompt-name').fill('等待音乐');
    await zh.getByTestId('prompt-upload-button').click();
    await zh.locator('[data-testid=prompt-row][data-prompt="等待音乐"]').waitFor(WITHIN);

    const greeting = zh.getByTestId('assign-warranty-greet-zh');
    expect(await greeting.locator('option:checked').textContent()).toBe('Warranty welcome (zh)');
    await greeting.selectOption({ label: '（语音合成）' });
    await zh.getByTestId('hold-general-zh').selectOption({ label: '等待音乐' });
    await zh.getByTestId('prompt-save').click();
    await zh.getByTestId('prompt-saved').getByText('已保存，下一通来电生效').waitFor(WITHIN);
    await expect.poll(async () => (await assignments())?.flows.warranty, WITHIN).toBeUndefined();
    expect((await assignments())?.hold.general?.zh).toBeDefined();

    await zh.getByTestId('restore-1').click();
    await zh
      .locator('[data-testid=prompt-version][data-version="3"]')
      .getByText('恢复自版本 1')
      .waitFor(WITHIN);
    await expect.poll(async () => (await assignments())?.flows.warranty?.greet?.zh, WITHIN).toBeDefined();
    await expect
      .poll(() => zh.getByTestId('assign-warranty-greet-zh').locator('option:checked').textContent(), WITHIN)
      .toBe('Warranty welcome (zh)');
    await shot(zh, 'admin-prompts-zh');

    // Deleting asks first; an assigned recording is refused, naming where it plays; a free one goes.
    const welcome = zh.locator('[data-testid=prompt-row][data-prompt="Warranty welcome (zh)"]');
    await welcome.getByRole('button', { name: '删除' }).click();
    await welcome.getByTestId('prompt-delete-confirm').getByRole('button', { name: '确认删除' }).click();
    await zh.getByTestId('prompt-delete-error').getByText('爱车保服务热线', { exact: false }).waitFor(WITHIN);
    await welcome.waitFor(WITHIN);
    const music = zh.locator('[data-testid=prompt-row][data-prompt="等待音乐"]');
    await music.getByRole('button', { name: '删除' }).click();
    await music.getByTestId('prompt-delete-confirm').getByRole('button', { name: '取消' }).click();
    await music.getByRole('button', { name: '删除' }).click();
    await music.getByTestId('prompt-delete-confirm').getByRole('button', { name: '确认删除' }).click();
    await music.waitFor({ state: 'detached', ...WITHIN });
  });
});
