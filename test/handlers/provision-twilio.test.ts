// The Twilio provisioning custom resource's logic against the twin: Create configures TaskRouter,
// the softphone TwiML App and the numbers; a re-run updates nothing; a drifted or added queue is put right;
// Delete removes the workspace and the app and clears the numbers' URLs, leaving the numbers bought.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routing } from '../../flows/routing.js';
import { softphoneAppName } from '../../functions/adapters/twilio/provision-account.js';
import { createManualClock, type ManualClock } from '../../functions/domain/manual-clock.js';
import type { RoutingConfig } from '../../functions/domain/routing/types.js';
import {
  PHYSICAL_ID,
  type ProvisioningEvent,
  type ProvisioningProperties,
  provisioningHandler,
} from '../../functions/handlers/provision-twilio.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import { createCapturingLogger } from '../support/capturing-logger.js';

// A workspace of its own: the local stack has already provisioned flows/routing.ts under its usual name.
const ROUTING: RoutingConfig = { ...routing, workspace: 'Provisioning test' };
const PROPS: ProvisioningProperties = {
  PublicUrl: 'https://cc.example.com',
  FallbackUrl: 'https://cc.example.com/twiml/fallback.xml',
  PhoneNumbers: ['+18005550100', '+18005550111'],
};

let stack: LocalStack;
let clock: ManualClock;
let run: ReturnType<typeof provisioningHandler>;
beforeAll(async () => {
  clock = createManualClock(Date.parse('2026-03-02T02:00:00Z'));
  stack = await startLocalStack({ port: 0, demoData: false, clock });
  run = provisioningHandler({
    client: stack.twilio,
    store: stack.store,
    routing: ROUTING,
    logger: createCapturingLogger(),
  });
});
afterAll(() => stack.stop());

const tr = () => stack.twilio.taskrouter.v1;
const workspaceNamed = async (name: string) => (await tr().workspaces.list({ friendlyName: name }))[0];
const numberOf = async (n: string) => (await stack.twilio.incomingPhoneNumbers.list({ phoneNumber: n }))[0];

/** date_updated of everything provisioning touches, keyed by SID. */
async function updatedTimes(workspaceSid: string): Promise<Record<string, number>> {
  const ws = tr().workspaces(workspaceSid);
  const times: Record<string, number> = {};
  const note = (r: { sid: string; dateUpdated: Date }) => {
    times[r.sid] = r.dateUpdated.getTime();
  };
  note(await ws.fetch());
  for (const r of await ws.activities.list()) note(r);
  for (const r of await ws.taskQueues.list()) note(r);
  for (const r of await ws.workflows.list()) note(r);
  for (const r of await stack.twilio.applications.list({ friendlyName: softphoneAppName(ROUTING) })) note(r);
  for (const n of PROPS.PhoneNumbers ?? []) {
    const pn = await numberOf(n);
    if (pn) note(pn);
  }
  return times;
}

/** A number the deployment let go of: still in the account, its URLs set to empty as the handler sends them. */
const UNWIRED = (phoneNumber: string) => ({
  phoneNumber,
  voiceUrl: '',
  voiceFallbackUrl: '',
  statusCallback: '',
  smsUrl: '',
});

const event = (type: ProvisioningEvent['RequestType'], props = PROPS, old?: ProvisioningProperties) =>
  ({
    RequestType: type,
    ResourceProperties: props,
    ...(type === 'Create' ? {} : { PhysicalResourceId: PHYSICAL_ID }),
    ...(old ? { OldResourceProperties: old } : {}),
  }) satisfies ProvisioningEvent;

