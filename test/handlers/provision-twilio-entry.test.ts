// The provisioning function's Lambda entry as deployed: its dependencies are built from the environment
// on the first event. A build that fails (a missing variable, an unreadable secret) fails Create and
// Update, is not kept for the container's life (the next event, once fixed, succeeds in the same
// container), and does not block Delete: a stack must be deletable without a working Twilio secret.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler, type ProvisioningEvent } from '../../functions/handlers/provision-twilio.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ port: 0, demoData: false });
  vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await stack.stop();
});

const PROPS = { PublicUrl: 'https://cc.example.com' };
const deployedEnv = () => ({
  TWILIO_ACCOUNT_SID: stack.config.twilio.accountSid,
  TWILIO_AUTH_TOKEN: 'local-only-twilio-auth-token-0000',
  TWILIO_API_BASE_URL: stack.twin.apiBaseUrl(),
  TABLE_NAME: stack.config.tableName,
  DYNAMODB_ENDPOINT: stack.config.dynamodbEndpoint ?? expect.unreachable('local dynalite'),
  AWS_REGION: stack.config.region,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
});
const stub = (env: Record<string, string | undefined>) => {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
};

describe('provisioning Lambda entry', () => {
  it('a failed init fails Create, lets Delete succeed, and is retried by the next event', async () => {
    stub({ ...deployedEnv(), TWILIO_AUTH_TOKEN: undefined, TWILIO_AUTH_TOKEN_SECRET_ID: undefined });
    const create: ProvisioningEvent = { RequestType: 'Create', ResourceProperties: PROPS };
    await expect(handler(create)).rejects.toThrow(/TWILIO_AUTH_TOKEN/);

    const orphan = `WS${'9'.repeat(32)}`;
    await expect(
      handler({ RequestType: 'Delete', PhysicalResourceId: orphan, ResourceProperties: PROPS }),
    ).resolves.toEqual({ PhysicalResourceId: orphan });

    // Fixed: the same container builds its dependencies again and provisions.
    stub(deployedEnv());
    const created = await handler(create);
    const workspaceSid = created.PhysicalResourceId;
    expect(workspaceSid).toMatch(/^WS[0-9a-f]{32}$/);
    expect((await stack.twilio.taskrouter.v1.workspaces(workspaceSid).fetch()).sid).toBe(workspaceSid);

    await handler({ RequestType: 'Delete', PhysicalResourceId: workspaceSid, ResourceProperties: PROPS });
    await expect(stack.twilio.taskrouter.v1.workspaces(workspaceSid).fetch()).rejects.toMatchObject({
      status: 404,
    });
  });
});
