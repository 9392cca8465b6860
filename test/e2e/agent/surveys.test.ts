// Post-call surveys through the whole center: an admin sets the warranty line to ask the follow-up visit
// on the keypad; when the agent ends the call the caller stays on the line, hears the questions, answers
// with keys (a wrong key asked again), and the answers, the CSAT in the history and the results per
// question, hotline and agent follow. A hotline set to SMS texts the questions in turn instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS, type SurveysSetting } from '../../../functions/domain/surveys.js';
import { type AgentHarness, JOHN_SMITH, type Session, startAgents, WARRANTY } from './support.js';

let h: AgentHarness;
let admin: Session;
let agent: Session;
let supervisor: Session;
beforeAll(async () => {
  h = await startAgents();
  admin = await h.as('admin');
  supervisor = await h.as('2001');
  agent = await h.as('1002');
  await h.party('1002', 'answer');
  await agent.post('/agent/state', { state: 'Available' });
}, 60_000);
afterAll(() => h?.stop());

const sim = async <T>(path: string, body?: unknown): Promise<T> => {
  const res = await fetch(`${h.stack.url}/sim${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const heard = async (sid: string) =>
  (await sim<{ heard: { text: string }[] }>(`/calls/${sid}`)).heard.map((x) => x.text).filter(Boolean);
const press = async (sid: string, digits: string) => {
  await sim(`/calls/${sid}/input`, { digits });
  await h.settle();
};
const withLine = (flow: string, channel: 'keypad' | 'sms', questionnaire: string): SurveysSetting => ({
  ...DEFAULT_SURVEYS,
  hotlines: { ...DEFAULT_SURVEYS.hotlines, [flow]: { questionnaire, channel } },
});
const today = () => new Date(h.clock.now()).toISOString().slice(0, 10);

describe('post-call surveys', () => {
  it('refuses a questionnaire that cannot be asked, naming what is wrong', async () => {
    const bad = await fetch(`${h.stack.url}/api/admin/surveys`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await tokenOf('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        questionnaires: [
          {
            id: 'notes',
            name: { zh: '意见', en: 'Notes' },
            intro: { zh: '您好', en: 'Hello' },
            questions: [{ id: 'free', kind: 'text', text: { zh: '请说', en: 'Tell us' } }],
          },
        ],
        hotlines: {
          warranty: { questionnaire: 'notes', channel: 'keypad' },
          moon: { questionnaire: 'x', channel: 'sms' },
        },
      }),
    });
    expect(bad.status).toBe(400);
    const { issues } = (await bad.json()) as { issues: { path: string; code: string }[] };
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['body.hotlines.warranty.channel', 'keypad-text-only'],
      ['body.hotlines.moon', 'unknown-hotline'],
    ]);
  });

  it('asks the follow-up visit on the keypad when the agent ends the call, and keeps each answer', async () => {
    await admin.put('/admin/surveys', withLine('warranty', 'keypad', 'follow-up-visit'));
    const sid = await h.callGeneral();
    await h.settle();
    expect((await h.view(sid)).conferenceSid).not.toBeNull();
    await h.advance(20);
    await agent.post('/agent/call/hangup');
    // The caller is still on the line, out of the conference, hearing the intro and the first question.
    expect((await h.view(sid)).status).toBe('in-progress');
    await h.advance(6);
    const first = await heard(sid);
    expect(first.slice(-2)).toEqual([
      'Hello, this is the service center following up; it takes a minute.',
      'Was your problem solved? Press 1 for yes, 2 for no.',
    ]);
    await press(sid, '1'); // solved
    await press(sid, '7'); // not an option: asked again
    expect((await heard(sid)).filter((t) => t.startsWith('How was the staff')).length).toBe(2);
    await press(sid, '1'); // satisfied
    await press(sid, '2'); // not charged
    await press(sid, '9#'); // 9 of 10
    expect((await heard(sid)).at(-1)).toBe('Thank you for your feedback. Goodbye!');
    expect((await h.view(sid)).status).toBe('completed');

    const survey = await h.stack.store.messaging.getSurvey(sid);
    expect(survey).toMatchObject({
      channel: 'keypad',
      questionnaire: 'follow-up-visit',
      hotline: 'warranty',
      agentId: '1002',
      answers: { solved: true, attitude: 1, charged: false, score: 9 },
      csat: 9,
    });
    expect(survey?.completedAt).toBeDefined();
    // The agent wraps up as after any call, and the CSAT is in the history with the agent.
    const me = await agent.get<{ state: string }>('/agent/me');
    expect(me.state).toBe('Wrap-up');
    const events = await h.stack.store.events.ofCall(sid);
    expect(
      events.filter((e) => e.type.startsWith('survey.')).map((e) => [e.type, e.agent, e.n?.score]),
    ).toEqual([
      ['survey.offered', '1002', undefined],
      ['survey.answered', '1002', 9],
    ]);

    const results = await supervisor.get<{
      answered: number;
      csat: number;
      byAgent: { agentId: string; answered: number; csat: number }[];
      byHotline: { hotline: string }[];
      questionnaires: { id: string; questions: { id: string; counts?: number[]; average?: number }[] }[];
    }>(`/surveys/results?from=${today()}&to=${today()}`);
    expect(results).toMatchObject({
      answered: 1,
      csat: 9,
      byAgent: [{ agentId: '1002', answered: 1, csat: 9 }],
    });
    expect(results.byHotline.map((x) => x.hotline)).toEqual(['warranty']);
    const visit = results.questionnaires.find((q) => q.id === 'follow-up-visit');
    expect(visit?.questions.find((q) => q.id === 'solved')?.counts).toEqual([1, 0]);
    expect(visit?.questions.find((q) => q.id === 'attitude')?.counts).toEqual([1, 0, 0]);
    expect(visit?.questions.find((q) => q.id === 'score')?.average).toBe(9);
  });

  it('texts the questions in turn on an SMS line, and the answers join the same results', async () => {
    await admin.put('/admin/surveys', withLine('warranty', 'sms', 'follow-up-visit'));
    await agent.post('/agent/state', { state: 'Available' });
    const caller = JOHN_SMITH;
    const sid = await h.callGeneral(caller);
    await h.settle();
    await h.advance(5);
    await agent.post('/agent/call/hangup');
    expect((await h.view(sid)).status).toBe('completed');
    const texts = async () =>
      (
        (await sim<{ messages: { body: string }[] }>(`/messages?to=${encodeURIComponent(caller)}`))
          .messages ?? []
      ).map((m) => m.body);
    const idle = async () => {
      for (let i = 0; i < 5; i++) {
        await h.stack.twin.settle();
        await h.stack.channels?.queue.idle();
      }
    };
    const reply = async (body: string) => {
      await sim('/messages', { from: caller, to: WARRANTY, body });
      await idle();
      return (await texts()).at(-1);
    };
    await h.clock.advance(61_000); // the survey is texted a minute after the call
    await idle();
    expect((await texts()).at(-1)).toBe(
      'Hello, this is the service center following up; it takes a minute. Was your problem solved? reply YES or NO.',
    );
    // YES answers the question (it is not the opt-in word here); the next question follows.
    expect(await reply('YES')).toBe(
      'Thank you! How was the staff’s attitude? 1 satisfied, 2 average, 3 dissatisfied; reply 1 to 3.',
    );
    expect(await reply('maybe later')).not.toContain('Thank you!'); // not an answer: the survey ends
    const survey = await h.stack.store.messaging.getSurvey(sid);
    expect(survey).toMatchObject({
      channel: 'sms',
      questionnaire: 'follow-up-visit',
      answers: { solved: true },
    });
    expect(survey?.completedAt).toBeUndefined();

    const results = await supervisor.get<{
      asked: number;
      answered: number;
      byChannel: Record<string, unknown>;
    }>(`/surveys/results?from=${today()}&to=${today()}&hotline=warranty`);
    expect(results).toMatchObject({
      asked: 2,
      answered: 2,
      byChannel: { keypad: { asked: 1, answered: 1 }, sms: { asked: 1, answered: 1 } },
    });
    const bad = await fetch(`${h.stack.url}/api/surveys/results?from=${today()}&to=2020-01-01`, {
      headers: { authorization: `Bearer ${await tokenOf('2001')}` },
    });
    expect(bad.status).toBe(400);
  });
});

async function tokenOf(id: string): Promise<string> {
  const res = await fetch(`${h.stack.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id, password: id === 'admin' ? 'demo-admin' : `demo-${id}` }),
  });
  return ((await res.json()) as { token: string }).token;
}
