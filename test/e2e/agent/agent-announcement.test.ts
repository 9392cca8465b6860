// The agent's number announced to the caller on the warranty line (its flow's `announceAgent`), as the
// agent comes on the line: the customer alone hears it, in their language, and the agent hears nothing of
// it. Lines that do not announce keep the plain conference callback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentAnnouncement,
  announceQuery,
  conferenceStatusUrl,
} from '../../../functions/app/agent-announcement.js';
import { type AgentHarness, startAgents } from './support.js';

let h: AgentHarness;
beforeAll(async () => {
  h = await startAgents();
  await h.party('1002', 'answer');
  await (await h.as('1002')).post('/agent/state', { state: 'Available' });
}, 60_000);
afterAll(() => h?.stop());

interface SimCall {
  readonly heard: readonly { text: string }[];
  readonly bridgedTo: string | null;
}
const simCall = async (sid: string) =>
  (await (await fetch(`${h.stack.url}/sim/calls/${sid}`)).json()) as SimCall;

describe('the agent’s number, announced to the caller', () => {
  it('is the first thing an English caller hears from the agent’s conference', async () => {
    const sid = await h.callGeneral();
    await h.settle();
    const view = await h.view(sid);
    expect(view.conferenceSid).not.toBeNull();
    const heard = (await simCall(sid)).heard.map((x) => x.text).filter(Boolean);
    expect(heard.at(-1)).toBe('Agent 1 0 0 2 will assist you.');
    // The agent's leg hears nothing of it.
    const conference = (await (
      await fetch(`${h.stack.url}/sim/conferences/${view.conferenceSid}`)
    ).json()) as {
      participants: { callSid: string }[];
    };
    const agentLeg = conference.participants.find((p) => p.callSid !== sid)?.callSid as string;
    expect((await simCall(agentLeg)).heard.map((x) => x.text)).not.toContain(
      'Agent 1 0 0 2 will assist you.',
    );
    await h.hangup(sid);
  });

  it('reads the digits one by one in Chinese, and only on lines that announce', () => {
    expect(agentAnnouncement('1002', 'zh')).toBe('工号 1 0 0 2 为您服务。');
    const config = { config: h.stack.config };
    const plain = `${h.stack.config.webhookBaseUrl}/twilio/taskrouter/conference-status`;
    const it = { agentId: '1002', customer: `CA${'1'.repeat(32)}`, lang: 'zh' as const };
    // IT support: the callback names the customer's call, and nothing is read out.
    const it2 = conferenceStatusUrl(config, { ...it, called: '+18005550122' });
    expect(it2).toBe(`${plain}?customer=${it.customer}`);
    expect(announceQuery(Object.fromEntries(new URL(it2).searchParams))).toBeUndefined();
    expect(conferenceStatusUrl(config, { called: '+18005550122', lang: 'zh' })).toBe(plain);
    const warranty = new URL(conferenceStatusUrl(config, { ...it, called: '+18005550100' }));
    expect(announceQuery(Object.fromEntries(warranty.searchParams))).toEqual(it);
    // What the callback carries is checked before anything is read out.
    expect(announceQuery({ announce: '<Say>', customer: it.customer })).toBeUndefined();
  });
});
