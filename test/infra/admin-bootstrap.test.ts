// The first admin on deploy: a generated password secret (no value in the template), a custom resource given
// only the admin id, and a function that may read that one secret and get/put table items, nothing more;
// no other function may read the secret; the stack outputs the secret's ARN, never its value.
import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD_GENERATION } from '../../infra/aws/constructs/admin-bootstrap.js';
import { actionsOf, type PolicyStatement, type Synthesized, synthesize } from './synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

interface CfnTemplate {
  Resources: Record<
    string,
    {
      Type: string;
      Properties: {
        Environment?: { Variables: Record<string, unknown> };
        SecretString?: unknown;
        GenerateSecretString?: unknown;
      };
    }
  >;
  Outputs: Record<string, { Value: unknown; Description?: string }>;
}

const template = () => s.serviceTemplate.toJSON() as CfnTemplate;
const idOf = (c: { node: { defaultChild?: unknown } }) =>
  s.service.getLogicalId(c.node.defaultChild as CfnElement);
const secretId = () => idOf(s.service.firstAdmin.password);
const roleId = () => idOf(s.service.firstAdmin.onEvent.fn.role as never);

function policies(): { id: string; roles: unknown; statements: PolicyStatement[] }[] {
  return Object.entries(s.serviceTemplate.findResources('AWS::IAM::Policy')).map(([id, p]) => ({
    id,
    roles: p.Properties.Roles,
    statements: p.Properties.PolicyDocument.Statement as PolicyStatement[],
  }));
}
const actions = (st: PolicyStatement) => actionsOf([st]);
const isOwn = (p: { roles: unknown }) => JSON.stringify(p.roles) === JSON.stringify([{ Ref: roleId() }]);
const ownStatements = () =>
  policies()
    .filter(isOwn)
    .flatMap((p) => p.statements);

describe('first admin', () => {
  it('generates a password secret of at least 20 characters without awkward ones, no value in the template', () => {
    const secret = template().Resources[secretId()] ?? expect.unreachable('the secret');
    expect(secret.Type).toBe('AWS::SecretsManager::Secret');
    expect(secret.Properties.SecretString).toBeUndefined();
    expect(secret.Properties.GenerateSecretString).toEqual({
      PasswordLength: ADMIN_PASSWORD_GENERATION.passwordLength,
      ExcludePunctuation: true,
      ExcludeCharacters: 'Il1O0o',
      RequireEachIncludedType: true,
    });
    expect(ADMIN_PASSWORD_GENERATION.passwordLength).toBeGreaterThanOrEqual(20);
  });

  it('a custom resource of its own gets the admin id and waits for its function’s grants', () => {
    const found = s.serviceTemplate.findResources('Custom::FirstAdmin');
    expect(Object.keys(found)).toHaveLength(1);
    const resource = Object.values(found)[0] as { Properties: Record<string, unknown>; DependsOn: string[] };
    expect(resource.Properties.AdminId).toBe('admin');
    expect(JSON.stringify(resource.Properties)).not.toContain(secretId());
    const secretPolicy = policies()
      .filter(isOwn)
      .find((p) => JSON.stringify(p.statements).includes(secretId()));
    expect(resource.DependsOn).toEqual(expect.arrayContaining([roleId(), secretPolicy?.id]));
  });

  it('its function gets the secret’s ARN and the table name, no Twilio or session secrets', () => {
    const env =
      template().Resources[idOf(s.service.firstAdmin.onEvent.fn)]?.Properties.Environment?.Variables ??
      expect.unreachable('the function environment');
    expect(env.ADMIN_PASSWORD_SECRET_ID).toEqual({ Ref: secretId() });
    expect(env).toHaveProperty('TABLE_NAME');
    expect(env).not.toHaveProperty('ADMIN_PASSWORD');
    expect(env).not.toHaveProperty('TWILIO_AUTH_TOKEN_SECRET_ID');
    expect(env).not.toHaveProperty('SESSION_KEY_SECRET_ID');
  });

  it('its function may read that one secret and get/put table items, nothing else', () => {
    const statements = ownStatements();
    const granted = statements.flatMap(actions);
    expect(new Set(granted.map((a) => a.split(':')[0]))).toEqual(
      new Set(['dynamodb', 'kms', 'logs', 'secretsmanager']),
    );
    expect(granted.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
    ]);
    for (const st of statements.filter((st) => actions(st).some((a) => a.startsWith('secretsmanager:')))) {
      expect(actions(st).sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
      expect(st.Resource).toEqual({ Ref: secretId() });
    }
  });

  it('no other function (Twilio provisioning included) may read the admin password', () => {
    const others = policies().filter((p) => !isOwn(p));
    expect(others.length).toBeGreaterThan(4);
    for (const p of others) expect(JSON.stringify(p.statements), p.id).not.toContain(secretId());
  });

  it('outputs the admin id and the secret’s ARN, never its value', () => {
    const { Outputs } = template();
    expect(Outputs.AdminId?.Value).toBe('admin');
    expect(Outputs.AdminPasswordSecret?.Value).toEqual({ Ref: secretId() });
    expect(Outputs.AdminPasswordSecret?.Description).toContain('get-secret-value');
  });
});
