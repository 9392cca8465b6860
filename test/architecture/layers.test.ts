// Each rule of .dependency-cruiser.cjs, proven by a fixture tree that breaks it and nothing else, and a
// clean tree that uses every permitted dependency and breaks none.
import { createRequire } from 'node:module';
import type { IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { cruiseFixture, layersScript, type Violation } from './cruise.js';

const ruleFile = createRequire(import.meta.url)(`../../${layersScript().config}`) as IConfiguration;
const rules = ruleFile.forbidden ?? [];
const ruleNames = rules.map((r) => r.name ?? '(unnamed)');

const npm = (name: string) => expect.stringMatching(new RegExp(`(^|/)node_modules/${name}/`));

/** Fixture → the violations it must produce, exactly. */
const broken: Record<string, Violation[]> = {
  'domain-imports-config': [
    { rule: 'domain-only-domain', from: 'functions/domain/rule.ts', to: 'functions/config.ts' },
  ],
  'domain-imports-hono': [
    { rule: 'domain-no-io', from: 'functions/domain/listener.ts', to: 'http' },
    { rule: 'domain-no-io', from: 'functions/domain/rule.ts', to: npm('hono') },
  ],
  'app-imports-adapter': [
    {
      rule: 'app-only-domain-and-config',
      from: 'functions/app/use-case.ts',
      to: 'functions/adapters/dynamo/store.ts',
    },
  ],
  'app-loads-config': [
    { rule: 'app-config-types-only', from: 'functions/app/use-case.ts', to: 'functions/config.ts' },
  ],
  'app-imports-aws-sdk': [
    { rule: 'app-no-io', from: 'functions/app/use-case.ts', to: npm('@aws-sdk/client-dynamodb') },
  ],
  'adapter-imports-route': [
    {
      rule: 'adapters-only-domain-and-config',
      from: 'functions/adapters/s3/media-store.ts',
      to: 'functions/http/paths.ts',
    },
  ],
  'route-imports-worker': [
    {
      rule: 'http-not-to-workers',
      from: 'functions/http/sms-routes.ts',
      to: 'functions/workers/sms-outbound.ts',
    },
  ],
  'worker-imports-route': [
    {
      rule: 'workers-not-to-http',
      from: 'functions/workers/periodic-jobs.ts',
      to: 'functions/http/presence.ts',
    },
  ],
  'route-imports-adapter': [
    {
      rule: 'doors-not-to-adapters',
      from: 'functions/http/calls.ts',
      to: 'functions/adapters/twilio/client.ts',
    },
    {
      rule: 'doors-not-to-adapters',
      from: 'functions/workers/task-routing.ts',
      to: 'functions/adapters/twilio/client.ts',
    },
  ],
  'worker-imports-handler': [
    {
      rule: 'only-handlers-import-handlers',
      from: 'functions/workers/job-worker.ts',
      to: 'functions/handlers/secrets.ts',
    },
  ],
  'config-imports-adapter': [
    { rule: 'config-only-domain', from: 'functions/config.ts', to: 'functions/adapters/secrets.ts' },
  ],
  'unknown-layer': [
    { rule: 'functions-known-layers', from: 'functions/http/routes.ts', to: 'functions/shared/format.ts' },
  ],
  'handler-imports-infra': [
    { rule: 'source-not-to-infra-web-test', from: 'functions/handlers/api.ts', to: 'infra/local/twin.ts' },
  ],
  'flow-imports-route': [
    { rule: 'flows-only-domain-types', from: 'flows/menu.ts', to: 'functions/http/schemas.ts' },
    { rule: 'flows-only-domain-types', from: 'flows/validated.ts', to: npm('zod') },
  ],
  'flow-imports-domain-value': [
    { rule: 'flows-domain-types-only', from: 'flows/menu.ts', to: 'functions/domain/hours.ts' },
  ],
  'web-imports-schema': [
    { rule: 'web-only-domain', from: 'web/src/api.ts', to: 'functions/http/task-schemas.ts' },
  ],
  'aws-imports-local': [
    {
      rule: 'infra-aws-not-local-or-test',
      from: 'infra/aws/service-stack.ts',
      to: 'infra/local/demo-data.ts',
    },
  ],
  'local-imports-test': [
    { rule: 'infra-local-not-test', from: 'infra/local/main.ts', to: 'test/support/dynamo.ts' },
  ],
  cycle: [{ rule: 'no-circular', from: 'functions/domain/jobs.ts', to: 'functions/domain/scheduler.ts' }],
  'type-only-cycle': [
    { rule: 'no-circular', from: 'functions/domain/channel-ports.ts', to: 'functions/domain/ports.ts' },
  ],
  'unresolvable-import': [{ rule: 'no-unresolvable', from: 'functions/domain/rule.ts', to: './missing.js' }],
};

const byDependency = (a: Violation, b: Violation) =>
  `${a.rule} ${a.from} ${a.to}`.localeCompare(`${b.rule} ${b.from} ${b.to}`);

describe('the rule file', () => {
  it('names every rule once, says why, and fails the check on it', () => {
    expect(ruleNames).not.toContain('(unnamed)');
    expect(new Set(ruleNames).size).toBe(ruleNames.length);
    for (const [i, rule] of rules.entries()) {
      expect(rule.comment?.length, ruleNames[i]).toBeGreaterThan(40);
      expect(rule.severity, ruleNames[i]).toBe('error');
    }
  });

  it('has a fixture breaking each of its rules', () => {
    const proven = new Set(Object.values(broken).flatMap((vs) => vs.map((v) => v.rule)));
    expect(ruleNames.filter((name) => !proven.has(name))).toEqual([]);
  });
});

describe('a tree that keeps to the layers', () => {
  it('uses every permitted dependency and breaks no rule', async () => {
    const { violations, modules } = await cruiseFixture('clean');
    expect(violations).toEqual([]);
    // `.js` specifiers resolve to the `.ts` sources, so the cruise sees the whole tree.
    expect(modules.filter((m) => !m.includes('node_modules') && m.includes('/')).sort()).toEqual([
      'flows/vip-line.ts',
      'functions/adapters/dynamo/customer-store.ts',
      'functions/app/find-customer.ts',
      'functions/config.ts',
      'functions/domain/customer.ts',
      'functions/domain/phone.ts',
      'functions/handlers/api.ts',
      'functions/handlers/jobs.ts',
      'functions/handlers/wiring.ts',
      'functions/http/customer-routes.ts',
      'functions/workers/customer-worker.ts',
      'infra/aws/stack.ts',
      'infra/local/main.ts',
      'web/src/customer-card.ts',
    ]);
  });
});

describe('a tree that breaks one rule', () => {
  it.each(Object.entries(broken))('%s', async (fixture, expected) => {
    const { violations } = await cruiseFixture(fixture);
    expect(violations.sort(byDependency)).toEqual(expected);
  });

  it('is reported with the rule, the importing file and the imported one', async () => {
    const { report } = await cruiseFixture('route-imports-worker');
    expect(await report()).toContain(
      'error http-not-to-workers: functions/http/sms-routes.ts → functions/workers/sms-outbound.ts',
    );
  });
});
