// Bulk SMS in Chromium, as a supervisor: a send to a customer segment made as a draft, its first texts and
// counts previewed, started, and its progress seen as the texts go out (the Chinese labels are checked by
// test/web/labels-bulk-sms.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, shot } from './browser.js';
import { type Floor, openFloor, WITHIN } from './floor.js';

describe.runIf(browserAvailable())('bulk SMS, in Chromium', () => {
  let floor: Floor;
  beforeAll(async () => {
    floor = await openFloor(); // 10:00 in Shanghai, 21:00 the evening before in New York
  }, 120_000);
  afterAll(() => floor?.close());

  it('makes a draft from a segment, previews it, starts it and shows its progress', async () => {
    const page = await floor.page('2001', { path: '/bulk-sms' });
    await page.getByTestId('bulk-sms-page').waitFor(WITHIN);
    const form = page.getByTestId('bulk-sms-form');
    await form.getByTestId('bulk-name').fill('Gold care');
    await form.getByTestId('bulk-own-text').check();
    await form.getByTestId('bulk-text-zh').fill('{name}您好，感谢您的支持。');
    await form.getByTestId('bulk-text-en').fill('Dear {name}, thank you for your trust.');
    await form.getByTestId('bulk-tier').selectOption('gold');
    await form.getByTestId('bulk-make-draft').click();

    const detail = page.getByTestId('bulk-sms-detail');
    await detail.waitFor(WITHIN);
    expect(await detail.getByTestId('bulk-status').textContent()).toBe('Draft');
    expect(await detail.getByTestId('bulk-count-recipients').textContent()).toBe('4');
    const preview = detail.getByTestId('bulk-preview');
    await preview.getByText('王建国您好，感谢您的支持。').waitFor(WITHIN);
    await preview.getByText('Dear Emily Johnson, thank you for your trust.').waitFor(WITHIN);

    await detail.getByTestId('bulk-start').click();
    await detail.getByTestId('bulk-status').getByText('Sending').waitFor(WITHIN);
    // The Chinese customers are texted now; New York's evening is quiet until 08:00 there.
    await detail.getByTestId('bulk-count-delivered').getByText('3').waitFor({ timeout: 30_000 });
    expect(await detail.getByTestId('bulk-count-waiting-quiet-hours').textContent()).toBe('1');
    expect(await detail.getByTestId('bulk-delivery-rate').textContent()).toBe('100%');
    expect(Number(await detail.getByTestId('bulk-progress').getAttribute('value'))).toBe(75);
    await detail.locator('[data-testid="bulk-recipient"][data-status="waiting-quiet-hours"]').waitFor(WITHIN);
    await shot(page, 'bulk-sms');
    const sent = await floor.sim<{ messages: { body: string }[] }>('/sim/messages?to=%2B8613800138000');
    expect(sent.messages).toEqual(
      expect.arrayContaining([expect.objectContaining({ body: '王建国您好，感谢您的支持。' })]),
    );
  }, 90_000);

  it('refuses a list file that is not UTF-8 as it is chosen, naming it and the fix', async () => {
    const page = await floor.page('2001', { path: '/bulk-sms', lang: 'zh' });
    const form = page.getByTestId('bulk-sms-form');
    await form.getByTestId('bulk-audience-csv').check();
    await form.getByTestId('bulk-csv').setInputFiles({
      name: '名单.csv',
      mimeType: 'text/csv',
      // 电话 (the phone column) and a number, in GBK as Excel in China saves it.
      buffer: Buffer.concat([Buffer.from([0xb5, 0xe7, 0xbb, 0xb0]), Buffer.from('\n+8613800138107\n')]),
    });
    await page
      .getByTestId('bulk-error')
      .getByText('名单.csv：不是 UTF-8 编码', { exact: false })
      .waitFor(WITHIN);
    // Nothing readable was chosen: making the draft sends nothing, and the file's own reason stays
    // (not "choose a file", which one was).
    await form.getByTestId('bulk-name').fill('名单测试');
    await form.getByTestId('bulk-make-draft').click();
    await page.waitForTimeout(300);
    await page
      .getByTestId('bulk-error')
      .getByText('名单.csv：不是 UTF-8 编码', { exact: false })
      .waitFor(WITHIN);
    expect(await page.getByTestId('bulk-sms-detail').count()).toBe(0);
    // With no file at all, it asks for one.
    await form.getByTestId('bulk-csv').setInputFiles([]);
    await form.getByTestId('bulk-make-draft').click();
    await page.getByTestId('bulk-error').getByText('请先选择 CSV 文件').waitFor(WITHIN);
    // Customer tiers by their names, not their codes.
    await form.getByTestId('bulk-audience-segment').check();
    expect(await form.getByTestId('bulk-tier').locator('option').allTextContents()).toEqual([
      expect.any(String),
      '普通客户',
      '银卡',
      '金卡',
      '白金卡',
    ]);
  }, 60_000);
});
