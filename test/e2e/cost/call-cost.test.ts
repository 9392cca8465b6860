// What one call and each desk request cost in DynamoDB and Twilio REST requests, counted on the local
// stack: a regression in the work per call fails here, not only in the load benchmark's figures. The
// second call is the one counted (the first warms the per-container caches, as any warm Lambda has).
// Ceilings are today's figures; lower them when the work goes down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDynamoCounter } from '../../support/dynamo-counter.js';
import { countTwilioRest } from '../../support/twilio-rest-counter.js';
import { type AgentHarness, type Session, startAgents } from '../agent/support.js';

let h: AgentHarness;
let agent: Session;
const dynamo = installDynamoCounter();
let rest: ReturnType<typeof countTwilioRest>;

interface Cost {
  readonly reads: number;
  readonly writes: number;
  readonly indexWrites: number;
  readonly rest: number;
}

async function measure(run: () => Promise<void>): Promise<Cost> {
  dynamo.reset();
  rest.reset();
  dynamo.counting = true;
  rest.counting = true;
  await run();
  dynamo.counting = false;
  rest.counting = false;
  if (process.env.PRINT_COSTS) console.log(JSON.stringify(rest.byRequest));
  await dynamo.settleIndexWrites();
  const c = dynamo.counts;
  return {
    reads: c.reads,
    writes: c.writes,
    indexWrites: Object.values(c.indexWrites).reduce((a, b) => a + b, 0),
    rest: rest.total(),
  };
}

/** A caller through the IVR to agent 1002, who answers; resolves once both sit in the conference. */
async function connect(): Promise<string> {
  const sid = await h.callGeneral();
  await h.settle();
  const view = await h.view(sid);
  if (!view.conferenceSid) throw new Error(`call ${sid} did not reach the agent: ${view.status}`);
  return sid;
}

async function hangUp(): Promise<void> {
  await agent.post('/agent/call/hangup');
  // The recording's copy belongs to the call: its job runs once the clock moves on.
  await h.advance(1);
  await h.stack.channels.queue.idle();
  await h.settle();
}

async function endWrapUp(): Promise<void> {
  await agent.post('/agent/wrap-up/end');
  await h.settle();
}

beforeAll(async () => {
  // The caches bounded in real time (the SIDs for the desk, the push audience: a few seconds) see a wall
  // clock that stands still: what is counted is the work of a warm container, the same on a fast machine
  // and on a slow, busy one, where the call would otherwise outlast them a varying number of times.
  const pinned = Date.now();
  h = await startAgents(undefined, { periodicJobs: false, cacheClock: { now: () => pinned } });
  rest = countTwilioRest(h.stack);
  agent = await h.as('1002');
  await h.party('1002', 'answer');
  await agent.post('/agent/state', { state: 'Available' });
  // The warm-up call: caches per container fill as they would on a warm Lambda.
  await connect();
  await agent.get('/agent/me');
  await hangUp();
  await endWrapUp();
}, 120_000);
afterAll(async () => {
  rest?.uninstall();
  dynamo.uninstall();
  await h?.stop();
});

describe('the work one call costs', () => {
  const costs: Record<string, Cost> = {};

  it('an IVR-to-agent call, its hang-up and the end of its wrap-up', async () => {
    costs.connect = await measure(async () => {
      await connect();
    });
    costs.me = await measure(async () => {
      await agent.get('/agent/me');
    });
    costs.meAgain = await measure(async () => {
      await agent.get('/agent/me');
    });
    costs.queue = await measure(async () => {
      await agent.get('/queue');
    });
    costs.heartbeat = await measure(async () => {
      await agent.post('/agent/heartbeat');
    });
    costs.hangup = await measure(hangUp);
    costs.wrapUpEnd = await measure(endWrapUp);
    costs.idleMe = await measure(async () => {
      await agent.get('/agent/me');
    });
    if (process.env.PRINT_COSTS) console.log(JSON.stringify(costs));
    const call = ['connect', 'hangup', 'wrapUpEnd'].map((k) => costs[k] as Cost);
    const total = (f: keyof Cost) => call.reduce((a, c) => a + c[f], 0);
    // The whole call, webhooks, the recording's copy (its download and delete among the REST requests)
    // and the agent's own requests together; one read asks, a moment after the caller queued, whether
    // they still wait (to tell every agent's live queue).
    // The event history's share: the caller's last call (one write that returns the one it replaces, for
    // the repeat-caller figures), the call's events (received, queued, answered, wrap-up start, handled
    // and a few agent state pieces: one write each, and their interval index), and a read when TaskRouter
    // reports the task's end (the call's events, to time the handled call).
    // The conference's end: the customer's leave and the end itself both say the call is over; the first
    // reads the call's task marker and moves the task, the other goes by; the agent's leg leaving as
    // the conference ends asks nothing. The agent's hang-up forgets their call marker only when the
    // status it read had one: a call that came by a reservation has none, and costs no delete.
    // Console settings read on the way (the surveys, at hang-up) are read once per container every few
    // seconds of the clock, and this call takes longer than that: one read.
    // The recorded-prompt assignments are read as the call begins (none assigned: the rest of the call is
    // spoken without asking again); a container reuses them for a few seconds of the clock, and this
    // call's prompts take longer than that. The recording's copy reads nothing: filing it under the
    // call returns the call's caller, queue and agent, and nothing about the recording is asked first: its object's fixed key and its
    // metadata's conditional put tell a repeated pass what is done. It orders its transcript for quality scoring:
    // the transcript's record (the pass that stored the recording knows none was ordered; a retried job
    // reads first and never orders twice) and one REST request to the transcription service.
    expect(total('reads')).toBeLessThanOrEqual(10);
    expect(total('writes')).toBeLessThanOrEqual(22);
    expect(total('writes') + total('indexWrites')).toBeLessThanOrEqual(46);
    expect(total('rest')).toBeLessThanOrEqual(18);
    // Reaching the agent: the caller lookup (two reads), the blacklist, the recorded prompts, the record
    // and the assignment's writes; no Twilio request while the queue is within its limit but the one
    // that plays the agent's number to the caller (the warranty line announces its agents).
    expect(costs.connect).toMatchObject({ reads: 5, rest: 1 });
    // Ending wrap-up answers with the agent's status from what the change itself read and wrote (their
    // call marker, the heartbeat it renewed): the marker and the call's events are the only reads.
    expect(costs.wrapUpEnd?.reads).toBeLessThanOrEqual(2);
  }, 120_000);

  it('each desk request', () => {
    // The agent's status on a call: the call's legs are asked for once, then kept.
    expect(costs.me?.reads).toBeLessThanOrEqual(2);
    expect(costs.me?.rest).toBeLessThanOrEqual(7);
    // Every later poll: the worker, its reservations, the task, the conference and its participants.
    expect(costs.meAgain).toMatchObject({ reads: 2, writes: 0, rest: 5 });
    // Idle: the worker and its reservations, nothing else from Twilio; no reads of the user or the SIDs.
    expect(costs.idleMe).toMatchObject({ reads: 2, writes: 0, rest: 2 });
    // The live queue: one task list, whatever its length (test/app/supervisor/live-queue.test.ts).
    expect(costs.queue).toMatchObject({ reads: 0, writes: 0, rest: 1 });
    // The heartbeat: one conditional write.
    expect(costs.heartbeat).toEqual({ reads: 0, writes: 1, indexWrites: 0, rest: 0 });
  }, 120_000);
});
