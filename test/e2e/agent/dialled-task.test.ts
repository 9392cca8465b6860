// A callback the agent dials by hand through the agent API (manual clock): the call answers the agent's
// open task for that number, which is in progress while the call lasts; a customer who never answers
// leaves it open again with the attempt noted, ready for another try. (Answered: the browser story in
// test/e2e/web/wrap-up-context.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../functions/domain/model.js';
import { type AgentHarness, type Session, startAgents } from './support.js';

const NOBODY_HOME = '+8613800002222';

let h: AgentHarness;
let a1002: Session;

beforeAll(async () => {
  h = await startAgents();
  a1002 = await h.as('1002');
  await h.party('1002', 'answer');
  const res = await fetch(`${h.stack.url}/sim/parties`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ address: NOBODY_HOME, policy: 'no-answer' }),
  });
  if (!res.ok) throw new Error(`sim parties: ${res.status}`);
}, 60_000);
afterAll(() => h.stop());

async function task(id: string): Promise<Task> {
  const found = await h.stack.store.tasks.get(id);
  if (!found) throw new Error(`task ${id} is missing`);
  return found;
}

describe('a callback dialled by hand', () => {
  it('is in progress during the call and open again, attempt noted, when the customer never answers', async () => {
    const made = await h.stack.store.tasks.create({
      kind: 'callback',
      dueAt: new Date(h.clock.now() - 60_000).toISOString(),
      phone: NOBODY_HOME,
      assigneeId: '1002',
      queue: 'general',
      maxAttempts: 3,
      note: 'Asked about the invoice',
    });
    if (!made.ok) throw new Error(made.reason);
    await a1002.post('/agent/state', { state: 'Busy' });
    const r = await a1002.post<{ callSid: string; participantCallSid: string }>('/agent/dial', {
      to: NOBODY_HOME,
    });
    expect(await task(made.value.id)).toMatchObject({ status: 'in-progress', attempts: 1 });
    await h.advance(65); // the customer's phone rings out
    await h.hangup(r.participantCallSid); // the agent gives up
    await h.settle();
    const after = await task(made.value.id);
    expect(after.status).toBe('open');
    expect(after.note).toContain('attempt 1: no-answer');
    expect(after.note).toContain(`called by the agent: ${r.callSid}`);
  });
});