describe('Twilio provisioning custom resource, against the twin', () => {
  let data: { WorkspaceSid: string; WorkflowSid: string; TwimlAppSid: string };

  it('Create: workspace, activities, queues, workflow, softphone app and numbers; SIDs returned and stored', async () => {
    const res = await run(event('Create'));
    expect(res.PhysicalResourceId).toBe(PHYSICAL_ID);
    data = res.Data ?? expect.unreachable('Create returns the SIDs');
    expect(data.WorkspaceSid).toMatch(/^WS/);
    expect(data.WorkflowSid).toMatch(/^WW/);
    expect(data.TwimlAppSid).toMatch(/^AP/);

    const ws = tr().workspaces(data.WorkspaceSid);
    expect((await ws.fetch()).eventCallbackUrl).toBe('https://cc.example.com/twilio/taskrouter/events');
    // Twilio (and the twin) also create their default activities (e.g. Unavailable) with a workspace.
    expect((await ws.activities.list()).map((a) => a.friendlyName)).toEqual(
      expect.arrayContaining(ROUTING.activities.map((a) => a.name)),
    );
    expect((await ws.taskQueues.list()).map((q) => q.friendlyName).sort()).toEqual(
      ROUTING.queues.map((q) => q.name).sort(),
    );
    const flow = await ws.workflows(data.WorkflowSid).fetch();
    expect(flow.assignmentCallbackUrl).toBe('https://cc.example.com/twilio/taskrouter/assignment');

    const app = await stack.twilio.applications(data.TwimlAppSid).fetch();
    expect(app).toMatchObject({
      friendlyName: softphoneAppName(ROUTING),
      voiceUrl: 'https://cc.example.com/twilio/voice',
      voiceMethod: 'POST',
      statusCallback: 'https://cc.example.com/twilio/voice/status',
    });

    for (const n of PROPS.PhoneNumbers ?? []) {
      expect(await numberOf(n)).toMatchObject({
        voiceUrl: 'https://cc.example.com/twilio/voice',
        voiceMethod: 'POST',
        voiceFallbackUrl: PROPS.FallbackUrl,
        voiceFallbackMethod: 'GET',
        statusCallback: 'https://cc.example.com/twilio/voice/status',
        smsUrl: 'https://cc.example.com/twilio/sms',
      });
    }
    // Not listed in PhoneNumbers: left as the local stack wired it.
    expect((await numberOf('+18005550122'))?.voiceUrl).toBe(`${stack.url}/twilio/voice`);

    const setting = await stack.store.settings.get<Record<string, unknown>>('taskrouter');
    expect(setting).toMatchObject({
      workspaceSid: data.WorkspaceSid,
      workflowSid: data.WorkflowSid,
      applicationSid: data.TwimlAppSid,
    });
  });

  it('re-run with the same properties: same SIDs, nothing in the account updated', async () => {
    const before = await updatedTimes(data.WorkspaceSid);
    await clock.advance(60_000);
    const res = await run(event('Update', PROPS, PROPS));
    expect(res.Data).toEqual(data);
    expect(await updatedTimes(data.WorkspaceSid)).toEqual(before);
    expect(await tr().workspaces.list({ friendlyName: ROUTING.workspace })).toHaveLength(1);
    expect(await stack.twilio.applications.list({ friendlyName: softphoneAppName(ROUTING) })).toHaveLength(1);
  });

  it('update: a queue edited by hand gets its target_workers back; an added queue is created and routed', async () => {
    const ws = tr().workspaces(data.WorkspaceSid);
    const claims = (await ws.taskQueues.list()).find((q) => q.friendlyName === 'claims');
    if (!claims) expect.unreachable('claims queue');
    await ws.taskQueues(claims.sid).update({ targetWorkers: '1==1' });
    const untouched =
      (await ws.taskQueues.list()).find((q) => q.friendlyName === 'policy') ??
      expect.unreachable('policy queue');
    await clock.advance(60_000);

    const grown: RoutingConfig = {
      ...ROUTING,
      queues: [...ROUTING.queues, { name: 'fleet', description: 'Fleet accounts 车队', overflow: 'general' }],
    };
    const rerun = provisioningHandler({
      client: stack.twilio,
      store: stack.store,
      routing: grown,
      logger: createCapturingLogger(),
    });
    const res = await rerun(event('Update', PROPS, PROPS));
    expect(res.Data).toEqual(data);

    const queues = await ws.taskQueues.list();
    expect(queues.find((q) => q.sid === claims.sid)?.targetWorkers).toBe("skills HAS 'claims'");
    const fleet = queues.find((q) => q.friendlyName === 'fleet');
    expect(fleet?.targetWorkers).toBe("skills HAS 'fleet'");
    expect(queues.find((q) => q.sid === untouched.sid)?.dateUpdated).toEqual(untouched.dateUpdated);
    const flow = await ws.workflows(data.WorkflowSid).fetch();
    expect(flow.configuration).toContain(fleet?.sid);
  });

  it('update: a number dropped from the list is unwired, the others stay', async () => {
    const fewer = { ...PROPS, PhoneNumbers: ['+18005550100'] };
    await run(event('Update', fewer, PROPS));
    expect((await numberOf('+18005550100'))?.voiceUrl).toBe('https://cc.example.com/twilio/voice');
    // Still in the account (numbers are bought), with every URL the deployment set cleared.
    expect(await numberOf('+18005550111')).toMatchObject(UNWIRED('+18005550111'));
    await run(event('Update', PROPS, fewer));
  });

  it('fails, naming the number, when a listed number is not in the account', async () => {
    const missing = { ...PROPS, PhoneNumbers: ['+18005550199'] };
    await expect(run(event('Update', missing, PROPS))).rejects.toThrow(/\+18005550199/);
  });

  it('Delete: workspace and TwiML App gone, numbers kept but no longer pointed at the deployment', async () => {
    const res = await run(event('Delete'));
    expect(res).toEqual({ PhysicalResourceId: PHYSICAL_ID });
    expect(await workspaceNamed(ROUTING.workspace)).toBeUndefined();
    expect(await stack.twilio.applications.list({ friendlyName: softphoneAppName(ROUTING) })).toEqual([]);
    for (const n of PROPS.PhoneNumbers ?? []) expect(await numberOf(n)).toMatchObject(UNWIRED(n));
    // The local stack's own workspace is another deployment's: untouched.
    expect(await workspaceNamed(routing.workspace)).toMatchObject({ friendlyName: routing.workspace });
  });

  it('Delete again (CloudFormation retries): nothing left to do, no error', async () => {
    await expect(run(event('Delete'))).resolves.toEqual({ PhysicalResourceId: PHYSICAL_ID });
  });
});
