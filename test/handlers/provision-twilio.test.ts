// The Twilio provisioning custom resource's logic against the twin: Create configures TaskRouter, the
// softphone TwiML App, the numbers and the API key; a re-run updates nothing and makes no second key; a
// number moved to another flow is renamed, a dropped one unwired; a Create that fails removes what it made;
// Delete, found by SIDs, removes only this deployment's workspace and app (not the local stack's of the same
// name), clears the numbers' URLs and revokes the key, and still succeeds when the token is bad.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routing } from '../../flows/routing.js';
import { createTwilioClient } from '../../functions/adapters/twilio/client.js';
import { softphoneAppName } from '../../functions/adapters/twilio/provision-account.js';
import type { ApiKeyStore } from '../../functions/adapters/twilio/provision-api-key.js';
import { createManualClock, type ManualClock } from '../../functions/domain/manual-clock.js';
import type { RoutingConfig } from '../../functions/domain/routing/types.js';
import {
  type ProvisioningDeps,
  type ProvisioningEvent,
  type ProvisioningProperties,
  provisioningHandler,
} from '../../functions/handlers/provision-twilio.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import { createCapturingLogger } from '../support/capturing-logger.js';

// The same workspace name as the local stack's own, already provisioned: only SIDs tell them apart.
const ROUTING: RoutingConfig = routing;
const SECRET_ID = 'contact-center/twilio-api-key';
const PROPS: ProvisioningProperties = {
  PublicUrl: 'https://cc.example.com',
  FallbackUrl: 'https://cc.example.com/twiml/fallback.xml',
  Numbers: [
    { Number: '+18005550100', Flow: 'warranty' },
    { Number: '+18005550111', Flow: 'rescue' },
  ],
  ApiKeySecretId: SECRET_ID,
  ApiKeyManaged: 'true',
};
const NUMBERS = (PROPS.Numbers ?? []).map((n) => n.Number);

/** The API key secret, as the stack creates it before any key exists. */
const secrets = new Map<string, string>([[SECRET_ID, '{"sid":"","secret":"generated-by-cloudformation"}']]);
const keyStore = (id: string): ApiKeyStore => ({
  read: async () => secrets.get(id),
  write: async (value) => {
    secrets.set(id, value);
  },
});

let stack: LocalStack;
let clock: ManualClock;
let logger: ReturnType<typeof createCapturingLogger>;
let deps: ProvisioningDeps;
let run: ReturnType<typeof provisioningHandler>;
let localWorkspaceSid: string;
beforeAll(async () => {
  clock = createManualClock(Date.parse('2026-03-02T02:00:00Z'));
  stack = await startLocalStack({ port: 0, demoData: false, clock });
  localWorkspaceSid =
    (await stack.store.settings.get<{ workspaceSid: string }>('taskrouter'))?.workspaceSid ??
    expect.unreachable('the local stack provisions its workspace');
  logger = createCapturingLogger();
  deps = { client: stack.twilio, store: stack.store, apiKeyStore: keyStore, routing: ROUTING, logger };
  run = provisioningHandler(deps);
});
afterAll(() => stack.stop());

