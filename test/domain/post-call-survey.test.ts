// The post-call survey's pieces without a network: the SMS reply forms ("5", "5 great", "4，很快"), the
// SURVEY_* settings, and which ended calls queue the survey job (with its delay) and which do not.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/config.js';
import type { SmsSession } from '../../functions/domain/channel-ports.js';
import type { Job } from '../../functions/domain/jobs.js';
import type { CallRecord } from '../../functions/domain/model.js';
import type { Store } from '../../functions/domain/ports.js';
import { classify } from '../../functions/domain/sms-bot.js';
import { queuePostCallSurvey } from '../../functions/http/twilio/post-call-survey.js';
import { testConfig } from '../http/harness.js';

const asked: SmsSession = { phone: '+8613800138000', language: 'en', state: 'survey-rating', updatedAt: '' };

describe('survey replies', () => {
  it('reads a rating alone or with a comment in the same text', () => {
    expect(classify('5', asked)).toEqual({ kind: 'survey-rating', rating: 5 });
    expect(classify('5 great', asked)).toEqual({ kind: 'survey-rating', rating: 5, comment: 'great' });
    expect(classify('4，很快', asked)).toEqual({ kind: 'survey-rating', rating: 4, comment: '很快' });
    expect(classify('3 - slow to answer', asked)).toMatchObject({ rating: 3, comment: 'slow to answer' });
    expect(classify('55', asked).kind).toBe('agent');
    expect(classify('5 great', { ...asked, state: 'bot' }).kind).toBe('agent');
  });
});

const env = {
  PUBLIC_BASE_URL: 'https://cc.example.com',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token',
  TABLE_NAME: 'cc',
  BUCKET_NAME: 'cc-recordings',
  SESSION_KEY: 'k'.repeat(32),
};

describe('SURVEY_ENABLED and SURVEY_DELAY_SECONDS', () => {
  it('default on after 60 s; can be turned off and delayed up to 900 s', () => {
    expect(loadConfig(env).channels?.survey).toEqual({ enabled: true, delaySeconds: 60 });
    expect(
      loadConfig({ ...env, SURVEY_ENABLED: 'false', SURVEY_DELAY_SECONDS: '0' }).channels?.survey,
    ).toEqual({ enabled: false, delaySeconds: 0 });
    expect(() => loadConfig({ ...env, SURVEY_ENABLED: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, SURVEY_DELAY_SECONDS: '901' })).toThrow(/SURVEY_DELAY_SECONDS/);
  });
});

describe('which ended calls queue the survey', () => {
  const call: CallRecord = {
    callSid: `CA${'1'.repeat(32)}`,
    direction: 'inbound',
    from: '+8613800138000', // as Twilio sends it (E.164)
    to: '+18005550100',
    startedAt: '2026-03-02T01:30:00.000Z',
    status: 'completed',
    agentId: '1001',
    ticketNumbers: [],
    recordingSids: [],
    createdAt: '',
    updatedAt: '',
    version: 1,
  };
  const store = { customers: { get: async () => undefined } } as unknown as Store;
  function deps(survey?: { enabled: boolean; delaySeconds: number }) {
    const sent: { job: Job; delay?: number }[] = [];
    const base = testConfig('t');
    const config = { ...base, channels: { playbackTtlSeconds: 300, ...(survey ? { survey } : {}) } };
    const jobs = {
      async send(job: Job, o?: { delaySeconds?: number }) {
        sent.push({ job, ...(o?.delaySeconds !== undefined ? { delay: o.delaySeconds } : {}) });
      },
    };
    return { sent, deps: { config, store, jobs } };
  }

  it('queues one delayed sms-send job for the caller, deduped on the CallSid', async () => {
    const d = deps({ enabled: true, delaySeconds: 90 });
    expect(await queuePostCallSurvey(d.deps, call)).toEqual({ queued: true, to: '+8613800138000' });
    expect(d.sent).toEqual([
      {
        delay: 90,
        job: expect.objectContaining({
          kind: 'sms-send',
          to: '+8613800138000',
          purpose: 'survey',
          dedupeKey: `survey:${call.callSid}`,
          survey: { callSid: call.callSid, agentId: '1001' },
        }),
      },
    ]);
  });

  it('queues nothing when off, without an agent, or when the caller never reached one', async () => {
    const off = deps({ enabled: false, delaySeconds: 60 });
    expect(await queuePostCallSurvey(off.deps, call)).toEqual({ queued: false, reason: 'off' });
    const on = deps();
    const { agentId: _, ...noAgent } = call;
    expect(await queuePostCallSurvey(on.deps, noAgent)).toMatchObject({ reason: 'no-agent' });
    expect(await queuePostCallSurvey(on.deps, { ...call, disposition: 'voicemail' })).toMatchObject({
      reason: 'not-talked',
    });
    expect(await queuePostCallSurvey(on.deps, { ...call, from: 'client:alice' })).toMatchObject({
      reason: 'no-phone',
    });
    expect(on.sent).toEqual([]);
  });
});
