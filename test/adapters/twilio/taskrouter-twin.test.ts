// The TaskRouter REST adapter against the Twilio twin of the local stack, on a manual clock. Each test
// gets a workspace of its own, built through the twin's REST API the way provisioning builds one in
// Twilio; only the thousand-worker page filler goes straight to the engine, where it costs nothing.
import { afterAll, beforeAll } from 'vitest';
import { createRestTransport } from '../../../functions/adapters/twilio/rest-transport.js';
import { createTaskRouterRest } from '../../../functions/adapters/twilio/taskrouter-rest.js';
import { createManualClock } from '../../../functions/domain/manual-clock.js';
import { LOCAL_TWILIO } from '../../../infra/local/local-config.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { describeTaskRouterContract, type NamedSid } from './taskrouter.case.js';

const clock = createManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ port: 0, clock, demoData: false });
  // The agent's browser picks up; our own number, dialed by mistake, is busy.
  stack.twin.voice.parties.register(AGENT, { policy: 'answer' });
  stack.twin.voice.parties.register(CALLER_ID, { policy: 'busy' });
  stack.twin.voice.numbers.addNumber(CALLER_ID); // Twilio refuses any other caller id (21210)
});
afterAll(() => stack.stop());

const CALLER_ID = '+15550100000';
const AGENT = 'client:contract-agent';
let nextWorkspace = 0;

describeTaskRouterContract('REST adapter on the twin', async () => {
  const port = createTaskRouterRest(
    createRestTransport({
      accountSid: LOCAL_TWILIO.accountSid,
      authToken: LOCAL_TWILIO.authToken,
      apiBaseUrl: stack.twin.apiBaseUrl(),
    }),
  );
  const tr = stack.twilio.taskrouter.v1;
  const { sid: workspaceSid } = await tr.workspaces.create({ friendlyName: `contract-${++nextWorkspace}` });
  const w = tr.workspaces(workspaceSid);
  const named = async (name: string): Promise<NamedSid> => {
    const [activity] = await w.activities.list({ friendlyName: name });
    if (!activity) throw new Error(`the workspace has no ${name} activity`);
    return { sid: activity.sid, name: activity.friendlyName };
  };
  const activities = { available: await named('Available'), offline: await named('Offline') };
  const queue = await w.taskQueues.create({ friendlyName: 'Everyone', targetWorkers: '1==1' });
  const configuration = JSON.stringify({
    task_routing: { filters: [], default_filter: { queue: queue.sid } },
  });
  const workflow = await w.workflows.create({ friendlyName: 'To everyone', configuration });
  // A second workflow, so a task created without naming its workflow is refused rather than guessed.
  await w.workflows.create({ friendlyName: 'Spare', configuration });
  let filler = 0;
  const calls: string[] = [];
  return {
    port,
    workspaceSid,
    workflowSid: workflow.sid,
    queue: { sid: queue.sid, name: queue.friendlyName },
    activities,
    async addWorker(friendlyName, options = {}) {
      const worker = await w.workers.create({
        friendlyName,
        attributes: JSON.stringify(options.attributes ?? {}),
        activitySid: (options.available ? activities.available : activities.offline).sid,
      });
      return worker.sid;
    },
    async addWorkers(count) {
      for (let i = 0; i < count; i++)
        stack.twin.taskrouter.createWorker(workspaceSid, { friendlyName: `filler-${++filler}` });
    },
    async liveCall() {
      const call = await stack.twilio.calls.create({
        from: CALLER_ID,
        to: '+15550100001',
        twiml: '<Response><Pause length="3600"/></Response>',
      });
      calls.push(call.sid);
      await stack.twin.settle();
      return call.sid;
    },
    callerId: CALLER_ID,
    agentAddress: AGENT,
    now: () => clock.now(),
    async advance(seconds) {
      await clock.advance(seconds * 1000);
      await stack.twin.settle();
    },
    settle: () => stack.twin.settle(),
    async teardown() {
      for (const sid of calls) await stack.twilio.calls(sid).update({ status: 'completed' });
      await stack.twin.settle();
      await w.remove();
    },
  };
});
