// The secrets the functions read at init: the Twilio auth token (created by the admin before deploying,
// imported by name, so its value never passes through CDK), the session signing key and the origin check
// CloudFront adds to every API request (both generated here), and the softphone's Twilio API key (made
// here empty and filled by the provisioning step, or the admin's own, imported by name).
import { Validations } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface AppSecretsProps {
  /** Name of the existing secret whose SecretString is the Twilio auth token. */
  readonly twilioAuthTokenSecretName: string;
  /**
   * Name of an existing secret holding the API key as {"sid":"SK…","secret":"…"}.
   * @default a secret made here, which the provisioning step fills with a key it creates
   */
  readonly twilioApiKeySecretName?: string;
}

export class AppSecrets extends Construct {
  readonly twilioAuthToken: ISecret;
  readonly sessionKey: Secret;
  /** CloudFront sends it as X-Origin-Verify; the API believes CloudFront-Viewer-Address only beside it. */
  readonly originVerify: Secret;
  /** The softphone's API key, JSON {"sid","secret"}; only the API function (and provisioning) read it. */
  readonly twilioApiKey: ISecret;
  /** True when the stack made the key's secret, so provisioning creates the key and may write it there. */
  readonly twilioApiKeyManaged: boolean;

  constructor(scope: Construct, id: string, props: AppSecretsProps) {
    super(scope, id);
    this.twilioAuthToken = Secret.fromSecretNameV2(this, 'TwilioAuthToken', props.twilioAuthTokenSecretName);
    this.sessionKey = new Secret(this, 'SessionKey', {
      description: 'HMAC key that signs agent, supervisor and admin session tokens',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.sessionKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the session key signs every agent out mid-shift; it is rotated by hand (README) in a quiet hour.',
    });
    this.originVerify = new Secret(this, 'OriginVerify', {
      description: 'Header value CloudFront adds to API requests, proving they came through CloudFront',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(this.originVerify).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'CloudFront reads the value at deploy time, so a rotation without a redeploy would lock every login out of its own address; it is rotated by hand with a deploy (docs/operations.md).',
    });
    this.twilioApiKeyManaged = !props.twilioApiKeySecretName;
    if (props.twilioApiKeySecretName) {
      this.twilioApiKey = Secret.fromSecretNameV2(this, 'TwilioApiKey', props.twilioApiKeySecretName);
    } else {
      const made = new Secret(this, 'TwilioApiKey', {
        description: "The softphone's Twilio API key, {sid, secret}; the Twilio provisioning step fills it",
        // An empty sid means "no key yet": the API answers 409 on the token route until provisioning ran.
        generateSecretString: {
          secretStringTemplate: JSON.stringify({ sid: '' }),
          generateStringKey: 'secret',
          excludePunctuation: true,
        },
      });
      Validations.of(made).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'The value is a Twilio API key, which only Twilio can issue: a Secrets Manager rotation function would need the Twilio auth token; docs/deploy.md tells how to replace the key by hand.',
      });
      this.twilioApiKey = made;
    }
  }

  /** How functions name the API key secret: its full ARN when made here, the admin's name otherwise. */
  get twilioApiKeySecretId(): string {
    return this.twilioApiKeyManaged ? this.twilioApiKey.secretArn : this.twilioApiKey.secretName;
  }

  /** Environment entries naming the secrets (ids, never values) as functions/config.ts expects them. */
  get environment(): Record<string, string> {
    return {
      TWILIO_AUTH_TOKEN_SECRET_ID: this.twilioAuthToken.secretName,
      SESSION_KEY_SECRET_ID: this.sessionKey.secretArn,
      ORIGIN_VERIFY_SECRET_ID: this.originVerify.secretArn,
    };
  }

  grantRead(grantee: IGrantable): void {
    this.twilioAuthToken.grantRead(grantee);
    this.sessionKey.grantRead(grantee);
    this.originVerify.grantRead(grantee);
  }
}