const tr = () => stack.twilio.taskrouter.v1;
const workspaceExists = async (sid: string) => (await tr().workspaces.list()).some((w) => w.sid === sid);
const keySids = async () => (await stack.twilio.keys.list()).map((k) => k.sid);
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
  for (const n of NUMBERS) {
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

const event = (
  type: ProvisioningEvent['RequestType'],
  props = PROPS,
  old?: ProvisioningProperties,
  physicalId?: string,
) =>
  ({
    RequestType: type,
    ResourceProperties: props,
    ...(type === 'Create' ? {} : { PhysicalResourceId: physicalId ?? data.WorkspaceSid }),
    ...(old ? { OldResourceProperties: old } : {}),
  }) satisfies ProvisioningEvent;

let data: { WorkspaceSid: string; WorkflowSid: string; TwimlAppSid: string; ApiKeySid: string };

describe('Twilio provisioning custom resource, against the twin', () => {
  it('Create: workspace, activities, queues, workflow, softphone app and numbers; SIDs returned and stored', async () => {
    const keysBefore = await keySids();
    const res = await run(event('Create'));
    data = res.Data ?? expect.unreachable('Create returns the SIDs');
    // The workspace's SID is the resource's id: Update and Delete find it by that, never by name.
    expect(res.PhysicalResourceId).toBe(data.WorkspaceSid);
    expect(data.WorkspaceSid).toMatch(/^WS/);
    expect(data.WorkspaceSid).not.toBe(localWorkspaceSid);
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

    // One new API key, stored whole (SID and secret) in the secret the functions read.
    expect(await keySids()).toEqual([...keysBefore, data.ApiKeySid]);
    expect(JSON.parse(secrets.get(SECRET_ID) ?? '{}')).toEqual({
      sid: data.ApiKeySid,
      secret: expect.stringMatching(/^[0-9a-f]{32}$/),
    });

    for (const n of NUMBERS) {
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
    const storedKey = secrets.get(SECRET_ID);
    await clock.advance(60_000);
    const res = await run(event('Update', PROPS, PROPS));
    expect(res).toEqual({ PhysicalResourceId: data.WorkspaceSid, Data: data });
    expect(await updatedTimes(data.WorkspaceSid)).toEqual(before);
    expect(await stack.twilio.applications.list({ friendlyName: softphoneAppName(ROUTING) })).toHaveLength(1);
    // The key is made once: an update keeps the stored one.
    expect(secrets.get(SECRET_ID)).toBe(storedKey);
    expect((await keySids()).filter((sid) => sid === data.ApiKeySid)).toHaveLength(1);
    expect(await stack.twilio.keys.list()).toHaveLength(1);
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
    const rerun = provisioningHandler({ ...deps, routing: grown });
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

  it('update: a number moved to another flow is renamed for it; a dropped number is unwired', async () => {
    const moved = { ...PROPS, Numbers: [{ Number: '+18005550100', Flow: 'it-support' }] };
    const res = await run(event('Update', moved, PROPS));
    expect(res.PhysicalResourceId).toBe(data.WorkspaceSid);
    expect(await numberOf('+18005550100')).toMatchObject({
      friendlyName: `${ROUTING.workspace}: it-support`,
      voiceUrl: 'https://cc.example.com/twilio/voice',
    });
    // Still in the account (numbers are bought), with every URL the deployment set cleared.
    expect(await numberOf('+18005550111')).toMatchObject(UNWIRED('+18005550111'));
    await run(event('Update', PROPS, moved));
    expect((await numberOf('+18005550111'))?.voiceUrl).toBe('https://cc.example.com/twilio/voice');
  });

  it('update refuses, naming it, a number not in the account, before changing anything', async () => {
    const missing = { ...PROPS, Numbers: [{ Number: '+18005550199', Flow: 'warranty' }] };
    const before = await updatedTimes(data.WorkspaceSid);
    await expect(run(event('Update', missing, PROPS))).rejects.toThrow(
      /\+18005550199 not in this Twilio account/,
    );
    expect(await updatedTimes(data.WorkspaceSid)).toEqual(before);
  });

  it('a failed Create removes what it made; the rollback Delete that follows succeeds and touches nothing', async () => {
    const workspaces = (await tr().workspaces.list()).map((w) => w.sid).sort();
    const apps = (await stack.twilio.applications.list()).map((a) => a.sid).sort();
    const other = 'contact-center/other-api-key';
    secrets.set(other, '{"sid":"","secret":"x"}');
    const props = {
      ...PROPS,
      ApiKeySecretId: other,
      Numbers: [...(PROPS.Numbers ?? []), { Number: '+18005550199', Flow: 'rescue' }],
    };
    await expect(run(event('Create', props))).rejects.toThrow(/\+18005550199/);
    expect((await tr().workspaces.list()).map((w) => w.sid).sort()).toEqual(workspaces);
    expect((await stack.twilio.applications.list()).map((a) => a.sid).sort()).toEqual(apps);
    // The key made for it is revoked: only this test's first key remains.
    expect(await keySids()).toEqual([data.ApiKeySid]);

    // CloudFormation then deletes the failed resource under the id the provider framework reported.
    const rollback = await run(event('Delete', props, undefined, 'a1b2c3d4-request-id'));
    expect(rollback).toEqual({ PhysicalResourceId: 'a1b2c3d4-request-id' });
    expect((await tr().workspaces.list()).map((w) => w.sid).sort()).toEqual(workspaces);
    expect((await numberOf('+18005550100'))?.voiceUrl).toBe('https://cc.example.com/twilio/voice');
  });

  it('Delete with a bad token succeeds, logging what it left behind', async () => {
    const badLogger = createCapturingLogger();
    const bad = provisioningHandler({
      ...deps,
      client: createTwilioClient({
        accountSid: stack.config.twilio.accountSid,
        authToken: 'revoked-token',
        apiBaseUrl: stack.twin.apiBaseUrl(),
      }),
      logger: badLogger,
    });
    await expect(bad(event('Delete'))).resolves.toEqual({ PhysicalResourceId: data.WorkspaceSid });
    const warned = badLogger.lines.find((l) => l.level === 'warn');
    expect(warned).toMatchObject({
      workspace: { ok: false, leftBehind: `workspace ${data.WorkspaceSid}` },
      twimlApp: { ok: false, leftBehind: `TwiML App ${data.TwimlAppSid}` },
      apiKey: { ok: false, leftBehind: 'the API key' },
    });
    // Nothing was undone: the real Delete below still finds it all.
    expect(await workspaceExists(data.WorkspaceSid)).toBe(true);
  });

  it('Delete: its workspace, app and key gone, numbers kept but unwired; the local stack untouched', async () => {
    const res = await run(event('Delete'));
    expect(res).toEqual({ PhysicalResourceId: data.WorkspaceSid });
    expect(await workspaceExists(data.WorkspaceSid)).toBe(false);
    await expect(stack.twilio.applications(data.TwimlAppSid).fetch()).rejects.toMatchObject({ status: 404 });
    expect(await keySids()).toEqual([]);
    for (const n of NUMBERS) expect(await numberOf(n)).toMatchObject(UNWIRED(n));
    // Same workspace name, another deployment's SID: untouched.
    expect(await workspaceExists(localWorkspaceSid)).toBe(true);
  });

  it('Delete again (CloudFormation retries): nothing left to do, no error', async () => {
    await expect(run(event('Delete'))).resolves.toEqual({ PhysicalResourceId: data.WorkspaceSid });
  });
});
