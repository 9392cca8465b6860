// The Twilio provisioning bundle, as deployed, driven by the events the custom resource provider sends it,
// against the Twilio twin: Create configures the account and stores the softphone's new API key in its
// secret, Delete removes what Create made. The resource's properties are the template's, but for the
// numbers: the deploy's are not in the twin's account, so its own demo numbers stand in for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOTLINE_NUMBERS } from '../../../flows/numbers.js';
import {
  type BundleRun,
  PUBLIC_BASE_URL,
  runBundle,
  SECRET_IDS,
  WEBHOOK_BASE_URL,
} from './bundle-harness.js';
import { lambdaContext } from './lambda-events.js';

let run: BundleRun;
beforeAll(async () => {
  // As CloudFormation generates it: no key yet.
  run = await runBundle('TwilioProvisioningOnEvent', {
    apiKeySecret: JSON.stringify({ sid: '', secret: 'x'.repeat(40) }),
  });
});
afterAll(() => run?.stop());

const PROPERTIES = {
  ServiceToken:
    'arn:aws:lambda:eu-west-1:123456789012:function:ContactCenterService-TwilioProvisioningProvider',
  PublicUrl: PUBLIC_BASE_URL,
  WebhookUrl: WEBHOOK_BASE_URL,
  FallbackUrl: `${PUBLIC_BASE_URL}/twiml/fallback.xml`,
  Numbers: HOTLINE_NUMBERS.map((n) => ({ Number: n.number, Flow: n.flow })),
  FlowsRevision: '67b88cdee879f0f1',
  ApiKeySecretId: SECRET_IDS.apiKey,
  ApiKeyManaged: 'true',
};

/** The event the provider framework hands the onEvent function. */
const providerEvent = (type: 'Create' | 'Delete', physicalId?: string) => ({
  RequestType: type,
  ServiceToken: PROPERTIES.ServiceToken,
  ResponseURL: 'https://cloudformation-custom-resource-response-euwest1.s3.amazonaws.com/presigned',
  StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/ContactCenterService/guid',
  RequestId: crypto.randomUUID(),
  LogicalResourceId: 'TwilioProvisioning4FB62C5B',
  ResourceType: 'Custom::TwilioProvisioning',
  ResourceProperties: PROPERTIES,
  ...(physicalId ? { PhysicalResourceId: physicalId } : {}),
});

interface Response {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string>;
}

describe('provisioning bundle', () => {
  it('creates the account’s resources and the API key, and deletes them again', async () => {
    const context = lambdaContext('TwilioProvisioningOnEvent', 300_000);
    const created = await run.container.invoke<Response>(providerEvent('Create'), context);
    const workspaceSid = created.PhysicalResourceId;
    expect(workspaceSid).toMatch(/^WS[0-9a-f]{32}$/);
    expect(created.Data).toMatchObject({
      WorkspaceSid: workspaceSid,
      WorkflowSid: expect.stringMatching(/^WW/),
      TwimlAppSid: expect.stringMatching(/^AP/),
      ApiKeySid: expect.stringMatching(/^SK/),
    });
    // The new key went into its secret, both halves, for the API function to sign tokens with.
    const stored = run.aws.secretWrites.find((w) => w.secretId === SECRET_IDS.apiKey);
    expect(JSON.parse(stored?.value ?? '{}')).toMatchObject({
      sid: created.Data?.ApiKeySid,
      secret: expect.any(String),
    });
    const twilio = run.stack.twilio;
    expect((await twilio.taskrouter.v1.workspaces(workspaceSid).fetch()).sid).toBe(workspaceSid);
    const numbers = await twilio.incomingPhoneNumbers.list();
    for (const n of HOTLINE_NUMBERS) {
      const wired = numbers.find((p) => p.phoneNumber === n.number);
      expect(wired?.voiceUrl, n.number).toBe(`${WEBHOOK_BASE_URL}/twilio/voice`);
      expect(wired?.voiceFallbackUrl, n.number).toBe(PROPERTIES.FallbackUrl);
    }

    const deleted = await run.container.invoke<Response>(providerEvent('Delete', workspaceSid), context);
    expect(deleted.PhysicalResourceId).toBe(workspaceSid);
    await expect(twilio.taskrouter.v1.workspaces(workspaceSid).fetch()).rejects.toMatchObject({
      status: 404,
    });
  });
});
