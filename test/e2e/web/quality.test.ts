// Quality scoring in Chromium on the demo stack: a dual-channel recording of agent 1001's call stored as the
// recording job stores one (media in the local S3, metadata in the table), with the transcript Twilio would
// give back. A supervisor, in Chinese, opens the review queue (the call flagged: no thanks said), plays the
// call, pins comments at a transcript line and at the play time, marks the demo form and saves, then
// sees the score in the agent report on /reports. An admin, in English, scores the same call differently
// and sees the calibration difference. The agent, in English, reads the score and disputes it.
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTranscript } from '../../../functions/app/quality/transcripts.js';
import { DEMO_FORM } from '../../../functions/domain/quality/demo-form.js';
import { criteriaOf } from '../../../functions/domain/quality/form.js';
import { formatCenterTime } from '../../../web/src/center-time.js';
import { browserAvailable, shot } from './browser.js';
import { type Floor, openFloor } from './floor.js';

const WITHIN = { timeout: 15_000 };
const SID = `RE${'9'.repeat(32)}`;
const SECONDS = 20;

/** A 20 s stereo 8 kHz WAV: a tone on channel 1 (the customer), another on channel 2 (the agent). */
function wav(): Uint8Array {
  const rate = 8000;
  const frames = rate * SECONDS;
  const data = Buffer.alloc(frames * 4);
  for (let i = 0; i < frames; i++) {
    data.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 4);
    data.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 660 * i) / rate)), i * 4 + 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return new Uint8Array(Buffer.concat([header, data]));
}

async function markAll(page: Page, except: Record<string, 'fail' | 'na'>) {
  for (const c of criteriaOf(DEMO_FORM))
    await page.locator(`input[name="mark-${c.id}"][value="${except[c.id] ?? 'pass'}"]`).check();
}

/** Plays the call (muted: headless Chromium plays without a gesture only then) and stops at `at` seconds. */
async function playTo(page: Page, at: number) {
  await page.getByTestId('qa-load').click();
  await page.getByTestId('qa-audio').waitFor(WITHIN);
  await page.waitForFunction(
    () =>
      ((document.querySelector('[data-testid=qa-audio]') as HTMLAudioElement | null)?.readyState ?? 0) >= 1,
    null,
    WITHIN,
  );
  await page.evaluate(async (seconds) => {
    const audio = document.querySelector('[data-testid=qa-audio]') as HTMLAudioElement;
    audio.muted = true;
    await audio.play();
    audio.pause();
    audio.currentTime = seconds;
  }, at);
}

