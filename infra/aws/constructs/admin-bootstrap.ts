// The first admin, so a fresh deployment can be signed in to: a generated password in Secrets Manager and a
// custom resource whose onEvent (functions/handlers/bootstrap-admin.ts) creates the user on Create and
// Update when no user has that id, and leaves users alone on Delete.
//
// A custom resource of its own rather than a step of TwilioProvisioning: a wrong Twilio token or a missing
// number must not leave a deployment with nobody able to sign in, each function may read only its own
// secret (least privilege), and a new adminId re-runs this step without touching the Twilio account.
import { CustomResource, Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledgeTableGrant } from '../nag-findings.js';
import { AppFunction } from './app-function.js';
import { deployStepProvider } from './deploy-step-provider.js';

export interface AdminBootstrapProps {
  /** Absolute path of functions/handlers/bootstrap-admin.ts. */
  readonly entry: string;
  /** Login id of the first admin (DeploySettings.adminId, already validated). */
  readonly adminId: string;
  /** Where users and the audit log live. */
  readonly table: ITable;
  /** How cdk-nag prints the table's ARN (see ServiceStack's STATEFUL_REFS). */
  readonly tableArnRef: string;
}

/** Letters and digits without look-alikes: read off a terminal and typed once, then replaced. */
export const ADMIN_PASSWORD_GENERATION = {
  passwordLength: 24,
  excludePunctuation: true,
  excludeCharacters: 'Il1O0o',
  requireEachIncludedType: true,
} as const;

const TABLE_KEY_ACTIONS = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
] as const;

export class AdminBootstrap extends Construct {
  /** The generated password; the stack outputs its ARN, never its value. */
  readonly password: Secret;
  readonly onEvent: AppFunction;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: AdminBootstrapProps) {
    super(scope, id);
    // Encrypted with the account's Secrets Manager key, like the session key (AppSecrets).
    this.password = new Secret(this, 'Password', {
      description: `First admin's generated password ("${props.adminId}"); used only to create that user`,
      generateSecretString: { ...ADMIN_PASSWORD_GENERATION },
    });
    Validations.of(this.password).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A one-time bootstrap credential: it only seeds the first admin, who replaces the password after signing in; rotating it would change nothing, since an existing user is never reset.',
    });

    this.onEvent = new AppFunction(this, 'OnEvent', {
      entry: props.entry,
      description: 'Creates the first admin on deploy, unless that user exists',
      environment: { TABLE_NAME: props.table.tableName, ADMIN_PASSWORD_SECRET_ID: this.password.secretArn },
      timeout: Duration.minutes(1),
    });
    this.password.grantRead(this.onEvent.fn);
    // A consistent GetItem of the user and conditional PutItems (the user, the audit entry); nothing else.
    props.table.grant(this.onEvent.fn, 'dynamodb:GetItem', 'dynamodb:PutItem');
    // The table key: the same actions grantReadWriteData gives the other functions on it.
    props.table.encryptionKey?.grant(this.onEvent.fn, ...TABLE_KEY_ACTIONS);
    acknowledgeTableGrant(this.onEvent, props.tableArnRef);

    const provider = deployStepProvider(this, this.onEvent);

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::FirstAdmin',
      properties: { AdminId: props.adminId },
    });
    // The role's policy (secret read, table) must exist before the first event.
    if (this.onEvent.fn.role) this.resource.node.addDependency(this.onEvent.fn.role);
  }
}
