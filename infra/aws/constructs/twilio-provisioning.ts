// The Twilio provisioning step as a custom resource: on every deploy that changes its inputs, the onEvent
// function (functions/handlers/provision-twilio.ts) configures TaskRouter from flows/, the softphone TwiML
// App, the deploy's numbers and the softphone's API key; on stack deletion it undoes them. Reads the auth
// token from Secrets Manager, and writes the API key's secret when the stack made it.
import { createHash } from 'node:crypto';
import { CustomResource, Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { routing } from '../../../flows/routing.js';
import type { HotlineAssignment } from '../deploy-settings.js';
import { acknowledgeTableGrant } from '../nag-findings.js';
import { AppFunction } from './app-function.js';
import { deployStepProvider } from './deploy-step-provider.js';

export interface TwilioProvisioningProps {
  /** Absolute path of functions/handlers/provision-twilio.ts. */
  readonly entry: string;
  /** TWILIO_ACCOUNT_SID, TABLE_NAME, TIME_ZONE, PHONE_REGION as functions/config.ts reads them. */
  readonly environment: Readonly<Record<string, string>>;
  readonly authToken: ISecret;
  /** Where the SIDs are recorded (the `taskrouter` setting), and where the agents to make workers are. */
  readonly table: ITable;
  /** How cdk-nag prints the table's ARN (see ServiceStack's STATEFUL_REFS). */
  readonly tableArnRef: string;
  /** The site's base URL, https://<domain>. */
  readonly publicUrl: string;
  /** Where the numbers, TaskRouter and the softphone app send Twilio's webhooks: the HTTP API's endpoint. */
  readonly webhookUrl: string;
  /** The static fallback TwiML (FallbackTwiml.url), fetched with GET. */
  readonly fallbackUrl: string;
  /** The numbers to wire and the flow each runs (validated by deploy-settings.ts). */
  readonly phoneNumbers: readonly HotlineAssignment[];
  /** The softphone's API key secret; `managed`: made by the stack, so provisioning creates the key in it. */
  readonly apiKey?: { readonly secret: ISecret; readonly secretId: string; readonly managed: boolean };
}

/**
 * Changes when the routing in flows/ changes, so a deploy with new queues runs the Update (a new function
 * bundle alone would not: CloudFormation only re-invokes a custom resource whose properties changed).
 * The numbers are properties of their own.
 */
export const flowsRevision = (): string =>
  createHash('sha256').update(JSON.stringify({ routing })).digest('hex').slice(0, 16);

export class TwilioProvisioning extends Construct {
  readonly onEvent: AppFunction;
  readonly resource: CustomResource;
  readonly workspaceSid: string;
  readonly workflowSid: string;
  readonly twimlAppSid: string;
  /** SID of the softphone's API key ('' when no key secret was given). */
  readonly apiKeySid: string;

  constructor(scope: Construct, id: string, props: TwilioProvisioningProps) {
    super(scope, id);
    this.onEvent = new AppFunction(this, 'OnEvent', {
      entry: props.entry,
      description: 'Configures the Twilio account (TaskRouter, TwiML App, numbers) on deploy',
      environment: { ...props.environment, TWILIO_AUTH_TOKEN_SECRET_ID: props.authToken.secretName },
      timeout: Duration.minutes(5), // a few dozen REST calls, each retried by the client on 429/5xx
    });
    props.authToken.grantRead(this.onEvent.fn);
    if (props.apiKey) {
      props.apiKey.secret.grantRead(this.onEvent.fn);
      // Only a secret the stack made is written: an admin's own key is checked, never replaced.
      if (props.apiKey.managed) props.apiKey.secret.grantWrite(this.onEvent.fn);
    }
    // Reads the agents (to make workers) and writes the `taskrouter` setting; nothing else.
    props.table.grantReadWriteData(this.onEvent.fn);
    acknowledgeTableGrant(this.onEvent, props.tableArnRef);

    const provider = deployStepProvider(this, this.onEvent);

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::TwilioProvisioning',
      properties: {
        PublicUrl: props.publicUrl,
        WebhookUrl: props.webhookUrl,
        FallbackUrl: props.fallbackUrl,
        Numbers: props.phoneNumbers.map((n) => ({ Number: n.number, Flow: n.flow })),
        FlowsRevision: flowsRevision(),
        ...(props.apiKey
          ? { ApiKeySecretId: props.apiKey.secretId, ApiKeyManaged: String(props.apiKey.managed) }
          : {}),
      },
    });
    // The role's policy (secret read, table) must exist before the first event, and outlive the last.
    if (this.onEvent.fn.role) this.resource.node.addDependency(this.onEvent.fn.role);
    this.workspaceSid = this.resource.getAttString('WorkspaceSid');
    this.workflowSid = this.resource.getAttString('WorkflowSid');
    this.twimlAppSid = this.resource.getAttString('TwimlAppSid');
    this.apiKeySid = this.resource.getAttString('ApiKeySid');
  }
}