describe.runIf(browserAvailable())('quality scoring in Chromium', () => {
  let floor: Floor;
  let startedAt = '';
  let supervisor: Page;

  beforeAll(async () => {
    floor = await openFloor();
    const body = wav();
    const sha256 = createHash('sha256').update(body).digest('hex');
    const s3Key = `recordings/quality-test/${SID}.wav`;
    await floor.stack.channels.channels.media.put(s3Key, body, { contentType: 'audio/wav', sha256 });
    // An hour ago on the center's clock, so the page's default range (the last seven days to the center's
    // today) holds it whatever the hour the test runs at.
    startedAt = new Date(floor.stack.clock.now() - 3_600_000).toISOString();
    await floor.stack.store.recordings.save({
      sid: SID,
      kind: 'call',
      callSid: `CA${'9'.repeat(32)}`,
      startedAt,
      durationSeconds: SECONDS,
      channels: 2,
      source: 'DialVerb',
      caller: '+8613800138000',
      agentId: '1001',
      ticketNumbers: [],
      s3Key,
      contentType: 'audio/wav',
      sizeBytes: body.length,
      sha256,
      storedAt: startedAt,
    });
    const rec = await floor.stack.store.recordings.get(SID);
    if (!rec) throw new Error('seed recording');
    // What Twilio's transcription of the two channels gives back: the agent never thanks the caller.
    await recordTranscript(
      floor.stack,
      rec,
      [
        { channel: 2, speaker: 'agent', startSeconds: 0.6, endSeconds: 3, text: '您好，很高兴为您服务。' },
        { channel: 1, speaker: 'customer', startSeconds: 3.4, endSeconds: 7, text: '我家宽带又断了。' },
        {
          channel: 2,
          speaker: 'agent',
          startSeconds: 12.2,
          endSeconds: 15,
          text: '请问还有什么可以帮到您？',
        },
      ],
      'test',
    );
  }, 120_000);

  afterAll(async () => {
    await floor?.close();
  });

  it('a supervisor opens the queue, plays the call, pins a comment and scores it (Chinese)', async () => {
    // A browser in New York still reads the call's time on the center's clock.
    supervisor = await floor.page('2001', { lang: 'zh', path: '/quality', timezoneId: 'America/New_York' });
    const row = supervisor.locator(`[data-testid=qa-queue-row][data-sid=${SID}]`);
    await row.getByText('未评分').waitFor(WITHIN);
    expect(await row.getByTestId('center-time').textContent()).toBe(
      formatCenterTime(Date.parse(startedAt), 'Asia/Shanghai', 'zh', Date.parse(startedAt)),
    );
    await row.getByTestId('qa-row-flags').getByText('缺少 感谢来电').waitFor(WITHIN);
    // The sampling rule with no random draw keeps the flagged call, saying why.
    await supervisor.fill('input[name=sample]', '0');
    await supervisor.getByTestId('qa-queue').getByRole('button', { name: '查询' }).click();
    await row.getByTestId('qa-row-flags').getByText('话术告警').waitFor(WITHIN);
    await row.getByTestId('qa-open').click();
    await supervisor.getByTestId('qa-transcript').getByText('我家宽带又断了。').waitFor(WITHIN);
    // Nothing marked yet: no score, rather than 100% of nothing.
    expect(await supervisor.getByTestId('qa-preview').count()).toBe(0);
    await supervisor.fill('input[name=comment]', '客户诉求清楚');
    await supervisor.getByTestId('qa-line').nth(1).getByRole('button').click();
    await supervisor.getByTestId('qa-comments').getByText('0:03.4 客户诉求清楚').waitFor(WITHIN);
    await playTo(supervisor, 7.5);
    await supervisor.fill('input[name=comment]', '开场未报工号');
    await supervisor.getByTestId('qa-pin').click();
    await supervisor.getByTestId('qa-comments').getByText('0:07.5 开场未报工号').waitFor(WITHIN);
    await markAll(supervisor, { 'anything-else': 'fail' });
    await supervisor.getByTestId('qa-preview').getByText('95.0 分（95/100）').waitFor(WITHIN);
    await supervisor.fill('textarea[name=overall]', '整体规范，结束语需加强');
    await supervisor.getByTestId('qa-save').click();
    await supervisor.getByTestId('qa-saved').getByText('评分已保存：95.0 分').waitFor(WITHIN);
    await shot(supervisor, 'quality-score-zh');

    const [score] = await floor.stack.store.quality.scoresOfRecording(SID);
    expect(score).toMatchObject({
      agentId: '1001',
      scoredBy: '2001',
      comments: [
        { atSeconds: 3.4, text: '客户诉求清楚' },
        { atSeconds: 7.5, text: '开场未报工号' },
      ],
      result: { percent: 95, autoFailed: false },
    });
  });

  it('the score appears in the agent report', async () => {
    await supervisor.getByTestId('reports-link').click();
    const row = supervisor.getByTestId('quality').getByTestId('qa-report-row').filter({ hasText: '1001' });
    await row.getByTestId('qa-average').getByText('95.0').waitFor(WITHIN);
    expect(await row.getByTestId('qa-flagged').textContent()).toBe('1');
    await shot(supervisor, 'quality-report-zh');
  });

  it('an admin scores the same call and sees the calibration difference (English)', async () => {
    const admin = await floor.page('admin', { lang: 'en', path: '/quality' });
    const row = admin.locator(`[data-testid=qa-queue-row][data-sid=${SID}]`);
    await row.getByTestId('qa-row-scores').getByText('95.0').waitFor(WITHIN);
    await row.getByTestId('qa-open').click();
    await markAll(admin, { greeting: 'fail', 'identity-check': 'fail' });
    await admin.getByTestId('qa-preview').getByText('Auto-fail: the score is 0').waitFor(WITHIN);
    await admin.locator('input[name="mark-identity-check"][value="pass"]').check();
    await admin.getByTestId('qa-preview').getByText('90.0 (90/100)').waitFor(WITHIN);
    await admin.getByTestId('qa-save').click();
    await admin.getByTestId('qa-saved').getByText('Score saved: 90.0').waitFor(WITHIN);
    await admin.getByTestId('qa-difference').getByText('Difference 5.0 points').waitFor(WITHIN);
    await shot(admin, 'quality-calibration-en');
  });

  it('the agent reads the scores and disputes one (English)', async () => {
    const agent = await floor.page('1001', { lang: 'en', path: '/quality' });
    const mine = agent.getByTestId('qa-my-score').filter({ hasText: '90.0' });
    await mine.waitFor(WITHIN);
    await mine.locator('input[name=reason]').fill('I greeted with my staff number at 0:02');
    await mine.getByRole('button', { name: 'Send dispute' }).click();
    await mine.getByTestId('qa-dispute-state').getByText('Dispute open').waitFor(WITHIN);
    await shot(agent, 'quality-dispute-en');
    const resolved = await floor.stack.store.quality.openDisputes();
    expect(resolved.map((s) => s.scoredBy)).toEqual(['admin']);
  });
});
