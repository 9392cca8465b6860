// The Twilio provisioning step as a custom resource: on every deploy that changes its inputs, the onEvent
// function (functions/handlers/provision-twilio.ts) configures TaskRouter, the softphone TwiML App and the
// numbers from flows/; on stack deletion it undoes them. Reads the auth token from Secrets Manager.
import { createHash } from 'node:crypto';
import { CustomResource, Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { HOTLINE_NUMBERS } from '../../../flows/numbers.js';
import { routing } from '../../../flows/routing.js';
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
  /** Base URL of the webhooks, https://<domain>. */
  readonly publicUrl: string;
  /** The static fallback TwiML (FallbackTwiml.url), fetched with GET. */
  readonly fallbackUrl: string;
  /** Numbers to wire; empty = every number in flows/numbers.ts. */
  readonly phoneNumbers: readonly string[];
}

/**
 * Changes when flows/ change, so a deploy with new queues or numbers runs the Update (a new function
 * bundle alone would not: CloudFormation only re-invokes a custom resource whose properties changed).
 */
export const flowsRevision = (): string =>
  createHash('sha256').update(JSON.stringify({ routing, HOTLINE_NUMBERS })).digest('hex').slice(0, 16);

export class TwilioProvisioning extends Construct {
  readonly onEvent: AppFunction;
  readonly resource: CustomResource;
  readonly workspaceSid: string;
  readonly workflowSid: string;
  readonly twimlAppSid: string;

  constructor(scope: Construct, id: string, props: TwilioProvisioningProps) {
    super(scope, id);
    this.onEvent = new AppFunction(this, 'OnEvent', {
      entry: props.entry,
      description: 'Configures the Twilio account (TaskRouter, TwiML App, numbers) on deploy',
      environment: { ...props.environment, TWILIO_AUTH_TOKEN_SECRET_ID: props.authToken.secretName },
      timeout: Duration.minutes(5), // a few dozen REST calls, each retried by the client on 429/5xx
    });
    props.authToken.grantRead(this.onEvent.fn);
    // Reads the agents (to make workers) and writes the `taskrouter` setting; nothing else.
    props.table.grantReadWriteData(this.onEvent.fn);
    acknowledgeTableGrant(this.onEvent, props.tableArnRef);

    const provider = deployStepProvider(this, this.onEvent);

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::TwilioProvisioning',
      properties: {
        PublicUrl: props.publicUrl,
        FallbackUrl: props.fallbackUrl,
        PhoneNumbers: [...props.phoneNumbers],
        FlowsRevision: flowsRevision(),
      },
    });
    // The role's policy (secret read, table) must exist before the first event, and outlive the last.
    if (this.onEvent.fn.role) this.resource.node.addDependency(this.onEvent.fn.role);
    this.workspaceSid = this.resource.getAttString('WorkspaceSid');
    this.workflowSid = this.resource.getAttString('WorkflowSid');
    this.twimlAppSid = this.resource.getAttString('TwimlAppSid');
  }
}
