// The post-call survey's pieces without a network: the SMS reply forms ("5", "5 great", "4，很快"), the
// SURVEY_* settings, and which ended calls queue the survey job (with its delay) and which do not.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/config.js';
import type { SmsSession } from '../../functions/domain/channel-ports.js';
import type { Job } from '../../functions/domain/jobs.js';
import type { CallRecord } from '../../functions/domain/model.js';
import type { Store } from '../../functions/domain/ports.js';
import { classify } from '../../functions/domain/sms-bot.js';
import {
  DEFAULT_SURVEYS,
  SURVEYS_SETTING,
  type SurveyQuestion,
  type SurveysSetting,
  textAnswer,
} from '../../functions/domain/surveys.js';
import { queuePostCallSurvey } from '../../functions/http/twilio/post-call-survey.js';
import { testConfig } from '../http/harness.js';

const asked: SmsSession = { phone: '+8613800138000', language: 'en', state: 'survey', updatedAt: '' };

describe('survey replies', () => {
  const rating = DEFAULT_SURVEYS.questionnaires[0]?.questions[0] as SurveyQuestion;
  it('reads a rating alone or with a comment in the same text', () => {
    expect(textAnswer(rating, '5')).toEqual({ answer: 5 });
    expect(textAnswer(rating, '5 great')).toEqual({ answer: 5, rest: 'great' });
    expect(textAnswer(rating, '4，很快')).toEqual({ answer: 4, rest: '很快' });
    expect(textAnswer(rating, '3 - slow to answer')).toEqual({ answer: 3, rest: 'slow to answer' });
    expect(textAnswer(rating, '55')).toBeUndefined();
    expect(textAnswer(rating, '6')).toBeUndefined();
  });

  it('reads yes and no in either language, and a choice by its number', () => {
    const solved: SurveyQuestion = { id: 'solved', kind: 'yesno', text: { zh: '解决了吗？', en: 'Solved?' } };
    expect(textAnswer(solved, 'YES, thanks')).toEqual({ answer: true, rest: 'thanks' });
    expect(textAnswer(solved, '是的')).toEqual({ answer: true });
    expect(textAnswer(solved, '没有')).toEqual({ answer: false });
    expect(textAnswer(solved, 'maybe')).toBeUndefined();
    const attitude = DEFAULT_SURVEYS.questionnaires[1]?.questions[1] as SurveyQuestion;
    expect(textAnswer(attitude, '3')).toEqual({ answer: 3 });
    expect(textAnswer(attitude, '4')).toBeUndefined();
  });

  it('in a survey a text is a reply (YES answers, it does not opt in); STOP still opts out', () => {
    expect(classify('5 great', asked)).toEqual({ kind: 'survey-reply', text: '5 great' });
    expect(classify('YES', asked)).toEqual({ kind: 'survey-reply', text: 'YES' });
    expect(classify('STOP', asked).kind).toBe('opt-out');
    expect(classify('5 great', { ...asked, state: 'bot' }).kind).toBe('agent');
    expect(classify('YES', { ...asked, state: 'bot' }).kind).toBe('opt-in');
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
  const store = {
    customers: { get: async () => undefined },
    settings: { get: async () => undefined, getMany: async () => new Map() },
  } as unknown as Store;
  function deps(survey?: { enabled: boolean; delaySeconds: number }) {
    const sent: { job: Job; delay?: number }[] = [];
    const base = testConfig('t');
    const config = { ...base, channels: { playbackTtlSeconds: 300, ...(survey ? { survey } : {}) } };
    const jobs = {
      async send(job: Job, o?: { delaySeconds?: number }) {
        sent.push({ job, ...(o?.delaySeconds !== undefined ? { delay: o.delaySeconds } : {}) });
      },
    };
    return { sent, deps: { config, store, jobs, clock: { now: () => Date.parse('2026-03-02T01:31:00Z') } } };
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
          survey: {
            callSid: call.callSid,
            agentId: '1001',
            questionnaire: 'service-rating',
            hotline: 'warranty',
          },
          body: '感谢您致电爱车保。请为本次服务打分：回复 1（很差）到 5（很好）。',
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

  it('texts nothing for a line that asks on the keypad (asked on the line) or asks nothing', async () => {
    const lines = (hotlines: SurveysSetting['hotlines']) => {
      const d = deps({ enabled: true, delaySeconds: 60 });
      const surveys = { ...DEFAULT_SURVEYS, hotlines };
      const settings = {
        get: async () => surveys,
        // Hang-up reads the surveys with the wrap-up setting, none of which the test sets.
        getMany: async (names: readonly string[]) =>
          new Map(names.map((n) => [n, n === SURVEYS_SETTING ? surveys : undefined])),
      };
      return { ...d, deps: { ...d.deps, store: { ...store, settings } as unknown as Store } };
    };
    const keypad = lines({ warranty: { questionnaire: 'follow-up-visit', channel: 'keypad' } });
    expect(await queuePostCallSurvey(keypad.deps, call)).toEqual({ queued: false, reason: 'keypad' });
    const none = lines({});
    expect(await queuePostCallSurvey(none.deps, call)).toEqual({ queued: false, reason: 'not-asked' });
    expect([...keypad.sent, ...none.sent]).toEqual([]);
  });
});
