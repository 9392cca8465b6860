// The secrets the functions read at init: the Twilio auth token (created by the admin before deploying,
// imported by name, so its value never passes through CDK), the session signing key and the origin check
// CloudFront adds to every API request (both generated here).
import { Validations } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface AppSecretsProps {
  /** Name of the existing secret whose SecretString is the Twilio auth token. */
  readonly twilioAuthTokenSecretName: string;
}

export class AppSecrets extends Construct {
  readonly twilioAuthToken: ISecret;
  readonly sessionKey: Secret;
  /** CloudFront sends it as X-Origin-Verify; the API believes CloudFront-Viewer-Address only beside it. */
  readonly originVerify: Secret;

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
