// A fax routed to an agent is theirs at once, as a text is: nothing rings, the task is done and the agent
// stays Available. The desk lists it with the sender and the intake ticket it was filed under; the agent
// reads its PDF through a short-lived URL (audited), which a colleague may not, a supervisor may; marking it
// finished takes it off the desk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../../functions/domain/routing/provisioned.js';
import { type AgentHarness, type Session, startAgents } from './support.js';

interface AgentFax {
  id: string;
  from: string;
  pages?: number;
  ticketNumber?: string;
  customerId?: string;
}

let h: AgentHarness;
let agent: Session;

beforeAll(async () => {
  h = await startAgents('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
  agent = await h.as('1003');
  await h.party('1003', 'ring');
}, 60_000);
afterAll(() => h.stop());

async function fax(from: string, text: string): Promise<string> {
  const res = await fetch(`${h.stack.url}/sim/faxes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, to: '+18005550100', pages: 2, text }),
  });
  const out = (await res.json()) as { status: number; response: { faxId: string } };
  expect(out.status).toBe(201);
  const { faxId } = out.response;
  await h.advance(1);
  await h.settle();
  return faxId;
}

const faxes = async (who = agent) => (await who.get<{ items: AgentFax[] }>('/agent/faxes')).items;

describe('a fax on the desk', () => {
  it('is the agent’s at once, without a ring; they read it, a colleague may not, and finish it', async () => {
    await agent.post('/agent/state', { state: 'Available' });
    const id = await fax('+862150001234', 'Claim form for CLM-1');
    const listed = await faxes();
    expect(listed).toEqual([
      expect.objectContaining({ id, from: '+862150001234', pages: 2, ticketNumber: expect.any(String) }),
    ]);
    expect([...h.stack.twin.voice.parties.ringing.values()].filter((r) => r.to === 'client:1003')).toEqual(
      [],
    );
    expect(await agent.get('/agent/me')).toMatchObject({
      state: 'Available',
      activity: 'Available',
      reservations: [],
    });
    const stored = await h.stack.store.faxes.get(id);
    expect(stored).toMatchObject({ agentId: '1003' });
    const sids = await h.stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    const task = await h.stack.twilio.taskrouter.v1
      .workspaces(sids?.workspaceSid ?? '')
      .tasks(stored?.taskSid ?? '')
      .fetch();
    expect(task.assignmentStatus).toBe('completed');

    // The PDF, byte for byte what came in.
    const { url } = await agent.post<{ url: string }>(`/faxes/${id}/document`);
    const pdf = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('Claim form for CLM-1');
    expect((await h.stack.store.audit.byActor('1003')).items.map((e) => e.action)).toContain('fax.viewed');

    const colleague = await h.as('1002');
    expect(await colleague.fail(`/faxes/${id}/document`)).toEqual({ status: 403, error: 'forbidden' });
    expect(await colleague.fail(`/agent/faxes/${id}/done`)).toEqual({ status: 403, error: 'forbidden' });
    expect(await faxes(colleague)).toEqual([]);
    const supervisor = await h.as('2001');
    expect((await supervisor.post<{ url: string }>(`/faxes/${id}/document`)).url).toMatch(/^https?:/);

    await agent.post(`/agent/faxes/${id}/done`);
    expect(await faxes()).toEqual([]);
    expect(await h.stack.store.faxes.get(id)).toMatchObject({ doneBy: '1003', doneAt: expect.any(String) });
    await agent.post(`/agent/faxes/${id}/done`); // again: nothing changes, no error
    expect(await agent.fail('/faxes/FXnone/document')).toEqual({ status: 404, error: 'not-found' });
  });

  it('from a known customer is filed under them and listed with them', async () => {
    await agent.post('/agent/state', { state: 'Available' });
    // John Smith (cus-0004) in the demo data.
    const id = await fax('+14155550123', 'Repair invoice');
    const [item] = await faxes();
    expect(item).toMatchObject({ id, customerId: 'cus-0004' });
    expect(item?.ticketNumber).toBeUndefined();
    await agent.post(`/agent/faxes/${id}/done`);
  });
});
