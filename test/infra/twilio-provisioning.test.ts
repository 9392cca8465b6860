// The Twilio provisioning custom resource in the service stack: given the public and fallback URLs, the
// numbers with their flows and the API key secret, run after its function may read the auth token, and
// its function granted only what it uses; the API function reads the key, the other functions do not.
import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { flowsRevision } from '../../infra/aws/constructs/twilio-provisioning.js';
import { actionsOf, rolePolicies, type Synthesized, synthesize, TEST_CONTEXT } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

const resources = () => s.serviceTemplate.toJSON().Resources as Record<string, unknown>;
const idOf = (c: { node: { defaultChild?: unknown } }) =>
  s.service.getLogicalId(c.node.defaultChild as CfnElement);

function customResource() {
  const found = s.serviceTemplate.findResources('Custom::TwilioProvisioning');
  expect(Object.keys(found)).toHaveLength(1);
  const [id, resource] = Object.entries(found)[0] as [string, Record<string, unknown>];
  return { id, resource, props: resource.Properties as Record<string, unknown> };
}

describe('Twilio provisioning custom resource', () => {
  it('exists once, served by the provider framework that invokes our onEvent function', () => {
    const { props } = customResource();
    const token = JSON.stringify(props.ServiceToken);
    expect(token).toContain('framework');
    const onEventId = idOf(s.service.provisioning.onEvent.fn);
    const framework = Object.values(resources()).find(
      (r) =>
        (r as { Type?: string }).Type === 'AWS::Lambda::Function' &&
        JSON.stringify(r).includes('USER_ON_EVENT_FUNCTION_ARN'),
    );
    expect(JSON.stringify(framework)).toContain(onEventId);
  });

  it('gets the public URL (CloudFront), the GET fallback URL, the numbers with flows, the flows revision', () => {
    const { props } = customResource();
    expect(JSON.stringify(props.PublicUrl)).toContain('DomainName');
    expect(JSON.stringify(props.WebhookUrl)).toMatch(
      /"https:\/\/",\{"Ref":"HttpApi[0-9A-F]+"\},".execute-api."/,
    );
    expect(JSON.stringify(props.FallbackUrl)).toContain('/twiml/fallback.xml');
    expect(JSON.stringify(props.FallbackUrl)).toContain('DomainName');
    expect(props.Numbers).toEqual([
      { Number: '+8640012345678', Flow: 'warranty' },
      { Number: '+862161234567', Flow: 'rescue' },
    ]);
    expect(props.FlowsRevision).toBe(flowsRevision());
  });

  it('depends on the policy that lets its function read the Twilio auth token secret', () => {
    const { resource } = customResource();
    const roleId = idOf(s.service.provisioning.onEvent.fn.role as never);
    const dependsOn = resource.DependsOn as string[];
    const secretPolicies = rolePolicies(s, roleId).filter(({ statements }) =>
      statements.some(
        (st) =>
          actionsOf([st]).includes('secretsmanager:GetSecretValue') &&
          JSON.stringify(st.Resource).includes('contact-center/twilio-auth-token'),
      ),
    );
    expect(secretPolicies).toHaveLength(1);
    expect(dependsOn).toEqual(expect.arrayContaining([roleId, secretPolicies[0]?.policyId]));
  });

  it('its function: the secret name (never the value), the table, nothing else', () => {
    const fn = resources()[idOf(s.service.provisioning.onEvent.fn)] as {
      Properties: { Environment: { Variables: Record<string, unknown> }; Runtime: string };
    };
    const env = fn.Properties.Environment.Variables;
    expect(env.TWILIO_AUTH_TOKEN_SECRET_ID).toBe('contact-center/twilio-auth-token');
    expect(env.TWILIO_ACCOUNT_SID).toBe(s.settings.twilioAccountSid);
    expect(env).not.toHaveProperty('TWILIO_AUTH_TOKEN');
    expect(env).not.toHaveProperty('SESSION_KEY_SECRET_ID');
    expect(fn.Properties.Runtime).toBe('nodejs22.x');

    const roleId = idOf(s.service.provisioning.onEvent.fn.role as never);
    const granted = actionsOf(rolePolicies(s, roleId).flatMap((p) => p.statements));
    expect(granted).toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue', 'dynamodb:Query']));
    const services = new Set(granted.map((a) => a.split(':')[0]));
    expect([...services].sort()).toEqual(['dynamodb', 'kms', 'logs', 'secretsmanager']);
    // It writes one secret only: the API key's, which the stack made for it.
    const keyArn = s.service.getLogicalId(s.service.secrets.twilioApiKey.node.defaultChild as CfnElement);
    const writes = rolePolicies(s, roleId)
      .flatMap((p) => p.statements)
      .filter((st) =>
        actionsOf([st]).some((a) => a.startsWith('secretsmanager:') && !/:(Get|Describe)/.test(a)),
      );
    expect(writes.map((st) => st.Resource)).toEqual([{ Ref: keyArn }]);
    expect(actionsOf(writes)).toContain('secretsmanager:PutSecretValue');
  });

  it('creates the API key secret empty, names it to provisioning, and lets only the API function read it', () => {
    const keyId = s.service.getLogicalId(s.service.secrets.twilioApiKey.node.defaultChild as CfnElement);
    const secret = resources()[keyId] as { Properties: { GenerateSecretString: Record<string, unknown> } };
    expect(secret.Properties.GenerateSecretString).toMatchObject({
      SecretStringTemplate: '{"sid":""}',
      GenerateStringKey: 'secret',
    });
    const { props } = customResource();
    expect(props.ApiKeySecretId).toEqual({ Ref: keyId });
    expect(props.ApiKeyManaged).toBe('true');

    const envOf = (fn: { node: { defaultChild?: unknown } }) =>
      (resources()[idOf(fn)] as { Properties: { Environment: { Variables: Record<string, unknown> } } })
        .Properties.Environment.Variables;
    expect(envOf(s.service.api.fn).TWILIO_API_KEY_SECRET_ID).toEqual({ Ref: keyId });
    for (const fn of [s.service.webhooks.fn, s.service.worker.fn, s.service.scheduled.fn]) {
      expect(envOf(fn)).not.toHaveProperty('TWILIO_API_KEY_SECRET_ID');
      const roleId = idOf(fn.role as never);
      const reads = rolePolicies(s, roleId).flatMap((p) => p.statements);
      expect(JSON.stringify(reads)).not.toContain(keyId);
    }
  });

  it("takes an admin's own key secret by name: read, checked, never written", () => {
    const own = synthesize({ ...TEST_CONTEXT, twilioApiKeySecretName: 'contact-center/my-api-key' });
    const found = own.serviceTemplate.findResources('Custom::TwilioProvisioning');
    const props = (Object.values(found)[0] as { Properties: Record<string, unknown> }).Properties;
    expect(props.ApiKeySecretId).toBe('contact-center/my-api-key');
    expect(props.ApiKeyManaged).toBe('false');
    expect(
      own.serviceTemplate.findResources('AWS::SecretsManager::Secret', {
        Properties: { GenerateSecretString: { GenerateStringKey: 'secret' } },
      }),
    ).toEqual({});
    const roleId = own.service.getLogicalId(
      own.service.provisioning.onEvent.fn.role?.node.defaultChild as CfnElement,
    );
    const granted = actionsOf(rolePolicies(own, roleId).flatMap((p) => p.statements));
    expect(granted.filter((a) => a.startsWith('secretsmanager:') && !/:(Get|Describe)/.test(a))).toEqual([]);
  });

  it('outputs the workspace, workflow and softphone app SIDs from the resource', () => {
    const { id } = customResource();
    const outputs = s.serviceTemplate.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.TwilioWorkspaceSid?.Value).toEqual({ 'Fn::GetAtt': [id, 'WorkspaceSid'] });
    expect(outputs.TwilioWorkflowSid?.Value).toEqual({ 'Fn::GetAtt': [id, 'WorkflowSid'] });
    expect(outputs.TwilioSoftphoneAppSid?.Value).toEqual({ 'Fn::GetAtt': [id, 'TwimlAppSid'] });
  });
});
