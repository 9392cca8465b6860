// One Lambda function as this run's bundling synth left it (bundle-once.ts): its code asset and its
// environment, read from the synthesized service template. CloudFormation references in the environment
// (the table's name, the queues' URLs, the distribution's domain) become local values; a reference with no
// local value given fails, so a variable the stack adds later cannot slip past these tests unset.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** The service stack's functions, by construct id (ServiceStack's `new AppFunction(this, '<id>', …)`). */
export type FunctionId = 'Webhooks' | 'Api' | 'Worker' | 'Scheduled' | 'Push' | 'TwilioProvisioningOnEvent';

export interface DeployedFunction {
  readonly logicalId: string;
  /** The bundle's entry, index.mjs in the asset folder the stack uploads. */
  readonly entry: string;
  /** `Handler` of the function, e.g. index.handler. */
  readonly handler: string;
  /** Variables exactly as the template sets them: strings, or CloudFormation intrinsics. */
  readonly variables: Readonly<Record<string, unknown>>;
}

interface TemplateFunction {
  readonly Type: string;
  readonly Properties: {
    readonly Code: { readonly S3Key: string };
    readonly Handler: string;
    readonly Environment?: { readonly Variables?: Record<string, unknown> };
  };
}

export function bundledCdkOut(): string {
  const out = inject('bundledCdkOut');
  if (!out) throw new Error('no bundled cdk.out: run these tests in the infra project (bundle-once.ts)');
  return out;
}

export function deployedFunction(id: FunctionId, cdkOut: string = bundledCdkOut()): DeployedFunction {
  const template = JSON.parse(readFileSync(join(cdkOut, 'ContactCenterService.template.json'), 'utf8')) as {
    Resources: Record<string, TemplateFunction>;
  };
  // The construct's path makes the logical id: '<id>Function' and an eight-digit hash of the path.
  const pattern = new RegExp(`^${id}Function[0-9A-F]{8}$`);
  const found = Object.entries(template.Resources).filter(
    ([logicalId, r]) => r.Type === 'AWS::Lambda::Function' && pattern.test(logicalId),
  );
  const [match, ...others] = found;
  if (!match || others.length > 0)
    throw new Error(`expected one function ${pattern} in the service template, found ${found.length}`);
  const [logicalId, fn] = match;
  const asset = join(cdkOut, `asset.${fn.Properties.Code.S3Key.replace(/\.zip$/, '')}`);
  return {
    logicalId,
    entry: join(asset, 'index.mjs'),
    handler: fn.Properties.Handler,
    variables: fn.Properties.Environment?.Variables ?? {},
  };
}

/**
 * The function's environment with each CloudFormation-valued variable replaced by `locals[name]`; literal
 * values are kept as deployed. Throws naming any reference without a local value.
 */
export function localEnvironment(
  fn: DeployedFunction,
  locals: Readonly<Record<string, string>>,
): Record<string, string> {
  const env: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, value] of Object.entries(fn.variables)) {
    if (typeof value === 'string') env[name] = value;
    else if (locals[name] !== undefined) env[name] = locals[name];
    else missing.push(`${name}=${JSON.stringify(value)}`);
  }
  if (missing.length > 0)
    throw new Error(`${fn.logicalId}: no local value for CloudFormation-valued ${missing.join(', ')}`);
  return env;
}
