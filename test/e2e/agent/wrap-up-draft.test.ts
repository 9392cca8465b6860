// The wrap-up timer on the stack's clock keeps what the agent typed: the draft's notes and outcome land on
// the call record when wrap-up expires, and a record the agent already saved is left as they saved it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentHarness, type Session, startAgents } from './support.js';

let h: AgentHarness;
let agent: Session;

beforeAll(async () => {
  h = await startAgents();
  agent = await h.as('1002');
  await h.party('1002', 'answer');
}, 60_000);
afterAll(() => h.stop());

async function callAndHangUp(): Promise<string> {
  await agent.post('/agent/state', { state: 'Available' });
  const sid = await h.callGeneral();
  expect((await agent.get<{ state: string }>('/agent/me')).state).toBe('On call');
  return sid;
}

describe('wrap-up expiry', () => {
  it('saves the draft notes and disposition onto the call record', async () => {
    const sid = await callAndHangUp();
    await agent.put(`/agent/drafts/${sid}`, {
      disposition: 'callback-needed',
      notes: '  Gearbox, call back  ',
    });
    await h.hangup(sid);
    expect((await agent.get<{ state: string }>('/agent/me')).state).toBe('Wrap-up');
    const before = await h.stack.store.calls.get(sid);
    expect(before?.notes).toBeUndefined();
    await h.advance(30);
    expect((await agent.get<{ state: string }>('/agent/me')).state).not.toBe('Wrap-up');
    const after = await h.stack.store.calls.get(sid);
    expect(after).toMatchObject({ notes: 'Gearbox, call back', disposition: 'callback-needed' });
    await agent.post('/agent/state', { state: 'Offline' });
  });

  it('does not overwrite what the agent saved themselves', async () => {
    const sid = await callAndHangUp();
    await h.hangup(sid);
    await agent.post(`/calls/${sid}/wrap-up`, { disposition: 'claim-filed', notes: 'Saved by hand' });
    await agent.put(`/agent/drafts/${sid}`, { disposition: 'other', notes: 'typed after saving' });
    await h.advance(30);
    expect(await h.stack.store.calls.get(sid)).toMatchObject({
      notes: 'Saved by hand',
      disposition: 'claim-filed',
    });
    await agent.post('/agent/state', { state: 'Offline' });
  });
});
