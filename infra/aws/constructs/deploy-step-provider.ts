// The custom-resource provider of a step that runs during deploys (Twilio provisioning, the first admin):
// CDK's provider framework relaying CloudFormation's events to the step's function, its logs kept a
// month, and the framework's cdk-nag findings acknowledged with reasons (nag-findings.ts).
import { RemovalPolicy } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { acknowledgeProviderFramework } from '../nag-findings.js';
import type { AppFunction } from './app-function.js';

export function deployStepProvider(scope: Construct, onEvent: AppFunction): Provider {
  const provider = new Provider(scope, 'Provider', {
    onEventHandler: onEvent.fn,
    logGroup: new LogGroup(scope, 'ProviderLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    }),
  });
  acknowledgeProviderFramework(provider, onEvent);
  return provider;
}
